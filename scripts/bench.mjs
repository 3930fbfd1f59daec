#!/usr/bin/env node
// `npm run bench`: bundles the TypeScript benchmarks with esbuild and runs them. Not a test: it prints figures.
import { build } from 'esbuild';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from './pocketbase-paths.mjs';

// `npm run bench -- dashboard` runs scripts/bench/dashboard-main.ts alone.
const only = process.argv[2];
const outfile = join(projectRoot, '.tmp', only ? `bench-${only}.mjs` : 'bench.mjs');
await build({ entryPoints: [join(projectRoot, 'scripts', 'bench', only ? `${only}-main.ts` : 'main.ts')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
await import(pathToFileURL(outfile).href);
