#!/usr/bin/env node
// Bundles the Node processes (worker, simulator) into build/*.mjs so `npm start` runs plain JavaScript.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './pocketbase-paths.mjs';

const programs = ['worker', 'simulator'].filter((name) => existsSync(join(projectRoot, 'src', name, 'main.ts')));
await Promise.all(
  programs.map((name) =>
    build({
      entryPoints: [join(projectRoot, 'src', name, 'main.ts')],
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
console.log(`build-node: ${programs.map((name) => `build/${name}.mjs`).join(', ')}`);
