import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(here).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
const code = (file: string) => readFileSync(join(here, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');

// The same files run in PocketBase's VM, which has no Intl, timers or awaited promises.
describe('the hours module stays pure', () => {
  it.each(sources)('%s imports only sibling domain modules', (file) => {
    const imports = [...code(file).matchAll(/\bfrom\s+'([^']+)'/g)].map((match) => match[1]);
    for (const path of imports) expect(path).toMatch(/^\.\//);
  });

  it.each(sources)('%s reads no clock, randomness, Intl, timers or async code and keeps no module-level let', (file) => {
    const source = code(file);
    for (const forbidden of [/\bDate\b/, /\bIntl\b/, /Math\.random/, /\bsetTimeout\b|\bsetInterval\b/, /\basync\b|\bawait\b/, /^let\s/m, /^export\s+let\s/m]) {
      expect(source).not.toMatch(forbidden);
    }
  });
});
