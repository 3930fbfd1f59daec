import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { projectRoot } from '../pocketbase-paths.mjs';

export interface PwaSize {
  files: number;
  rawKb: number;
  gzipKb: number;
}

const pwaDir = join(projectRoot, 'build', 'pwa');

/** Static imports of a built module (`import ... from "./x.js"` and side-effect imports). */
function staticImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  // Minified output: `import{a as b}from"./x.js"` or `import"./x.js"`; dynamic `import("…")` is not followed.
  const found = [...source.matchAll(/\b(?:from|import)\s*["']([^"']+\.js)["']/g)].map((m) => m[1]);
  return found.map((path) => resolve(dirname(file), path));
}

/**
 * The JavaScript a first visit to the queue loads: SvelteKit's two entries, the root layout and the `/` page
 * (read from the built router), and everything they import statically; summed raw and gzipped.
 */
export function measurePwaInitialJs(): PwaSize {
  const immutable = join(pwaDir, '_app', 'immutable');
  if (!existsSync(join(pwaDir, 'index.html'))) throw new Error('build/pwa is missing: run npm run build:pwa first');
  const entries = (readFileSync(join(pwaDir, 'index.html'), 'utf8').match(/_app\/immutable\/entry\/[^"']+\.js/g) ?? []).map((p) => join(pwaDir, p));
  const app = entries.find((path) => /\/app\.[^/]+\.js$/.test(path));
  const appSource = app ? readFileSync(app, 'utf8') : '';
  const nodeFiles = [...appSource.matchAll(/nodes\/(\d+)\.[A-Za-z0-9_-]+\.js/g)].map((m) => ({ index: Number(m[1]), path: join(immutable, m[0]) }));
  const rootPage = /"\/":\[(\d+)\]/.exec(appSource);
  const wanted = new Set([0, rootPage ? Number(rootPage[1]) : 2]);
  const queue = [...new Set([...entries, ...nodeFiles.filter((n) => wanted.has(n.index)).map((n) => n.path)])];
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    queue.push(...staticImports(file));
  }
  let raw = 0;
  let gzip = 0;
  for (const file of seen) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: seen.size, rawKb: Math.round(raw / 102.4) / 10, gzipKb: Math.round(gzip / 102.4) / 10 };
}
