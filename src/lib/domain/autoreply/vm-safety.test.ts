import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Auto-replies, the FAQ bot and templates run inside PocketBase's JS VM (goja): no Intl, timers or awaited
// promises, and regexes without lookbehind, named groups or the `u` flag.
const domain = join(dirname(fileURLToPath(import.meta.url)), '..');
const sources = ['autoreply', 'faq', 'templates'].flatMap((dir) =>
  readdirSync(join(domain, dir))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => `${dir}/${file}`),
);
const code = (file: string) => readFileSync(join(domain, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

describe('the auto-reply, FAQ and template modules run in the hooks’ VM', () => {
  it.each(sources)('%s reads no clock, randomness, Intl, timers or async code and keeps no module-level let', (file) => {
    const source = code(file);
    for (const forbidden of [/\bDate\b/, /\bIntl\b/, /Math\.random/, /\bsetTimeout\b|\bsetInterval\b/, /\basync\b|\bawait\b/, /^let\s/m, /^export\s+let\s/m, /\bTextEncoder\b|\bnew URL\b|\.normalize\(/]) {
      expect(source).not.toMatch(forbidden);
    }
  });

  it.each(sources)('%s writes regexes without lookbehind, named groups or the u flag', (file) => {
    const source = code(file);
    expect(source).not.toMatch(/\(\?<[=!a-zA-Z]/);
    expect(source).not.toMatch(/\\[pPk]\{|\\k</);
    expect(source).not.toMatch(/\/[gimsy]*u[gimsy]*[,;)\s.]/);
  });
});
