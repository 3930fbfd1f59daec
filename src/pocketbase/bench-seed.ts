import * as z from 'zod/mini';
import { respondError } from './api-errors';
import { readConfig } from './config';
import { historyStatements, type HistoryOptions } from './bench-history';
import { isoDate } from './records';
import { loose, workerRoute, type Refusal } from './route-kit';

// Generates a large history for `npm run bench` (metrics on 100k conversations). Off unless the process was started
// with POCKETDESK_ENABLE_BENCH_SEED=1, and superuser-only even then: it writes rows directly with SQL.
// With `history`, it writes realistic Spanish and English conversations for the search benchmark instead (one
// batch of rows per SQL statement: 1,000,000 messages as records would take hours); `{stats: true}` answers the
// search index's size on disk.

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const NOT_FOUND: Refusal = { status: 404, reason: 'not-found', message: 'Not found.' };
const seedBody = z.object({
  conversations: loose,
  channel: z.optional(z.string()),
  team: z.optional(z.string()),
  agents: z.optional(z.array(z.string())),
  days: loose,
});

const historyBody = z.object({ messages: z.number(), from: z.number(), to: z.number(), seed: z.number() });

const seedRoute = workerRoute(
  { body: z.extend(seedBody, { history: z.optional(historyBody), stats: z.optional(z.boolean()) }), refusal: NOT_FOUND },
  (e, body) => {
    if (body.stats) {
      e.json(200, searchIndexStats());
      return;
    }
    const total = Math.min(Number(body.conversations) || 1000, 200_000);
    const agents = body.agents ?? [];
    const spanMs = (Number(body.days) || 30) * 86_400_000;
    const end = Date.now();
    const random = Math.random;
    const id = () => $security.randomStringWithAlphabet(15, ALPHABET);
    try {
      if (body.history) seedHistory(total, agents, body, body.history, id);
      else seed(total, agents, spanMs, end, body, random, id);
    } catch (error) {
      respondError(e, 500, 'seed-failed', String(error));
      return;
    }
    e.json(200, { ok: true, conversations: total });
  },
);

/** POST /api/pocketdesk/bench/seed {conversations, channel, team, agents: [ids], days} */
export function handleBenchSeed(e: core.RequestEvent): void {
  // Switched off, the route answers like one that does not exist, whoever asks and whatever the body.
  if (!readConfig().benchSeedEnabled) respondError(e, NOT_FOUND.status, NOT_FOUND.reason, NOT_FOUND.message);
  else seedRoute(e);
}

function seed(
  total: number,
  agents: string[],
  spanMs: number,
  end: number,
  body: { channel?: string; team?: string },
  random: () => number,
  id: () => string,
): void {
  $app.runInTransaction((txApp) => {
    const db = txApp.db();
    const contact = db.newQuery('INSERT INTO contacts (id, wa_id, name, created, updated) VALUES ({:id}, {:wa}, {:name}, {:at}, {:at})');
    const conversation = db.newQuery(
      'INSERT INTO conversations (id, contact, channel, status, team, assignee, priority, created, updated, last_inbound_at, first_response_at, resolved_at, resolved_by, reopen_count, handover_count, csat_rating, unread_count) VALUES ({:id}, {:contact}, {:channel}, {:status}, {:team}, {:assignee}, 0, {:created}, {:created}, {:created}, {:firstResponse}, {:resolved}, {:resolvedBy}, 0, 0, {:csat}, 0)',
    );
    const message = db.newQuery(
      "INSERT INTO messages (id, conversation, direction, type, text, status, sender, author, created, updated) VALUES ({:id}, {:conversation}, {:direction}, 'text', 'bench', {:status}, {:sender}, {:author}, {:at}, {:at})",
    );
    for (let i = 0; i < total; i++) {
      const created = end - Math.floor(random() * spanMs);
      const contactId = id();
      contact.bind({ id: contactId, wa: `9${$security.randomStringWithAlphabet(13, '0123456789')}`, name: `Bench ${i}`, at: isoDate(created) }).execute();
      const answered = random() < 0.9;
      const firstResponse = answered ? created + Math.floor(random() * 3_600_000) : 0;
      const resolved = answered && random() < 0.8 ? firstResponse + Math.floor(random() * 86_400_000) : 0;
      const assignee = agents.length ? agents[i % agents.length] : '';
      const conversationId = id();
      conversation
        .bind({
          id: conversationId,
          contact: contactId,
          channel: body.channel ?? '',
          status: resolved ? 'resolved' : 'open',
          team: body.team ?? '',
          assignee,
          created: isoDate(created),
          firstResponse: firstResponse ? isoDate(firstResponse) : '',
          resolved: resolved && resolved < end ? isoDate(resolved) : '',
          resolvedBy: resolved && resolved < end ? 'agent' : '',
          csat: resolved && random() < 0.3 ? 1 + Math.floor(random() * 5) : 0,
        })
        .execute();
      message
        .bind({ id: id(), conversation: conversationId, direction: 'in', status: 'received', sender: 'customer', author: '', at: isoDate(created) })
        .execute();
      if (firstResponse)
        message
          .bind({ id: id(), conversation: conversationId, direction: 'out', status: 'read', sender: 'agent', author: assignee, at: isoDate(firstResponse) })
          .execute();
    }
  });
}

function seedHistory(total: number, agents: string[], body: { channel?: string; team?: string }, history: HistoryOptions, id: () => string): void {
  $app.runInTransaction((txApp) => {
    const db = txApp.db();
    for (const sql of historyStatements(total, { channel: body.channel, team: body.team, agents }, history, id)) db.newQuery(sql).execute();
  });
}

/** The search index's size on disk (its FTS5 shadow tables, the texts it snippets from and their indexes). */
function searchIndexStats(): { searchIndexBytes: number; databaseBytes: number } {
  const rows = arrayOf(new DynamicModel({ search: 0, total: 0 }));
  $app
    .db()
    .newQuery(
      "SELECT COALESCE(SUM(CASE WHEN name LIKE 'search_fts%' OR name = 'search_docs' OR name LIKE 'sqlite_autoindex_search_docs%' THEN pgsize END), 0) AS search, COALESCE(SUM(pgsize), 0) AS total FROM dbstat",
    )
    .all(rows);
  const row = (rows as unknown as Array<{ search: number; total: number }>)[0];
  return { searchIndexBytes: Number(row?.search ?? 0), databaseBytes: Number(row?.total ?? 0) };
}
