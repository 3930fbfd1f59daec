import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(here).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
const code = (file: string) => readFileSync(join(here, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');

// The same files run in PocketBase's VM (ES2022 without Intl, TextEncoder, URL, timers or awaited promises).
describe('the metrics module stays pure', () => {
  it('has sources to check', () => {
    expect(sources.length).toBeGreaterThan(0);
  });

  it.each(sources)('%s imports only the domain', (file) => {
    for (const [, path] of code(file).matchAll(/\bfrom\s+'([^']+)'/g)) expect(path).toMatch(/^\.\.?\/[^.]/);
  });

  it.each(sources)('%s reads no clock, randomness, Intl, timers or async code and keeps no module-level let', (file) => {
    const source = code(file);
    for (const forbidden of [/\bDate\b/, /\bIntl\b/, /Math\.random/, /\bperformance\b/, /\bsetTimeout\b|\bsetInterval\b/, /\basync\b|\bawait\b/, /^(export\s+)?(let|var)\s/m, /\bTextEncoder\b|\bURL\b|\.normalize\(/, /\(\?<[=!a-zA-Z]/]) {
      expect(source).not.toMatch(forbidden);
    }
  });
});
