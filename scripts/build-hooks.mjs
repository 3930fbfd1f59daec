#!/usr/bin/env node
// Builds the PocketBase hooks: a thin registration entry (pb_hooks/pocketdesk.pb.js) and one CommonJS bundle (pb_hooks/app.js).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectRoot } from './pocketbase-paths.mjs';

const hooksDir = join(projectRoot, 'pb_hooks');
const entryOut = join(hooksDir, 'pocketdesk.pb.js');
const bundleOut = join(hooksDir, 'app.js');
const edgeOut = join(hooksDir, 'edge.js');

// es2022 keeps classes, ?. and ?? native; lower targets inject top-level helpers the VM's handlers cannot see.
const common = { format: 'cjs', target: 'es2022', platform: 'neutral', logLevel: 'warning' };

await build({ ...common, entryPoints: [join(projectRoot, 'src/pocketbase/hooks.pb.ts')], outfile: entryOut, bundle: false });
// zod re-exports all ~40 locales through one namespace, which defeats tree shaking; the hooks answer in English.
const englishOnlyZodLocales = {
  name: 'english-only-zod-locales',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: 'export { default as en } from "./en.js";',
      resolveDir: dirname(args.path),
    }));
  },
};

// Every pooled VM compiles a bundle on first use (and PocketBase starts throwaway VMs when the pool is busy),
// so bundle size is request latency: minified, without an inline source map. The hot paths get their own small
// bundle (src/pocketbase/edge.ts explains why).
const bundleOptions = {
  ...common,
  bundle: true,
  minify: process.env.HOOKS_MINIFY !== '0',
  sourcemap: 'external',
  mainFields: ['module', 'main'],
  conditions: ['import', 'default'],
  plugins: [englishOnlyZodLocales],
};
await build({ ...bundleOptions, entryPoints: [join(projectRoot, 'src/pocketbase/index.ts')], outfile: bundleOut });
await build({ ...bundleOptions, entryPoints: [join(projectRoot, 'src/pocketbase/edge.ts')], outfile: edgeOut });

/** Fails the build when the entry has anything a pooled handler could not see or wait for. */
function guardEntry(source) {
  const problems = [];
  if (/^(var|let|const|function|class)\s/m.test(source)) problems.push('a top-level declaration (helpers are invisible to handlers)');
  if (/module\.exports|exports\./.test(source)) problems.push('module.exports (the entry must register handlers only)');
  if (/\basync\b|\bawait\b/.test(source)) problems.push('async code (nothing in the VM waits for it)');
  if (/^import\s|^\s*require\(/m.test(source)) problems.push('a top-level import/require');
  return problems;
}

const problems = guardEntry(readFileSync(entryOut, 'utf8'));
if (problems.length) {
  console.error(`build-hooks: ${entryOut} has ${problems.join('; ')}`);
  process.exit(1);
}
const kb = (file) => Math.round(readFileSync(file, 'utf8').length / 1024);
console.log(`build-hooks: ${entryOut} + ${bundleOut} (${kb(bundleOut)} KB) + ${edgeOut} (${kb(edgeOut)} KB)`);
