import { readConfig } from './config';
import { respondError } from './api-errors';
import { isoDate } from './records';

// Generates a large history for `npm run bench` (metrics on 100k conversations). Off unless the process was started
// with POCKETDESK_ENABLE_BENCH_SEED=1, and superuser-only even then: it writes rows directly with SQL.

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** POST /api/pocketdesk/bench/seed {conversations, channel, team, agents: [ids], days} */
export function handleBenchSeed(e: core.RequestEvent): void {
  if (!readConfig().benchSeedEnabled || !e.hasSuperuserAuth()) {
    respondError(e, 404, 'not-found', 'Not found.');
    return;
  }
  const body = JSON.parse(toString(e.request!.body) || '{}') as { conversations?: number; channel?: string; team?: string; agents?: string[]; days?: number; seed?: number };
  const total = Math.min(Number(body.conversations) || 1000, 200_000);
  const agents = body.agents ?? [];
  const spanMs = (Number(body.days) || 30) * 86_400_000;
  const end = Date.now();
  const random = Math.random;
  const id = () => $security.randomStringWithAlphabet(15, ALPHABET);
  try {
    seed(total, agents, spanMs, end, body, random, id);
  } catch (error) {
    respondError(e, 500, 'seed-failed', String(error));
    return;
  }
  e.json(200, { ok: true, conversations: total });
}

function seed(total: number, agents: string[], spanMs: number, end: number, body: { channel?: string; team?: string }, random: () => number, id: () => string): void {
  $app.runInTransaction((txApp) => {
    const db = txApp.db();
    const contact = db.newQuery("INSERT INTO contacts (id, wa_id, name, created, updated) VALUES ({:id}, {:wa}, {:name}, {:at}, {:at})");
    const conversation = db.newQuery(
      "INSERT INTO conversations (id, contact, channel, status, team, assignee, priority, created, updated, last_inbound_at, first_response_at, resolved_at, resolved_by, reopen_count, handover_count, csat_rating, unread_count) VALUES ({:id}, {:contact}, {:channel}, {:status}, {:team}, {:assignee}, 0, {:created}, {:created}, {:created}, {:firstResponse}, {:resolved}, {:resolvedBy}, 0, 0, {:csat}, 0)",
    );
    const message = db.newQuery("INSERT INTO messages (id, conversation, direction, type, text, status, sender, author, created, updated) VALUES ({:id}, {:conversation}, {:direction}, 'text', 'bench', {:status}, {:sender}, {:author}, {:at}, {:at})");
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
      message.bind({ id: id(), conversation: conversationId, direction: 'in', status: 'received', sender: 'customer', author: '', at: isoDate(created) }).execute();
      if (firstResponse) message.bind({ id: id(), conversation: conversationId, direction: 'out', status: 'read', sender: 'agent', author: assignee, at: isoDate(firstResponse) }).execute();
    }
  });
}
