#!/usr/bin/env node
// Bundles the Node processes (worker, simulator) into build/*.mjs so `npm start` runs plain JavaScript.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './pocketbase-paths.mjs';

const programs = ['worker', 'simulator'].filter((name) => existsSync(join(projectRoot, 'src', name, 'main.ts')));
// The worker trains intent models in a thread (src/worker/intent-training.ts) that loads this file beside worker.mjs.
const threads = programs.includes('worker') ? [{ name: 'intent-training-thread', entry: join('src', 'worker', 'intent-training-thread.ts') }] : [];
const entries = [...programs.map((name) => ({ name, entry: join('src', name, 'main.ts') })), ...threads];
await Promise.all(
  entries.map(({ name, entry }) =>
    build({
      entryPoints: [join(projectRoot, entry)],
      outfile: join(projectRoot, 'build', `${name}.mjs`),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      sourcemap: 'linked',
      logLevel: 'warning',
    }),
  ),
);
console.log(`build-node: ${entries.map(({ name }) => `build/${name}.mjs`).join(', ')}`);
