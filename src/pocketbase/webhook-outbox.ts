import type { PauseReason, PushWording } from '../lib/domain/notifications/push-wording';
import * as z from 'zod/mini';
import { clampMs, LEASE_MS } from '../lib/domain/delivery/outbox-lease';
import { chatMessage } from '../lib/domain/integrations/chat-message';
import { settleAttempt, type Settlement } from '../lib/domain/integrations/delivery-schedule';
import { eventBody, eventEnvelope, type EventData } from '../lib/domain/integrations/event-payload';
import type { IntegrationEventType } from '../lib/domain/integrations/event-types';
import { respondError } from './api-errors';
import { readJsonBody, requireSuperuser } from './route-kit';
import { writeAudit } from './audit';
import { epochMs, findOne, isoDate, jsonField, newRecord } from './records';

// Routes the worker delivers integration events with (superuser only): lease due deliveries, then record what each
// receiver answered. A delivery is claimable only when no earlier delivery of the same conversation to the same
// endpoint is still pending, so each conversation's events reach a receiver in the order they happened, retries
// included; a claim batch therefore holds at most one delivery per conversation and endpoint.

const resultsSchema = z.object({
  worker: z.string().check(z.minLength(1), z.maxLength(100)),
  // Tests shorten the first retry delay; production leaves it at 30 s.
  retryBaseMs: z.optional(z.int().check(z.gte(100), z.lte(600_000))),
  results: z
    .array(
      z.object({
        id: z.string().check(z.minLength(1), z.maxLength(50)),
        outcome: z.enum(['delivered', 'gone', 'refused', 'retry']),
        responseCode: z.int().check(z.gte(0), z.lte(999)),
        responseMs: z.int().check(z.gte(0)),
        error: z.optional(z.string().check(z.maxLength(300))),
      }),
    )
    .check(z.maxLength(200)),
});

const CLAIMABLE = `SELECT d.id AS id FROM webhook_deliveries d JOIN webhook_endpoints p ON p.id = d.endpoint
  WHERE d.status = 'pending' AND p.active = TRUE
    AND (d.next_attempt_at = '' OR d.next_attempt_at <= {:now})
    AND (d.claimed_until = '' OR d.claimed_until <= {:now})
    AND NOT EXISTS (SELECT 1 FROM webhook_deliveries o WHERE o.endpoint = d.endpoint AND o.order_key = d.order_key
      AND d.order_key != '' AND o.status = 'pending' AND (o.seq < d.seq OR (o.seq = d.seq AND o.id < d.id)))
  ORDER BY d.seq LIMIT {:limit}`;

export interface ClaimedDelivery {
  id: string;
  attempts: number;
  kind: 'webhook' | 'chat';
  url: string;
  sealedSecret: string | null;
  eventId: string;
  type: string;
  /** The exact bytes to send (and sign). */
  body: string;
}

function chatBody(app: core.App, type: IntegrationEventType, data: EventData): string {
  const conversation = 'conversation' in data ? data.conversation : null;
  const contact = conversation ? findOne(app, 'contacts', 'id = {:id}', { id: conversation.contact_id }) : null;
  const channel = conversation ? findOne(app, 'channels', 'id = {:id}', { id: conversation.channel_id }) : null;
  const createdAt = conversation ? Date.parse(conversation.created_at) : NaN;
  const facts = {
    type,
    conversationId: conversation?.id ?? null,
    customerName: contact ? contact.getString('name') || contact.getString('profile_name') || contact.getString('wa_id') : '',
    channelName: channel?.getString('name') ?? '',
    waitingMinutes: Number.isNaN(createdAt) ? null : Math.max(0, Math.round((Date.now() - createdAt) / 60_000)),
    csatRating: conversation?.csat_rating ?? null,
  };
  return JSON.stringify(chatMessage(facts, app.settings().meta.appURL || ''));
}

function claimedView(app: core.App, delivery: core.Record): ClaimedDelivery | null {
  const endpoint = findOne(app, 'webhook_endpoints', 'id = {:id}', { id: delivery.getString('endpoint') });
  const event = findOne(app, 'integration_events', 'id = {:id}', { id: delivery.getString('event') });
  if (!endpoint || !event) return null;
  const type = event.getString('type') as IntegrationEventType;
  const data = jsonField<EventData>(event, 'data', { contact_id: '' });
  const kind = endpoint.getString('kind') === 'chat' ? 'chat' : 'webhook';
  return {
    id: delivery.id,
    attempts: delivery.getInt('attempts'),
    kind,
    url: endpoint.getString('url'),
    sealedSecret: endpoint.getString('secret') || null,
    eventId: event.id,
    type,
    body: kind === 'chat' ? chatBody(app, type, data) : eventBody(eventEnvelope(event.id, type, event.getString('occurred_at'), data)),
  };
}

/** POST /api/pocketdesk/worker/claim-webhooks: leases due deliveries, at most one per conversation and endpoint. */
export function claimWebhooks(e: core.RequestEvent): void {
  if (!requireSuperuser(e)) return;
  const read = readJsonBody(e);
  if (!read.ok) return;
  const body = (read.value ?? {}) as Record<string, unknown>;
  const now = Date.now();
  const limit = Number.isInteger(body.limit) && Number(body.limit) > 0 && Number(body.limit) <= 200 ? Number(body.limit) : 50;
  const leaseMs = clampMs(body.leaseMs, LEASE_MS);
  const worker = String(body.worker ?? 'worker').slice(0, 100);
  const items: ClaimedDelivery[] = [];
  $app.runInTransaction((txApp) => {
    const rows = arrayOf(new DynamicModel({ id: '' }));
    txApp
      .db()
      .newQuery(CLAIMABLE)
      .bind({ now: isoDate(now), limit } as dbx.Params)
      .all(rows);
    for (const { id } of rows as unknown as Array<{ id: string }>) {
      const delivery = findOne(txApp, 'webhook_deliveries', 'id = {:id}', { id });
      if (!delivery) continue;
      delivery.set('claimed_by', worker);
      delivery.set('claimed_until', isoDate(now + leaseMs));
      txApp.save(delivery);
      const view = claimedView(txApp, delivery);
      if (view) items.push(view);
    }
  });
  e.json(200, { items });
}

/** Tells every admin, in the app and by push, that an endpoint was paused. */
function notifyAdmins(app: core.App, endpoint: core.Record, reason: PauseReason): void {
  const admins = app.findRecordsByFilter('agents', 'role = "admin"', '', 0, 0);
  for (const admin of admins) {
    if (!admin) continue;
    app.save(
      newRecord(app, 'notifications', {
        agent: admin.id,
        kind: 'integration',
        title: `Integration paused: ${endpoint.getString('name')}`.slice(0, 200),
        body: reason,
        url: '/admin/integrations',
        wording: { key: 'integration-paused', endpoint: endpoint.getString('name').slice(0, 200), reason } satisfies PushWording,
        status: 'pending',
        attempts: 0,
      }),
    );
  }
  writeAudit(app, {
    actorId: null,
    actorKind: 'system',
    action: 'pause',
    collection: 'webhook_endpoints',
    recordId: endpoint.id,
    summary: `paused ${endpoint.getString('name')}: ${reason}`,
  });
}

function applyToEndpoint(app: core.App, endpoint: core.Record, settlement: Settlement): void {
  const failingSince = settlement.failingSince === null ? '' : isoDate(settlement.failingSince);
  const changed = endpoint.getString('failing_since') !== failingSince || (settlement.pause && endpoint.getBool('active'));
  if (!changed) return;
  endpoint.set('failing_since', failingSince);
  if (settlement.pause && endpoint.getBool('active')) {
    endpoint.set('active', false);
    endpoint.set('paused_reason', settlement.pause);
    notifyAdmins(app, endpoint, settlement.pause);
  }
  app.save(endpoint);
}

/** POST /api/pocketdesk/worker/webhook-results: records each attempt; only the lease holder settles a delivery. */
export function recordWebhookResults(e: core.RequestEvent): void {
  if (!requireSuperuser(e)) return;
  const read = readJsonBody(e);
  if (!read.ok) return;
  const parsed = z.safeParse(resultsSchema, read.value);
  if (!parsed.success) return respondError(e, 400, 'invalid-webhook-results', 'The webhook results are not valid.');
  const { worker, results, retryBaseMs } = parsed.data;
  const now = Date.now();
  const settled: Array<{ id: string; status: string }> = [];
  $app.runInTransaction((txApp) => {
    for (const result of results) {
      const delivery = findOne(txApp, 'webhook_deliveries', 'id = {:id}', { id: result.id });
      if (!delivery || delivery.getString('status') !== 'pending' || delivery.getString('claimed_by') !== worker) continue;
      const endpoint = findOne(txApp, 'webhook_endpoints', 'id = {:id}', { id: delivery.getString('endpoint') });
      if (!endpoint) continue;
      const settlement = settleAttempt(
        result.outcome,
        { attempts: delivery.getInt('attempts'), createdAt: epochMs(delivery, 'created') ?? now },
        { failingSince: epochMs(endpoint, 'failing_since') },
        now,
        Math.random(),
        retryBaseMs,
      );
      delivery.set('status', settlement.delivery.status);
      delivery.set('attempts', settlement.attempts);
      delivery.set('next_attempt_at', settlement.delivery.status === 'pending' ? isoDate(settlement.delivery.nextAttemptAt) : '');
      delivery.set('claimed_until', '');
      delivery.set('last_attempt_at', isoDate(now));
      delivery.set('response_code', result.responseCode);
      delivery.set('response_ms', result.responseMs);
      delivery.set('last_error', result.outcome === 'delivered' ? '' : (result.error ?? `http-${result.responseCode}`));
      if (settlement.delivery.status === 'delivered') delivery.set('delivered_at', isoDate(now));
      txApp.save(delivery);
      applyToEndpoint(txApp, endpoint, settlement);
      settled.push({ id: delivery.id, status: delivery.getString('status') });
    }
  });
  e.json(200, { items: settled });
}
