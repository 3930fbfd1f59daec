import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// STYLE §2–3 for every module under src/lib/domain: it imports values only from the domain (types from anywhere),
// it is pure, and it runs unchanged in PocketBase's JS VM (goja: ES2022 without Intl, TextEncoder, URL, timers
// or awaited promises; regexes without lookbehind, named groups or the `u` flag).
const domainDir = __dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

const files = sourceFiles(domainDir);
const names = files.map((file) => relative(domainDir, file));
const code = (file: string) =>
  readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');

const forbidden: Array<[string, RegExp]> = [
  ['the clock', /Date\.now\(|new Date\(|\bperformance\./],
  ['randomness', /Math\.random/],
  ['Intl', /\bIntl\./],
  ['timers', /\bsetTimeout\b|\bsetInterval\b/],
  ['async code', /\basync\b|\bawait\b/],
  ['module-level mutable state', /^(export\s+)?(let|var)\s/m],
  ['APIs the VM lacks', /\bTextEncoder\b|\bnew URL\b|\.normalize\(/],
  ['lookbehind or named groups', /\(\?<[=!a-zA-Z]/],
  ['unicode-mode regexes', /\\[pP]\{/],
];

describe('the domain layer', () => {
  it('has modules to check', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(names)('%s imports values only from inside src/lib/domain', (name) => {
    const file = join(domainDir, name);
    for (const [, typeOnly, target] of code(file).matchAll(/^import\s+(type\s+)?[^'"]*from\s+'([^']+)'/gm)) {
      if (typeOnly) continue;
      expect(target.startsWith('.') && resolve(join(file, '..'), target).startsWith(domainDir), `${name} → ${target}`).toBe(true);
    }
  });

  it.each(names)('%s is pure and VM-safe', (name) => {
    const source = code(join(domainDir, name));
    for (const [what, pattern] of forbidden) expect(source, `${name} uses ${what}`).not.toMatch(pattern);
  });
});
