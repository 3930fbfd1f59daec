#!/usr/bin/env node
// `npm run bench`: bundles the TypeScript benchmarks with esbuild and runs them. Not a test: it prints figures.
import { build } from 'esbuild';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from './pocketbase-paths.mjs';

const outfile = join(projectRoot, '.tmp', 'bench.mjs');
await build({
  entryPoints: [join(projectRoot, 'scripts', 'bench', 'main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
await import(pathToFileURL(outfile).href);
