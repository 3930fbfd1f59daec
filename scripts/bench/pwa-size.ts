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

/** The built entries, and the router's node files per route (its page, then its layouts below the root). */
function builtRoutes(): { entries: string[]; nodes: Map<number, string>; nodesOf: (route: string) => number[] | null } {
  const immutable = join(pwaDir, '_app', 'immutable');
  if (!existsSync(join(pwaDir, 'index.html'))) throw new Error('build/pwa is missing: run npm run build:pwa first');
  const entries = (readFileSync(join(pwaDir, 'index.html'), 'utf8').match(/_app\/immutable\/entry\/[^"']+\.js/g) ?? []).map((p) => join(pwaDir, p));
  const app = entries.find((path) => /\/app\.[^/]+\.js$/.test(path));
  const appSource = app ? readFileSync(app, 'utf8') : '';
  const nodes = new Map([...appSource.matchAll(/nodes\/(\d+)\.[A-Za-z0-9_-]+\.js/g)].map((m) => [Number(m[1]), join(immutable, m[0])] as const));
  // The router's table: `"/admin":[6,[2]]` is page node 6 under layout node 2; a route without layouts is `[5]`.
  const nodesOf = (route: string) => {
    const found = new RegExp(`"${route.replace(/[/[\]]/g, '\\$&')}":\\[(\\d+)(?:,\\[([\\d,]*)\\])?`).exec(appSource);
    if (!found) return null;
    const layouts = (found[2] ?? '').split(',').filter((index) => index !== '');
    return [Number(found[1]), ...layouts.map(Number)];
  };
  return { entries, nodes, nodesOf };
}

/**
 * The heavier language's core strings: the root layout awaits them (a dynamic import, so `reachable` does not see
 * it) before the first screen renders. Found through Vite's client manifest, which maps each source to its chunk.
 */
function coreCatalogFile(): string[] {
  const manifestPath = join(projectRoot, '.svelte-kit', 'output', 'client', '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error('the client manifest is missing: run npm run build:pwa first');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, { file: string }>;
  const cores = Object.entries(manifest)
    .filter(([source]) => /^src\/lib\/i18n\/[a-z]+\/core\.ts$/.test(source))
    .map(([, chunk]) => join(pwaDir, chunk.file))
    .filter((file) => existsSync(file));
  const heaviest = cores.sort((a, b) => gzipSync(readFileSync(b)).length - gzipSync(readFileSync(a)).length)[0];
  return heaviest ? [heaviest] : [];
}

/** Every file `start` loads, following static imports. */
function reachable(start: readonly string[]): Set<string> {
  const queue = [...new Set(start)];
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    queue.push(...staticImports(file));
  }
  return seen;
}

function sizeOf(files: Iterable<string>): PwaSize {
  let raw = 0;
  let gzip = 0;
  let count = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
    count += 1;
  }
  return { files: count, rawKb: Math.round(raw / 102.4) / 10, gzipKb: Math.round(gzip / 102.4) / 10 };
}

function firstVisitFiles(): Set<string> {
  const { entries, nodes, nodesOf } = builtRoutes();
  const wanted = [0, ...(nodesOf('/') ?? [2])].flatMap((index) => nodes.get(index) ?? []);
  return new Set([...reachable([...entries, ...wanted]), ...coreCatalogFile()]);
}

/**
 * The JavaScript a first visit to the queue loads: SvelteKit's two entries, the root layout and the `/` page
 * (read from the built router), everything they import statically, and the larger language's core strings;
 * summed raw and gzipped.
 */
export function measurePwaInitialJs(): PwaSize {
  return sizeOf(firstVisitFiles());
}

/** What opening `route` after the queue adds: its page, its layouts and the imports the queue had not loaded. */
export function measureRouteExtraJs(route: string): PwaSize {
  const { nodes, nodesOf } = builtRoutes();
  const files = (nodesOf(route) ?? []).flatMap((index) => nodes.get(index) ?? []);
  if (files.length === 0) throw new Error(`no built page for ${route}`);
  const loaded = firstVisitFiles();
  return sizeOf([...reachable(files)].filter((file) => !loaded.has(file)));
}
