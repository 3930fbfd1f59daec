import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedHistoryWithSqlite } from '../../scripts/bench/sqlite-seed';
import { Api } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, createChannel, createTeam, PASSWORD } from '../support/seed';

// The search benchmark seeds its history with the sqlite3 shell while PocketBase is stopped (minutes instead of half
// an hour through the bench-seed route). Its search index must be the one production builds: the same texts give
// the same index through either path, and the restarted server searches it.

const ENV = { POCKETDESK_ENABLE_BENCH_SEED: '1' };
const CONVERSATIONS = 120;
const HISTORY = { messages: 6, from: Date.parse('2026-01-01T00:00:00Z'), to: Date.parse('2026-12-01T00:00:00Z'), seed: 7 };
const WORDS = ['pedido', 'factura', 'tecnico', 'leaking', 'invoice', 'garcia', 'sab*', 'Peña'];

const sql = (pb: RunningPocketBase, query: string) => execFileSync('sqlite3', [join(pb.dataDir, 'data.db'), query], { encoding: 'utf8' }).trim();
/** What the index holds: its documents by kind and how many texts each word matches. */
const indexOf = (pb: RunningPocketBase) => ({
  docs: sql(pb, 'SELECT kind, count(*) FROM search_docs GROUP BY kind ORDER BY kind'),
  matches: WORDS.map((word) => sql(pb, `SELECT count(*) FROM search_fts WHERE search_fts MATCH '${word.endsWith('*') ? word : `"${word}"`}'`)),
  integrity: sql(pb, "INSERT INTO search_fts (search_fts) VALUES ('integrity-check'); SELECT 'ok'"),
});

async function workspace(pb: RunningPocketBase) {
  const root = new Api(pb.url, pb.superuserToken);
  const team = await createTeam(root, 'Seed team');
  const channel = await createChannel(root, { default_team: team });
  const agent = await createAgent(root, { name: 'Seed agent', teams: [team], status: 'offline' });
  return { root, target: { channel, team, agents: [agent.id] }, agent };
}

describe('seeding the search benchmark with sqlite3', () => {
  let viaRoute: RunningPocketBase;
  let viaShell: RunningPocketBase;
  let shellAgent: { id: string; email: string };

  beforeAll(async () => {
    viaRoute = await startPocketBase(ENV);
    const routed = await workspace(viaRoute);
    const response = await routed.root.request('POST', '/api/pocketdesk/bench/seed', { conversations: CONVERSATIONS, ...routed.target, history: HISTORY });
    expect(response.status).toBe(200);

    viaShell = await startPocketBase(ENV);
    const shelled = await workspace(viaShell);
    shellAgent = shelled.agent;
    await viaShell.halt();
    await seedHistoryWithSqlite(join(viaShell.dataDir, 'data.db'), CONVERSATIONS, shelled.target, HISTORY);
    viaShell = await startPocketBase(ENV, viaShell.dataDir);
  }, 120_000);

  afterAll(async () => {
    await viaRoute?.stop();
    await viaShell?.stop();
  });

  it('builds the same search index as the route that writes through PocketBase', () => {
    const shell = indexOf(viaShell);
    expect(shell.docs).toBe(`contact|${CONVERSATIONS}\nmessage|${CONVERSATIONS * HISTORY.messages}`);
    expect(shell.matches.some((count) => Number(count) > 0)).toBe(true);
    expect(shell.integrity).toBe('ok');
    expect(shell).toEqual(indexOf(viaRoute));
  });

  it('leaves a database the restarted server searches as an agent', async () => {
    const agent = await new Api(viaShell.url, viaShell.superuserToken).as(shellAgent.email, PASSWORD);
    const word = WORDS.find((_, i) => Number(indexOf(viaShell).matches[i]) > 0)!;
    const response = await agent.request<{ items: Array<{ conversation: { assignee: string } }> }>(
      'GET',
      `/api/pocketdesk/search?${new URLSearchParams({ q: word.replace('*', '') })}`,
    );
    expect(response.status).toBe(200);
    expect(response.body.items.length).toBeGreaterThan(0);
    expect(response.body.items.every((item) => item.conversation.assignee === shellAgent.id)).toBe(true);
  });
});
