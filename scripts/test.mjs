#!/usr/bin/env node
// `npm test`: typecheck, build, unit + integration (vitest), end-to-end (Playwright); then one summary line
// summed from the runners' JSON reports, because CI reads neither vitest's nor Playwright's own summary.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './pocketbase-paths.mjs';

const reports = join(projectRoot, '.reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];
// Named again just above the summary line, because CI keeps only the tail of the output.
const failedTests = [];

function run(label, args, env = {}) {
  process.stdout.write(`\n=== ${label} ===\n`);
  const result = spawnSync(process.execPath, args, { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

/** A step with no report of its own counts as one test. */
function step(label, args) {
  const ok = run(label, args);
  if (ok) totals.passed++;
  else {
    totals.failed++;
    problems.push(label);
  }
  return ok;
}

/** Playwright nests suites by file and describe; a test failed when its final outcome is unexpected. */
function collectPlaywrightFailures(suites, path = []) {
  for (const suite of suites) {
    const here = suite.title ? [...path, suite.title] : path;
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests ?? []) if (test.status === 'unexpected') failedTests.push([...here, spec.title].join(' › '));
    collectPlaywrightFailures(suite.suites ?? [], here);
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

step('typecheck', ['scripts/typecheck.mjs']);
// One formatting for the whole tree (Prettier with the Svelte plugin; `npm run format` fixes it).
step('format', ['node_modules/prettier/bin/prettier.cjs', '--check', '--log-level', 'warn', '.']);
const builds = [
  step('build hooks', ['scripts/build-hooks.mjs']),
  step('build worker and simulator', ['scripts/build-node.mjs']),
  step('build PWA', ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']),
];
const built = builds.every(Boolean);
const skipBuild = { POCKETDESK_SKIP_BUILD: built ? '1' : '0' };

const vitestFile = join(reports, 'vitest.json');
const vitestOk = run(
  'unit and integration tests (vitest)',
  ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestFile}`],
  skipBuild,
);
const vitest = readJson(vitestFile);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
  for (const file of vitest.testResults ?? [])
    for (const test of file.assertionResults ?? [])
      if (test.status === 'failed') failedTests.push(`${file.name.replace(projectRoot + '/', '')} › ${test.fullName}`);
  // A file that fails to load has no tests to count; vitest still reports the suite as failed.
  if (!vitestOk && vitest.numFailedTests === 0) {
    totals.failed++;
    problems.push('vitest (a test file failed to load)');
  }
} else {
  totals.failed++;
  problems.push('vitest (no report)');
}

const playwrightFile = join(reports, 'playwright.json');
const playwrightOk = run('end-to-end tests (Playwright)', ['node_modules/@playwright/test/cli.js', 'test'], {
  ...skipBuild,
  PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightFile,
});
const playwright = existsSync(playwrightFile) ? readJson(playwrightFile) : null;
if (playwright?.stats) {
  totals.passed += playwright.stats.expected + (playwright.stats.flaky ?? 0);
  totals.failed += playwright.stats.unexpected;
  totals.skipped += playwright.stats.skipped;
  if (playwright.stats.flaky)
    process.stdout.write(`\nend-to-end: ${playwright.stats.flaky} test(s) failed once and passed on the retry (flaky; see the Playwright output above)\n`);
  if (!playwrightOk && playwright.stats.unexpected === 0) {
    totals.failed++;
    problems.push('playwright (setup or teardown failed)');
  }
} else {
  totals.failed++;
  problems.push('playwright (no report)');
}

collectPlaywrightFailures(playwright?.suites ?? []);
if (failedTests.length) process.stdout.write(`\nfailed tests:\n${failedTests.map((name) => `  ${name}`).join('\n')}\n`);
if (problems.length) process.stdout.write(`\nfailed steps: ${problems.join(', ')}\n`);
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(totals.failed > 0 ? 1 : 0);
