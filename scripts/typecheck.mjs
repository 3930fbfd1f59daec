#!/usr/bin/env node
// Typechecks every TypeScript project: the hooks (PocketBase VM globals), the Node side (worker, simulator, tests,
// scripts), the end-to-end tests, the service worker and the PWA (svelte-check).
import { spawnSync } from 'node:child_process';
import { projectRoot } from './pocketbase-paths.mjs';

const checks = [
  ['hooks', ['node_modules/typescript/bin/tsc', '-p', 'src/pocketbase/tsconfig.json']],
  ['worker, simulator, tests and scripts', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.node.json']],
  ['end-to-end tests', ['node_modules/typescript/bin/tsc', '-p', 'tests/e2e/tsconfig.json']],
  ['svelte-kit sync', ['node_modules/@sveltejs/kit/svelte-kit.js', 'sync']],
  // SvelteKit's generated tsconfig excludes the service worker; it gets its own, with the worker's globals.
  ['service worker', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.sw.json']],
  ['app', ['node_modules/svelte-check/bin/svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings=false', '--output', 'human']],
];

let failed = 0;
for (const [name, args] of checks) {
  const run = spawnSync(process.execPath, args, { cwd: projectRoot, stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    console.error(`typecheck: ${name} failed`);
  }
}
process.exit(failed ? 1 : 0);
