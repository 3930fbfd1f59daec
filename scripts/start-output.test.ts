import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isProblemLine, StartOutput } from './start-output.mjs';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function output(verbose = false) {
  const dir = mkdtempSync(join(tmpdir(), 'start-output-'));
  dirs.push(dir);
  const out: string[] = [];
  const err: string[] = [];
  const printer = new StartOutput({
    logFile: join(dir, 'logs', 'start.log'),
    verbose,
    out: (t: string) => void out.push(t),
    err: (t: string) => void err.push(t),
  });
  return { printer, out, err, log: () => readFileSync(printer.logFile, 'utf8') };
}

describe('isProblemLine', () => {
  it.each([
    ['stdout', '2026/12/07 08:00:00 Server started at http://127.0.0.1:8090', false],
    ['stdout', 'SELECT count(*) FROM conversations WHERE status = "open"', false],
    ['stdout', '[worker] ready (worker-1) → http://127.0.0.1:8091', false],
    ['stdout', '✓ 412 modules transformed.', false],
    ['stdout', '', false],
    ['stdout', '[worker] outbound: fetch failed', true],
    ['stdout', 'Error: listen EADDRINUSE: address already in use', true],
    ['stdout', 'panic: runtime error: invalid memory address', true],
    ['stderr', 'anything written to stderr', true],
    ['stderr', '   ', false],
  ] as const)('on %s, %j → %s', (stream, line, expected) => {
    expect(isProblemLine(stream, line)).toBe(expected);
  });
});

describe('StartOutput', () => {
  it('prints what a person needs and keeps the chatter in the log', () => {
    const { printer, out, err, log } = output();
    printer.log('vite v8.3.8 building for production...\n✓ 412 modules transformed.');
    printer.child('pocketbase', 'stdout', 'SELECT * FROM _params');
    printer.child('worker', 'stdout', '[worker] ready');
    printer.say('  agent app      http://127.0.0.1:8090/');
    expect(out).toEqual(['  agent app      http://127.0.0.1:8090/\n']);
    expect(err).toEqual([]);
    expect(log()).toContain('✓ 412 modules transformed.');
    expect(log()).toContain('pocketbase| SELECT * FROM _params');
    expect(log()).toContain('worker    | [worker] ready');
  });

  it('shows every problem, and where the whole log is the first time', () => {
    const { printer, err, log } = output();
    printer.child('worker', 'stdout', '[worker] push: fetch failed');
    printer.child('simulator', 'stderr', 'TypeError: x is not a function');
    expect(err).toEqual([
      'worker    | [worker] push: fetch failed\n',
      `  (everything else is in ${printer.logFile})\n`,
      'simulator | TypeError: x is not a function\n',
    ]);
    expect(log()).toContain('simulator | TypeError: x is not a function');
  });

  it('prints everything when verbose', () => {
    const { printer, out, err } = output(true);
    printer.log('✓ built in 12s');
    printer.child('pocketbase', 'stdout', 'SELECT 1');
    printer.child('pocketbase', 'stderr', 'a warning');
    expect(out).toEqual(['✓ built in 12s\n', 'pocketbase| SELECT 1\n']);
    expect(err).toEqual(['pocketbase| a warning\n']);
  });
});
