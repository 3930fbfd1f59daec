import { afterFailedApply } from '../lib/domain/inbound/apply-retry';
import { planWebhook, type WebhookItem, type WebhookPlan } from '../lib/domain/inbound/plan-webhook';
import { parseWebhook } from '../lib/schemas/webhook';
import { respondError } from './api-errors';
import { applyStatus } from './apply-status';
import { ingestMessage } from './ingest-message';
import { findOne, isoDate } from './records';

// Applies stored webhook events: contacts, tickets, messages, statuses, routing — each event in one transaction,
// oldest first. The webhook route applies an event itself when nothing is waiting; under load it only stores,
// and the worker (or, without a worker, the cron) drains what is pending through here.

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

function recordFailure(app: core.App, eventId: string, error: unknown, now: number): ApplyOutcome {
  const message = error instanceof Error ? error.message : String(error);
  let outcome: ApplyOutcome = 'retry-later';
  app.runInTransaction((txApp) => {
    const event = findOne(txApp, 'webhook_events', 'id = {:id}', { id: eventId });
    if (!event || event.getString('status') !== 'pending') return;
    const next = afterFailedApply(event.getInt('attempts'), now);
    event.set('attempts', next.attempts);
    event.set('error', message.slice(0, 2000));
    if (next.status === 'failed') {
      event.set('status', 'failed');
      outcome = 'failed';
    } else event.set('apply_after', isoDate(next.applyAfter));
    txApp.save(event);
  });
  console.log(`[webhook] applying ${eventId} failed (${outcome}): ${message}`);
  return outcome;
}

/**
 * Applies one stored event if it is still pending; the check happens under the writer lock, so concurrent
 * appliers (the route, the worker, the cron) never apply an event twice. A failure rolls the whole event back.
 */
export function applyStoredEvent(app: core.App, eventId: string, knownPlan: WebhookPlan | null = null): ApplyOutcome {
  try {
    let outcome: ApplyOutcome = 'not-pending';
    app.runInTransaction((txApp) => {
      const event = findOne(txApp, 'webhook_events', 'id = {:id}', { id: eventId });
      if (!event || event.getString('status') !== 'pending') return;
      // Read the clock under the writer lock: decisions that queued behind another must see a later time
      // (round robin compares last-assigned times).
      const now = Date.now();
      const plan = knownPlan ?? planOf(event.getString('raw'));
      const summary = applyItems(txApp, plan.items, now);
      event.set('status', statusOf(summary, plan.items));
      event.set('summary', summary);
      event.set('error', '');
      txApp.save(event);
      if (summary.unknownChannels.length) console.log(`[webhook] stored for unknown phone_number_id(s): ${summary.unknownChannels.join(', ')}`);
      outcome = 'applied';
    });
    return outcome;
  } catch (error) {
    return recordFailure(app, eventId, error, Date.now());
  }
}

/** Applies due pending events oldest first, at most `limit`; returns how many it took on. */
export function applyPendingWebhooks(app: core.App, limit: number, now: number): { applied: number; failed: number; attempted: number } {
  const due = duePending(app, now, limit);
  let applied = 0;
  let failed = 0;
  for (const event of due) {
    const outcome = applyStoredEvent(app, event.id);
    if (outcome === 'applied') applied++;
    else if (outcome === 'retry-later' || outcome === 'failed') failed++;
  }
  return { applied, failed, attempted: due.length };
}

/** Due pending events, oldest first, at most `limit`. */
function duePending(app: core.App, now: number, limit: number): core.Record[] {
  return app
    .findRecordsByFilter('webhook_events', "status = 'pending' && (apply_after = '' || apply_after <= {:now})", 'created,id', limit, 0, { now: isoDate(now) } as dbx.Params)
    .flatMap((event) => (event ? [event] : []));
}

/**
 * Whether any event other than `eventId` is due: then `eventId` waits for the worker's drain instead of being applied
 * by its request. Measured: letting requests apply the few events queued before theirs made them contend for
 * SQLite's writer and cut both acknowledgements and applied events per second.
 */
export function hasBacklog(app: core.App, eventId: string, now: number): boolean {
  return duePending(app, now, 2).some((event) => event.id !== eventId);
}

const DEFAULT_BATCH = 100;
const MAX_BATCH = 1_000;

/** POST /api/pocketdesk/worker/apply-webhooks `{limit?, now?}`: the worker's drain call (superuser only). */
export function handleApplyWebhooks(e: core.RequestEvent): void {
  if (!e.hasSuperuserAuth()) {
    respondError(e, 403, 'superuser-only', 'Only the delivery worker may apply stored webhooks.');
    return;
  }
  let body: { limit?: unknown; now?: unknown } = {};
  try {
    body = JSON.parse(toString(e.request!.body) || '{}') ?? {};
  } catch {
    respondError(e, 400, 'invalid-json', 'The body is not valid JSON.');
    return;
  }
  const limit = typeof body.limit === 'number' && Number.isInteger(body.limit) && body.limit > 0 ? Math.min(body.limit, MAX_BATCH) : DEFAULT_BATCH;
  // Tests inject time to reach a backed-off retry without waiting for it.
  const now = typeof body.now === 'number' && Number.isFinite(body.now) ? body.now : Date.now();
  e.json(200, applyPendingWebhooks($app as unknown as core.App, limit, now));
}

/** The cron's safety net: with no worker running, nothing waits longer than a minute. */
export function runWebhookApplier(): void {
  let round;
  do round = applyPendingWebhooks($app as unknown as core.App, DEFAULT_BATCH, Date.now());
  while (round.attempted === DEFAULT_BATCH);
}
