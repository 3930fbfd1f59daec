import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// STYLE §2: the domain imports only the domain, plus types from anywhere; it never reaches for I/O or globals.
const domainDir = __dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the domain layer', () => {
  const files = sourceFiles(domainDir);

  it('imports values only from inside src/lib/domain', () => {
    const offenders: string[] = [];
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/^import\s+(type\s+)?[^'"]*from\s+'([^']+)'/gm)) {
        const [, typeOnly, target] = match;
        if (typeOnly) continue;
        const inside = target.startsWith('.') && resolve(join(file, '..'), target).startsWith(domainDir);
        if (!inside) offenders.push(`${relative(domainDir, file)} → ${target}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('never reads the clock, randomness or Intl itself', () => {
    const offenders = files.filter((file) => /Date\.now\(|Math\.random\(|\bIntl\.|\bfetch\(|new Date\(\)/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => relative(domainDir, file))).toEqual([]);
  });
});
