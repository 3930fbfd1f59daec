import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => ({ file: f, text: readFileSync(join(here, f), 'utf8') }));

describe('the routing domain', () => {
  it('has sources to check', () => {
    expect(sources.length).toBeGreaterThan(5);
  });

  it.each(sources.map((s) => [s.file, s.text]))('%s imports only the domain, and schema types', (_, text) => {
    for (const [, typeOnly, from] of text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)'/gm)) {
      const allowed = from.startsWith('./') || from.startsWith('../window/') || (typeOnly !== undefined && from === '../../schemas/routing');
      expect(allowed, `import from ${from}`).toBe(true);
    }
  });

  it.each(sources.map((s) => [s.file, s.text]))('%s reads no clock, randomness, Intl or mutable module state, and nothing the hooks VM lacks', (_, text) => {
    expect(text).not.toMatch(/Date\.now|new Date\(|Math\.random|\bIntl\b|\.normalize\(|TextEncoder|\bURL\b|\basync\b|\bawait\b|setTimeout|\(\?<[=!a-zA-Z]/);
    expect(text).not.toMatch(/^(export\s+)?(let|var)\s/m);
    // Regex literals in the domain never use the u flag, which older engines handle differently.
    expect(text).not.toMatch(/\/[gimsy]*u[gimsy]*[,;)]/);
  });
});
