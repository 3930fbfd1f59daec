#!/usr/bin/env node
// `npm run classifier -- evaluate --train A.csv --test B.csv`: bundles the TypeScript CLI with esbuild and runs it.
import { build } from 'esbuild';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from './pocketbase-paths.mjs';

const outfile = join(projectRoot, '.tmp', 'classifier.mjs');
await build({
  entryPoints: [join(projectRoot, 'scripts', 'classifier', 'main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'error',
});
await import(pathToFileURL(outfile).href);
