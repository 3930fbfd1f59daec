// The webhook inbox: acknowledged deliveries waiting to be applied, kept in PocketBase's auxiliary SQLite file.
// That file has its own writer, so storing a delivery never waits behind an event being applied in the main
// database — which is what held Meta's acknowledgements back under load. An entry leaves the inbox only after
// its outcome is committed to `webhook_events` in the main database (see webhook-apply.ts).

import { preparedQuery } from './prepared-query';

const TABLE = 'pocketdesk_webhook_inbox';

export interface InboxEntry {
  seq: number;
  bodyHash: string;
  attempts: number;
}

export interface InboxState {
  pending: number;
  /** Entries that failed at least once and wait for their next attempt. */
  retrying: number;
  oldestReceivedAt: string | null;
  failing: Array<{ bodyHash: string; attempts: number; applyAfter: string; error: string }>;
}

/** Creates the table when missing; runs on every start, so a recreated auxiliary file heals itself. */
export function ensureInbox(app: core.App): void {
  app
    .auxDB()
    .newQuery(
      `CREATE TABLE IF NOT EXISTS ${TABLE} (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        body_hash TEXT NOT NULL UNIQUE,
        raw TEXT NOT NULL,
        received_at TEXT NOT NULL,
        apply_after INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0,
        error TEXT NOT NULL DEFAULT ''
      )`,
    )
    .execute();
  app.auxDB().newQuery(`CREATE INDEX IF NOT EXISTS idx_${TABLE}_due ON ${TABLE} (apply_after, seq)`).execute();
  app.auxDB().newQuery(`CREATE INDEX IF NOT EXISTS idx_${TABLE}_retrying ON ${TABLE} (seq) WHERE attempts > 0`).execute();
}

export function ensureInboxAfterBootstrap(e: core.BootstrapEvent): void {
  e.next();
  ensureInbox(e.app);
}

/**
 * Adds a delivery and tells whether anything due arrived before it (then it waits for the drain instead of being
 * applied by its own request); null when the same bytes are already waiting (a retry from Meta). One prepared
 * statement, outside any transaction (the inbox has its own writer): every acknowledgement runs it.
 */
export function enqueue(raw: string, bodyHash: string, receivedAt: string, now: number): { seq: number; behindOthers: boolean } | null {
  const row = new DynamicModel({ seq: 0, ahead: 0 });
  try {
    preparedQuery(
      'auxiliary',
      `INSERT OR IGNORE INTO ${TABLE} (body_hash, raw, received_at) VALUES ({:hash}, {:raw}, {:at})
       RETURNING seq, EXISTS (SELECT 1 FROM ${TABLE} AS other WHERE other.seq < ${TABLE}.seq AND other.apply_after <= {:now}) AS ahead`,
    )
      .bind({ hash: bodyHash, raw, at: receivedAt, now } as dbx.Params)
      .one(row);
  } catch (error) {
    // An ignored insert returns no row.
    if (String(error).includes('no rows')) return null;
    throw error;
  }
  const inserted = row as unknown as { seq: number; ahead: number };
  return { seq: inserted.seq, behindOthers: inserted.ahead === 1 };
}

/** Entries due at `now` (epoch ms), oldest first, without their bodies (those can be megabytes each). */
export function dueEntries(app: core.App, now: number, limit: number, before: number | null = null): InboxEntry[] {
  const rows = arrayOf(new DynamicModel({ seq: 0, body_hash: '', attempts: 0 }));
  app
    .auxDB()
    .newQuery(
      `SELECT seq, body_hash, attempts FROM ${TABLE} WHERE apply_after <= {:now} ${before === null ? '' : 'AND seq < {:before}'} ORDER BY seq LIMIT {:limit}`,
    )
    .bind({ now, limit, before: before ?? 0 } as dbx.Params)
    .all(rows);
  return (rows as unknown as Array<{ seq: number; body_hash: string; attempts: number }>).map((row) => ({
    seq: row.seq,
    bodyHash: row.body_hash,
    attempts: row.attempts,
  }));
}

/** An entry's stored bytes and receipt time, or null once it has left the inbox. */
export function readEntry(app: core.App, seq: number): { raw: string; receivedAt: string } | null {
  const row = new DynamicModel({ raw: '', received_at: '' });
  try {
    app
      .auxDB()
      .newQuery(`SELECT raw, received_at FROM ${TABLE} WHERE seq = {:seq}`)
      .bind({ seq } as dbx.Params)
      .one(row);
  } catch {
    return null; // sql: no rows
  }
  const found = row as unknown as { raw: string; received_at: string };
  return { raw: found.raw, receivedAt: found.received_at };
}

export function removeEntry(app: core.App, seq: number): void {
  app
    .auxDB()
    .newQuery(`DELETE FROM ${TABLE} WHERE seq = {:seq}`)
    .bind({ seq } as dbx.Params)
    .execute();
}

export function postponeEntry(app: core.App, seq: number, attempts: number, applyAfter: number, error: string): void {
  app
    .auxDB()
    .newQuery(`UPDATE ${TABLE} SET attempts = {:attempts}, apply_after = {:after}, error = {:error} WHERE seq = {:seq}`)
    .bind({ seq, attempts, after: applyAfter, error } as dbx.Params)
    .execute();
}

/** Removes waiting deliveries that mention `key` (a customer's number or id) when their data is erased. */
export function eraseEntriesMentioning(app: core.App, key: string): number {
  return app
    .auxDB()
    .newQuery(`DELETE FROM ${TABLE} WHERE instr(raw, {:key}) > 0`)
    .bind({ key } as dbx.Params)
    .execute()
    .rowsAffected();
}

/**
 * Counts without reading a single body: the worker and dashboards poll this while thousands of deliveries (each up to
 * megabytes) wait, so every part of it is answered from an index or one row.
 */
export function inboxState(app: core.App): InboxState {
  const totals = new DynamicModel({ pending: 0, retrying: 0 });
  app.auxDB().newQuery(`SELECT (SELECT COUNT(*) FROM ${TABLE}) AS pending, (SELECT COUNT(*) FROM ${TABLE} WHERE attempts > 0) AS retrying`).one(totals);
  const t = totals as unknown as { pending: number; retrying: number };
  const oldest = new DynamicModel({ received_at: '' });
  if (t.pending > 0) app.auxDB().newQuery(`SELECT received_at FROM ${TABLE} ORDER BY seq LIMIT 1`).one(oldest);
  const rows = arrayOf(new DynamicModel({ body_hash: '', attempts: 0, apply_after: 0, error: '' }));
  if (t.retrying > 0) app.auxDB().newQuery(`SELECT body_hash, attempts, apply_after, error FROM ${TABLE} WHERE attempts > 0 ORDER BY seq LIMIT 20`).all(rows);
  return {
    pending: t.pending,
    retrying: t.retrying,
    oldestReceivedAt: (oldest as unknown as { received_at: string }).received_at || null,
    failing: (rows as unknown as Array<{ body_hash: string; attempts: number; apply_after: number; error: string }>).map((row) => ({
      bodyHash: row.body_hash,
      attempts: row.attempts,
      applyAfter: new Date(row.apply_after).toISOString(),
      error: row.error,
    })),
  };
}

export const REPLAY_BATCH = 100;

/**
 * Events an operator set back to `pending` in `webhook_events` (or an older version left there) join the inbox's
 * queue, ahead of whatever arrives next; their row is completed in place when they are applied.
 */
export function adoptQueuedEvents(app: core.App, limit: number): void {
  for (const event of app.findRecordsByFilter('webhook_events', "status = 'pending'", 'created,id', limit, 0)) {
    if (event) enqueue(event.getString('raw'), event.getString('body_hash'), event.getString('created'), Date.now());
  }
}
