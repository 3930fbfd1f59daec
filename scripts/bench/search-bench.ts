import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchCustomer, benchMessage, seededRandom } from '../../src/pocketbase/bench-text';
import { Api } from '../../tests/support/api';
import { startPocketBase, type RunningPocketBase } from '../../tests/support/pocketbase';
import { createAgent, createChannel, createTeam, PASSWORD } from '../../tests/support/seed';
import { hasSqliteShell, seedHistoryWithSqlite } from './sqlite-seed';

// Server search over a year of history: 100,000 conversations × 10 messages of Spanish and English text, seeded
// with bulk SQL — by the sqlite3 shell while PocketBase is stopped (minutes), or where that shell is missing through
// the bench-seed route (POCKETDESK_ENABLE_BENCH_SEED=1, half an hour) — then GET /api/pocketdesk/search as one of 10 agents of the team
// (who may see a tenth of it), one request at a time. PocketBase's own filter (`text ~ …`, a LIKE scan through
// the messages' API rule) is timed on a few of the same one-word queries for comparison.

export interface Latency {
  queries: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  withHits: number;
}

export interface SearchBenchResult {
  conversations: number;
  messages: number;
  seedSeconds: number;
  seededBy: 'sqlite3' | 'route';
  oneWord: Latency;
  threeWords: Latency;
  pocketbaseFilter: Latency;
  indexMb: number;
  databaseMb: number;
}

const ONE_WORD = [
  'pedido',
  'factura',
  'tecnico',
  'técnico',
  'bomba',
  'caldera',
  'gotea',
  'ruido',
  'reembolso',
  'order',
  'leaking',
  'invoice',
  'refund',
  'engineer',
  'boiler',
  'garcia',
  'Peña',
  'munoz',
  'sevilla',
  'bogota',
  'Dublin',
  'Smith',
  'sab',
  'Wedn',
  'septiembre',
  'October',
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;

async function timeQueries(api: Api, paths: string[]): Promise<Latency> {
  const samples: number[] = [];
  let withHits = 0;
  for (const path of paths) {
    const started = performance.now();
    const response = await api.request<{ items: unknown[] }>('GET', path);
    samples.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    if (response.body.items.length > 0) withHits++;
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    queries: paths.length,
    p50Ms: round(percentile(sorted, 0.5)),
    p99Ms: round(percentile(sorted, 0.99)),
    maxMs: round(sorted[sorted.length - 1] ?? 0),
    withHits,
  };
}

/** Seeds `total` conversations of `perConversation` messages and times one- and three-word searches as an agent. */
export async function benchSearch(total = 100_000, perConversation = 10, queries = 300): Promise<SearchBenchResult> {
  const env = { POCKETDESK_ENABLE_BENCH_SEED: '1' };
  let pb: RunningPocketBase = await startPocketBase(env);
  try {
    let root = new Api(pb.url, pb.superuserToken);
    const team = await createTeam(root, 'Bench team');
    const channel = await createChannel(root, { default_team: team });
    const agents: Array<{ id: string; email: string }> = [];
    for (let i = 0; i < 10; i++) agents.push(await createAgent(root, { name: `Bench agent ${i}`, teams: [team], status: 'offline' }));
    const seedStart = performance.now();
    const to = Date.now();
    const from = to - 365 * 86_400_000;
    const target = { channel, team, agents: agents.map((a) => a.id) };
    const seededBy = hasSqliteShell() ? 'sqlite3' : 'route';
    if (seededBy === 'sqlite3') {
      await pb.halt();
      await seedHistoryWithSqlite(join(pb.dataDir, 'data.db'), total, target, { messages: perConversation, from, to, seed: 1 });
      pb = await startPocketBase(env, pb.dataDir);
      root = new Api(pb.url, pb.superuserToken);
    } else {
      const chunk = 10_000;
      for (let done = 0; done < total; done += chunk) {
        const size = Math.min(chunk, total - done);
        const span = (to - from) / total;
        const history = { messages: perConversation, from: from + done * span, to: from + (done + size) * span, seed: 1 + done };
        const response = await root.request('POST', '/api/pocketdesk/bench/seed', { conversations: size, ...target, history });
        if (response.status !== 200) throw new Error(`seed: ${response.status} ${JSON.stringify(response.body)}`);
      }
    }
    const seedSeconds = Math.round((performance.now() - seedStart) / 1000);
    const agent = await root.as(agents[0]!.email, PASSWORD);
    const stats = (await root.request<{ searchIndexBytes: number; databaseBytes: number }>('POST', '/api/pocketdesk/bench/seed', { stats: true })).body;

    const random = seededRandom(424242);
    const search = (q: string) => `/api/pocketdesk/search?${new URLSearchParams({ q })}`;
    const oneWord = Array.from({ length: queries }, (_, i) =>
      i % 5 === 4 ? benchCustomer(random).waId.slice(4, 9) : ONE_WORD[Math.floor(random() * ONE_WORD.length)]!,
    );
    const threeWords = Array.from({ length: queries }, () => {
      const words = benchMessage(random, benchCustomer(random), random() < 0.7)
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
      const start = Math.floor(random() * Math.max(1, words.length - 2));
      return words.slice(start, start + 3).join(' ');
    });
    // Warm the VM pool and SQLite's page cache, as a server that has been answering for a while.
    await timeQueries(agent, oneWord.slice(0, 30).map(search));
    const one = await timeQueries(agent, oneWord.map(search));
    const three = await timeQueries(agent, threeWords.map(search));
    const filter = (word: string) =>
      `/api/collections/messages/records?${new URLSearchParams({ filter: `text ~ "${word}"`, sort: '-created', perPage: '30', skipTotal: '1' })}`;
    const pocketbaseFilter = await timeQueries(agent, ONE_WORD.slice(0, 8).map(filter));
    return {
      conversations: total,
      messages: total * perConversation,
      seedSeconds,
      seededBy,
      oneWord: one,
      threeWords: three,
      pocketbaseFilter,
      indexMb: Math.round(stats.searchIndexBytes / 1e5) / 10,
      databaseMb: Math.round(stats.databaseBytes / 1e5) / 10,
    };
  } finally {
    await pb.stop();
  }
}
