import { afterFailedApply } from '../lib/domain/inbound/apply-retry';
import { planWebhook, type WebhookItem, type WebhookPlan } from '../lib/domain/inbound/plan-webhook';
import * as z from 'zod/mini';
import { type InvalidPart, parseWebhookParts } from '../lib/schemas/webhook';
import { planFieldChange } from '../lib/schemas/webhook-field-plan';
import { respondError } from './api-errors';
import { applyStatus } from './apply-status';
import { findOne, newRecord } from './records';
import { currentApp, loose, workerRoute } from './route-kit';
import { hasStaffRole } from './staff-auth';
import { applyFieldItem } from './webhook-fields';
import { applyCustomerMessage } from './webhook-fields/inbound';
import { adoptQueuedEvents, dueEntries, type InboxEntry, inboxState, postponeEntry, readEntry, removeEntry } from './webhook-inbox';

// Applies acknowledged webhooks from the inbox (webhook-inbox.ts): contacts, tickets, messages, statuses, routing —
// each event in one transaction, oldest first, and each part of it (a message, a status) in its own savepoint
// inside that transaction, so one part that cannot be applied never takes the others with it. The webhook route
// applies its own event when nothing is waiting; under load it only stores, and the worker (or, without a
// worker, the cron) drains the inbox through here.

interface Summary {
  messages: Record<string, number>;
  statuses: Record<string, number>;
  accountErrors: number[];
  otherFields: Record<string, number>;
  /** Issue #19: outcomes of the fields beyond `messages` (echoes, templates, preferences, contacts, calls). */
  fieldParts: Record<string, number>;
  unknownChannels: string[];
  /** The rows applying wrote, "collection.op" → how many (contacts.create, notifications.create…). */
  effects: Record<string, number>;
  /** The parts that were not applied and why (the first ones; `invalidCount` counts them all). */
  invalid: InvalidPart[];
  invalidCount: number;
}

export type ApplyOutcome = 'applied' | 'not-pending' | 'retry-later' | 'failed';

// `webhook_events.summary` holds 100 kB and `fields`/`phone_number_ids` 10 kB: a delivery of 1,000 odd parts
// must still fit, or its own record would fail it.
const LISTED_INVALID = 50;
const LISTED_VALUES = 50;

function bounded<T>(list: T[], max = LISTED_VALUES): T[] {
  return list.length > max ? list.slice(0, max) : list;
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 300);
}

const SAVEPOINT = 'pocketdesk_webhook_part';

/** Runs one part in a savepoint of the event's transaction: if it throws, only what it wrote is rolled back. */
function inSavepoint(app: core.App, run: () => void): string | null {
  const db = app.db();
  db.newQuery(`SAVEPOINT ${SAVEPOINT}`).execute();
  try {
    run();
  } catch (error) {
    db.newQuery(`ROLLBACK TO ${SAVEPOINT}`).execute();
    db.newQuery(`RELEASE ${SAVEPOINT}`).execute();
    return errorText(error);
  }
  db.newQuery(`RELEASE ${SAVEPOINT}`).execute();
  return null;
}

/** Applies every item not in `skip`; returns the summary and the parts that threw (already rolled back). */
function applyItems(app: core.App, items: WebhookItem[], skip: Map<string, InvalidPart>, now: number): { summary: Summary; failed: InvalidPart[] } {
  const summary: Summary = {
    messages: {},
    statuses: {},
    accountErrors: [],
    otherFields: {},
    fieldParts: {},
    unknownChannels: [],
    effects: {},
    invalid: [],
    invalidCount: 0,
  };
  const failed: InvalidPart[] = [];
  const channels = new Map<string, core.Record | null>();
  const channelFor = (pnid: string) => {
    if (!channels.has(pnid)) channels.set(pnid, findOne(app, 'channels', 'phone_number_id = {:p}', { p: pnid }));
    return channels.get(pnid) ?? null;
  };
  const count = (bucket: Record<string, number>, key: string) => (bucket[key] = (bucket[key] ?? 0) + 1);
  for (const item of items) {
    if (skip.has(item.path)) continue;
    if (item.kind === 'other-field') {
      count(summary.otherFields, item.field);
      continue;
    }
    // Template reviews (issue #19) belong to the account, not to a number: they have no phoneNumberId.
    const channel = item.phoneNumberId === null ? null : channelFor(item.phoneNumberId);
    if (item.phoneNumberId !== null && !channel) {
      if (!summary.unknownChannels.includes(item.phoneNumberId)) summary.unknownChannels.push(item.phoneNumberId);
      continue;
    }
    // An admin switched the number off: its customers' messages are acknowledged to Meta but not applied.
    if (item.kind === 'message' && channel?.getBool('disabled')) {
      count(summary.messages, 'channel-disabled');
      continue;
    }
    if (item.kind === 'account-error') summary.accountErrors.push(item.error.code);
    let outcome = '';
    let effects: Record<string, number> = {};
    const error = inSavepoint(app, () => {
      // Issue #19 hook points: edits/deletes and waiting changes (webhook-fields/inbound.ts), the other fields.
      if (item.kind === 'message') ({ outcome, effects } = applyCustomerMessage(app, channel!, item.customer, item.message, now));
      else if (item.kind === 'status') outcome = applyStatus(app, item.status);
      else outcome = applyFieldItem(app, channel, item, now);
    });
    if (error !== null) failed.push({ path: item.path, reason: 'apply-failed', detail: error });
    else {
      count(item.kind === 'message' ? summary.messages : item.kind === 'status' ? summary.statuses : summary.fieldParts, outcome);
      for (const [effect, n] of Object.entries(effects)) summary.effects[effect] = (summary.effects[effect] ?? 0) + n;
    }
  }
  summary.accountErrors = bounded(summary.accountErrors, 100);
  summary.unknownChannels = bounded(summary.unknownChannels);
  return { summary, failed };
}

function statusOf(summary: Summary, items: WebhookItem[]): string {
  if (summary.invalidCount > 0) return 'invalid';
  if (summary.unknownChannels.length) return 'unknown_channel';
  return items.every((item) => item.kind === 'other-field') ? 'unsupported' : 'processed';
}

export interface KnownEntry {
  raw: string;
  receivedAt: string;
}

/** The event's row in `webhook_events`: an existing one (queued for replay) is completed, otherwise it is created. */
function eventRow(app: core.App, entry: InboxEntry, stored: { raw: string; receivedAt: string }): core.Record {
  return (
    findOne(app, 'webhook_events', 'body_hash = {:h}', { h: entry.bodyHash }) ??
    newRecord(app, 'webhook_events', { raw: stored.raw, body_hash: entry.bodyHash, received_at: stored.receivedAt })
  );
}

function recordFailure(app: core.App, entry: InboxEntry, stored: { raw: string; receivedAt: string }, error: unknown, now: number): ApplyOutcome {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
  const next = afterFailedApply(entry.attempts, now);
  if (next.status === 'pending') {
    postponeEntry(app, entry.seq, next.attempts, next.applyAfter, message);
    console.log(`[webhook] applying inbox #${entry.seq} failed (attempt ${next.attempts}, retry later): ${message}`);
    return 'retry-later';
  }
  // Out of attempts: the bytes move to `webhook_events` as `failed`, for an operator to read and replay.
  app.runInTransaction((txApp) => {
    const event = eventRow(txApp, entry, stored);
    if (event.getString('status') !== '' && event.getString('status') !== 'pending') return;
    event.set('status', 'failed');
    event.set('attempts', next.attempts);
    event.set('error', message);
    txApp.save(event);
  });
  removeEntry(app, entry.seq);
  console.log(`[webhook] applying inbox #${entry.seq} failed for good after ${next.attempts} attempts: ${message}`);
  return 'failed';
}

/** One transaction for the whole event; 'retry-without' when a part threw and the pass was rolled back. */
function applyPass(
  app: core.App,
  entry: InboxEntry,
  stored: KnownEntry,
  plan: WebhookPlan,
  failedParts: Map<string, InvalidPart>,
): 'applied' | 'not-pending' | 'retry-without' {
  // Set inside the transaction's callback, read after it: an object, so the type checker sees the writes.
  const result: { outcome: 'applied' | 'not-pending' | 'retry-without' } = { outcome: 'not-pending' };
  try {
    app.runInTransaction((txApp) => {
      const event = eventRow(txApp, entry, stored);
      if (event.getString('status') !== '' && event.getString('status') !== 'pending') return;
      // Read the clock under the writer lock: decisions that queued behind another must see a later time
      // (round robin compares last-assigned times).
      const { summary, failed } = applyItems(txApp, plan.items, failedParts, Date.now());
      if (failed.length) {
        // A part rolled back to its savepoint leaves PocketBase's after-commit hooks of its saves queued (realtime
        // events for rows that never existed), so this pass is dropped whole and run again without that part.
        for (const part of failed) failedParts.set(part.path, part);
        result.outcome = 'retry-without';
        throw new Error('a part failed; applying the others again');
      }
      const invalid = [...plan.invalid, ...failedParts.values()];
      summary.invalid = invalid.slice(0, LISTED_INVALID);
      summary.invalidCount = invalid.length;
      event.set('status', statusOf(summary, plan.items));
      event.set('invalid_parts', invalid.length);
      event.set('fields', bounded(plan.fields));
      event.set('phone_number_ids', bounded(plan.phoneNumberIds));
      event.set('summary', summary);
      event.set('attempts', entry.attempts + 1);
      event.set('error', '');
      txApp.save(event);
      if (summary.unknownChannels.length) console.log(`[webhook] stored for unknown phone_number_id(s): ${summary.unknownChannels.join(', ')}`);
      if (invalid.length)
        console.log(
          `[webhook] ${invalid.length} part(s) not applied: ${invalid
            .slice(0, 5)
            .map((part) => `${part.path} ${part.reason}`)
            .join(', ')}`,
        );
      result.outcome = 'applied';
    });
  } catch (error) {
    if (result.outcome !== 'retry-without') throw error;
  }
  return result.outcome;
}

/**
 * Applies one inbox entry: the parts it carries and its `webhook_events` row commit in one transaction, then the
 * entry leaves the inbox. Parts that cannot be applied are recorded on the row (`invalid`) and never hold back
 * the others. The row is checked under the writer lock, so concurrent appliers (the route, the worker, the cron)
 * never apply a delivery twice — and a crash between commit and removal only leaves a no-op behind.
 */
export function applyInboxEntry(app: core.App, entry: InboxEntry, known: KnownEntry | null = null): ApplyOutcome {
  const stored = known ?? readEntry(app, entry.seq);
  if (!stored) return 'not-pending';
  try {
    // Parsing and planning are pure: done before taking the writer lock.
    const plan = planWebhook(parseWebhookParts(stored.raw), planFieldChange);
    const failedParts = new Map<string, InvalidPart>();
    // Each retried pass leaves out at least one more part, so this ends.
    for (let pass = 0; pass <= plan.items.length; pass++) {
      const outcome = applyPass(app, entry, stored, plan, failedParts);
      if (outcome === 'retry-without') continue;
      removeEntry(app, entry.seq);
      return outcome;
    }
    throw new Error('parts kept failing');
  } catch (error) {
    return recordFailure(app, entry, stored, error, Date.now());
  }
}

/** Applies due inbox entries oldest first, at most `limit`; returns how many it took on. */
export function applyPendingWebhooks(
  app: core.App,
  limit: number,
  now: number,
  before: number | null = null,
): { applied: number; failed: number; attempted: number } {
  adoptQueuedEvents(app, limit);
  const due = dueEntries(app, now, limit, before);
  let applied = 0;
  let failed = 0;
  for (const entry of due) {
    const outcome = applyInboxEntry(app, entry);
    if (outcome === 'applied') applied++;
    else if (outcome === 'retry-later' || outcome === 'failed') failed++;
  }
  return { applied, failed, attempted: due.length };
}

const DEFAULT_BATCH = 100;
const MAX_BATCH = 1_000;
const applyBody = z.object({ limit: loose, now: loose, before: loose });

/**
 * POST /api/pocketdesk/worker/apply-webhooks `{limit?, now?, before?}`: the worker's drain call (superuser only).
 * `before`: only entries stored before that seq (the worker predicted their intents; later ones wait for the next round).
 */
export const handleApplyWebhooks = workerRoute({ body: applyBody }, (e, body) => {
  const limit = typeof body.limit === 'number' && Number.isInteger(body.limit) && body.limit > 0 ? Math.min(body.limit, MAX_BATCH) : DEFAULT_BATCH;
  // Tests inject time to reach a backed-off retry without waiting for it.
  const now = typeof body.now === 'number' && Number.isFinite(body.now) ? body.now : Date.now();
  const before = typeof body.before === 'number' && Number.isInteger(body.before) ? body.before : null;
  e.json(200, applyPendingWebhooks(currentApp(), limit, now, before));
});

/** The cron's safety net: with no worker running, nothing waits longer than a minute. */
export function runWebhookApplier(): void {
  let round;
  do round = applyPendingWebhooks($app as unknown as core.App, DEFAULT_BATCH, Date.now());
  while (round.attempted === DEFAULT_BATCH);
}

const LISTED_INVALID_EVENTS = 20;

/** Deliveries with parts that could not be applied: how many, and the latest with their reasons. */
function invalidEvents(app: core.App): {
  invalid: number;
  invalidEvents: Array<{ id: string; receivedAt: string; invalidParts: number; parts: InvalidPart[] }>;
} {
  const invalid = app.countRecords('webhook_events', $dbx.hashExp({ status: 'invalid' }));
  const latest = invalid > 0 ? app.findRecordsByFilter('webhook_events', "status = 'invalid'", '-created', LISTED_INVALID_EVENTS, 0) : [];
  return {
    invalid,
    invalidEvents: latest.map((event) => ({
      id: event!.id,
      receivedAt: event!.getString('received_at'),
      invalidParts: event!.getInt('invalid_parts'),
      parts: ((JSON.parse(event!.getString('summary') || '{}') ?? {}).invalid ?? []).slice(0, 5),
    })),
  };
}

/**
 * GET /api/pocketdesk/webhooks/backlog: how many acknowledged deliveries wait, those failing, and those with parts
 * that could not be applied (superusers, admins).
 */
export function handleWebhookBacklog(e: core.RequestEvent): void {
  if (!e.hasSuperuserAuth() && !hasStaffRole(e, 'admin')) {
    respondError(e, 403, 'admin-only', 'Only admins see the webhook backlog.');
    return;
  }
  const app = $app as unknown as core.App;
  e.json(200, { ...inboxState(app), ...invalidEvents(app) });
}
