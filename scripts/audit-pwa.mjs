#!/usr/bin/env node
// `npm run audit:pwa`: bundles the TypeScript audit with esbuild and runs it. Builds nothing of the app itself:
// run `npm run build` first.
import { build } from 'esbuild';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from './pocketbase-paths.mjs';

const outfile = join(projectRoot, '.tmp', 'audit-pwa.mjs');
await build({
  entryPoints: [join(projectRoot, 'scripts', 'audit', 'main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
await import(pathToFileURL(outfile).href);
