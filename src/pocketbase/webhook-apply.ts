import { afterFailedApply } from '../lib/domain/inbound/apply-retry';
import { planWebhook, type WebhookItem, type WebhookPlan } from '../lib/domain/inbound/plan-webhook';
import * as z from 'zod/mini';
import { parseWebhook } from '../lib/schemas/webhook';
import { respondError } from './api-errors';
import { applyStatus } from './apply-status';
import { ingestMessage } from './ingest-message';
import { findOne, newRecord } from './records';
import { currentApp, loose, workerRoute } from './route-kit';
import { hasStaffRole } from './staff-auth';
import { adoptQueuedEvents, dueEntries, type InboxEntry, inboxState, postponeEntry, readEntry, removeEntry } from './webhook-inbox';

// Applies acknowledged webhooks from the inbox (webhook-inbox.ts): contacts, tickets, messages, statuses, routing —
// each event in one transaction, oldest first. The webhook route applies its own event when nothing is waiting;
// under load it only stores, and the worker (or, without a worker, the cron) drains the inbox through here.

interface Summary {
  messages: Record<string, number>;
  statuses: Record<string, number>;
  accountErrors: number[];
  otherFields: string[];
  unknownChannels: string[];
}

export type ApplyOutcome = 'applied' | 'not-pending' | 'retry-later' | 'failed';

function applyItems(app: core.App, items: WebhookItem[], now: number): Summary {
  const summary: Summary = { messages: {}, statuses: {}, accountErrors: [], otherFields: [], unknownChannels: [] };
  const channels = new Map<string, core.Record | null>();
  const channelFor = (pnid: string) => {
    if (!channels.has(pnid)) channels.set(pnid, findOne(app, 'channels', 'phone_number_id = {:p}', { p: pnid }));
    return channels.get(pnid) ?? null;
  };
  const count = (bucket: Record<string, number>, key: string) => (bucket[key] = (bucket[key] ?? 0) + 1);
  for (const item of items) {
    if (item.kind === 'other-field') {
      summary.otherFields.push(item.field);
      continue;
    }
    const channel = channelFor(item.phoneNumberId);
    if (!channel) {
      if (!summary.unknownChannels.includes(item.phoneNumberId)) summary.unknownChannels.push(item.phoneNumberId);
      continue;
    }
    if (item.kind === 'message') count(summary.messages, ingestMessage(app, channel, item.customer, item.message, now));
    else if (item.kind === 'status') count(summary.statuses, applyStatus(app, item.status));
    else summary.accountErrors.push(item.error.code);
  }
  return summary;
}

function statusOf(summary: Summary, items: WebhookItem[]): string {
  if (summary.unknownChannels.length) return 'unknown_channel';
  return items.every((item) => item.kind === 'other-field') ? 'unsupported' : 'processed';
}

/** The plan of a stored body; it was validated before it was stored, so a failure here means the rules changed since. */
function planOf(raw: string): WebhookPlan {
  const parsed = parseWebhook(JSON.parse(raw));
  if (!parsed.ok) throw new Error(`stored body no longer validates: ${parsed.issues.map((issue) => issue.path).join(', ')}`);
  const planned = planWebhook(parsed.envelope);
  if (!planned.ok) throw new Error(`stored body no longer plans: ${planned.path}: ${planned.message}`);
  return planned.plan;
}

export interface KnownEntry {
  raw: string;
  receivedAt: string;
  plan: WebhookPlan;
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

/**
 * Applies one inbox entry: everything it carries and its `webhook_events` row commit in one transaction, then the
 * entry leaves the inbox. The row is checked under the writer lock, so concurrent appliers (the route, the worker,
 * the cron) never apply a delivery twice — and a crash between commit and removal only leaves a no-op behind.
 */
export function applyInboxEntry(app: core.App, entry: InboxEntry, known: KnownEntry | null = null): ApplyOutcome {
  const stored = known ?? readEntry(app, entry.seq);
  if (!stored) return 'not-pending';
  try {
    let outcome: ApplyOutcome = 'not-pending';
    app.runInTransaction((txApp) => {
      const event = eventRow(txApp, entry, stored);
      if (event.getString('status') !== '' && event.getString('status') !== 'pending') return;
      // Read the clock under the writer lock: decisions that queued behind another must see a later time
      // (round robin compares last-assigned times).
      const now = Date.now();
      const plan = known?.plan ?? planOf(stored.raw);
      const summary = applyItems(txApp, plan.items, now);
      event.set('status', statusOf(summary, plan.items));
      event.set('fields', plan.fields);
      event.set('phone_number_ids', plan.phoneNumberIds);
      event.set('summary', summary);
      event.set('attempts', entry.attempts + 1);
      event.set('error', '');
      txApp.save(event);
      if (summary.unknownChannels.length) console.log(`[webhook] stored for unknown phone_number_id(s): ${summary.unknownChannels.join(', ')}`);
      outcome = 'applied';
    });
    removeEntry(app, entry.seq);
    return outcome;
  } catch (error) {
    return recordFailure(app, entry, stored, error, Date.now());
  }
}

/** Applies due inbox entries oldest first, at most `limit`; returns how many it took on. */
export function applyPendingWebhooks(app: core.App, limit: number, now: number): { applied: number; failed: number; attempted: number } {
  adoptQueuedEvents(app, limit);
  const due = dueEntries(app, now, limit);
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
const applyBody = z.object({ limit: loose, now: loose });

/** POST /api/pocketdesk/worker/apply-webhooks `{limit?, now?}`: the worker's drain call (superuser only). */
export const handleApplyWebhooks = workerRoute({ body: applyBody }, (e, body) => {
  const limit = typeof body.limit === 'number' && Number.isInteger(body.limit) && body.limit > 0 ? Math.min(body.limit, MAX_BATCH) : DEFAULT_BATCH;
  // Tests inject time to reach a backed-off retry without waiting for it.
  const now = typeof body.now === 'number' && Number.isFinite(body.now) ? body.now : Date.now();
  e.json(200, applyPendingWebhooks(currentApp(), limit, now));
});

/** The cron's safety net: with no worker running, nothing waits longer than a minute. */
export function runWebhookApplier(): void {
  let round;
  do round = applyPendingWebhooks($app as unknown as core.App, DEFAULT_BATCH, Date.now());
  while (round.attempted === DEFAULT_BATCH);
}

/** GET /api/pocketdesk/webhooks/backlog: how many acknowledged deliveries wait, and those failing (superusers, admins). */
export function handleWebhookBacklog(e: core.RequestEvent): void {
  if (!e.hasSuperuserAuth() && !hasStaffRole(e, 'admin')) {
    respondError(e, 403, 'admin-only', 'Only admins see the webhook backlog.');
    return;
  }
  e.json(200, inboxState($app as unknown as core.App));
}
