import * as z from 'zod/mini';
import { clampMs, LEASE_MS } from '../lib/domain/delivery/outbox-lease';
import { isNotificationKind } from '../lib/domain/notifications/notification-kind';
import type { ClaimedNotification, ClaimedSubscription } from '../lib/domain/notifications/push-claim';
import { settleNotification, type NotificationSettlement } from '../lib/domain/notifications/push-outcome';
import { isPushWording } from '../lib/domain/notifications/push-wording';
import { staleReason } from '../lib/domain/notifications/stale-notification';
import { contactDisplayNameOf } from './records/contact';
import { epochMs, findOne, isoDate, jsonField, newRecord } from './records';
import { claimLimit, loose, workerRoute } from './route-kit';

// Routes the push worker uses: lease due notifications with the devices still to reach, then record what each
// device's push service answered. Both run in one transaction, so two workers never push the same row at once
// and `push_deliveries` (unique per notification and device) keeps every device at one push.

const MAX_DEVICES = 100;

const resultsSchema = z.object({
  worker: z.string().check(z.minLength(1), z.maxLength(100)),
  results: z
    .array(
      z.object({
        id: z.string().check(z.minLength(1), z.maxLength(50)),
        devices: z
          .array(
            z.object({
              subscription: z.string().check(z.minLength(1), z.maxLength(50)),
              outcome: z.enum(['sent', 'gone', 'retry', 'failed']),
              httpStatus: z.int().check(z.minimum(0), z.maximum(999)),
              retryAfterMs: z.optional(z.int().check(z.minimum(0))),
            }),
          )
          .check(z.maxLength(MAX_DEVICES)),
      }),
    )
    .check(z.maxLength(200)),
});

const claimBody = z.object({ limit: loose, worker: loose, leaseMs: loose });

function subscriptionsOf(app: core.App, agentId: string): core.Record[] {
  return app
    .findRecordsByFilter('push_subscriptions', 'agent = {:agent}', 'created', MAX_DEVICES, 0, { agent: agentId } as dbx.Params)
    .filter((r): r is core.Record => !!r);
}

function deliveriesOf(app: core.App, notificationId: string): core.Record[] {
  return app
    .findRecordsByFilter('push_deliveries', 'notification = {:n}', '', MAX_DEVICES * 2, 0, { n: notificationId } as dbx.Params)
    .filter((r): r is core.Record => !!r);
}

/** The agent's devices that have no delivery row for this notification yet. */
function undeliveredSubscriptions(app: core.App, notification: core.Record): core.Record[] {
  const answered = new Set(deliveriesOf(app, notification.id).map((d) => d.getString('subscription')));
  return subscriptionsOf(app, notification.getString('agent')).filter((s) => !answered.has(s.id));
}

function applySettlement(notification: core.Record, settlement: NotificationSettlement): void {
  notification.set('status', settlement.status);
  notification.set('attempts', settlement.attempts);
  notification.set('next_attempt_at', settlement.status === 'pending' ? isoDate(settlement.nextAttemptAt) : '');
  notification.set('claimed_until', '');
}

/** Settles a notification from the delivery rows it has; `retryAfterMs` null means no device asked for a retry. */
function settle(app: core.App, notification: core.Record, attempted: boolean, retryAfterMs: number | null, now: number): void {
  const delivered = deliveriesOf(app, notification.id).filter((d) => d.getString('status') === 'sent').length;
  const undelivered = undeliveredSubscriptions(app, notification).length;
  applySettlement(
    notification,
    settleNotification({ attempts: notification.getInt('attempts'), attempted, undelivered, delivered, retryAfterMs }, now, Math.random()),
  );
  app.save(notification);
}

function conversationFacts(conversation: core.Record | null) {
  if (!conversation) return null;
  return {
    assigneeId: conversation.getString('assignee'),
    status: conversation.getString('status'),
    lastOutboundAt: epochMs(conversation, 'last_outbound_at'),
    offeredTo: conversation.getString('offered_to') || null,
  };
}

function customerNameOf(app: core.App, conversation: core.Record): string | null {
  const contact = findOne(app, 'contacts', 'id = {:id}', { id: conversation.getString('contact') });
  if (!contact) return null;
  return contactDisplayNameOf(contact) || null;
}

function claimedView(app: core.App, notification: core.Record, conversation: core.Record | null, subscriptions: core.Record[]): ClaimedNotification {
  const body = notification.getString('body');
  // The customer's words stand in only when whoever wrote the notification left its body empty.
  const latest = conversation && !body ? findOne(app, 'messages', 'conversation = {:c} && direction = "in"', { c: conversation.id }, '-created') : null;
  const channel = conversation ? findOne(app, 'channels', 'id = {:id}', { id: conversation.getString('channel') }) : null;
  return {
    id: notification.id,
    kind: notification.getString('kind') as ClaimedNotification['kind'],
    title: notification.getString('title'),
    body,
    url: notification.getString('url'),
    conversationId: conversation?.id ?? (notification.getString('conversation') || null),
    customerName: conversation ? customerNameOf(app, conversation) : null,
    channelName: channel?.getString('name') || null,
    messageText: latest?.getString('text') || null,
    count: notification.getInt('count') || null,
    wording: (() => {
      const wording = jsonField<unknown>(notification, 'wording', null);
      return isPushWording(wording) ? wording : null;
    })(),
    stale: null,
    subscriptions: subscriptions.map((s): ClaimedSubscription => ({
      id: s.id,
      endpoint: s.getString('endpoint'),
      p256dh: s.getString('p256dh'),
      auth: s.getString('auth'),
    })),
  };
}

/** POST /api/pocketdesk/worker/claim-notifications: leases due notifications (and expired leases) to one worker. */
export const claimNotifications = workerRoute({ body: claimBody }, (e, body) => {
  const now = Date.now();
  const worker = String(body.worker ?? 'worker').slice(0, 100);
  const leaseMs = clampMs(body.leaseMs, LEASE_MS);
  const items: ClaimedNotification[] = [];
  $app.runInTransaction((txApp) => {
    const rows = txApp.findRecordsByFilter(
      'notifications',
      'status = "pending" && (next_attempt_at = "" || next_attempt_at <= {:now}) && (claimed_until = "" || claimed_until <= {:now})',
      'created',
      claimLimit(body.limit),
      0,
      { now: isoDate(now) } as dbx.Params,
    );
    for (const row of rows) {
      if (!row) continue;
      const kind = row.getString('kind');
      const conversationId = row.getString('conversation');
      const conversation = conversationId ? findOne(txApp, 'conversations', 'id = {:id}', { id: conversationId }) : null;
      const stale = isNotificationKind(kind)
        ? staleReason({ kind, agentId: row.getString('agent'), createdAt: epochMs(row, 'created') ?? now }, conversationFacts(conversation))
        : null;
      if (stale) {
        row.set('status', 'stale');
        row.set('claimed_until', '');
        txApp.save(row);
        items.push({ ...claimedView(txApp, row, conversation, []), stale });
        continue;
      }
      const subscriptions = undeliveredSubscriptions(txApp, row);
      if (!subscriptions.length) {
        // No device to reach (none subscribed, or all answered before a crash): settle it without a push.
        settle(txApp, row, false, null, now);
        items.push(claimedView(txApp, row, conversation, []));
        continue;
      }
      row.set('claimed_by', worker);
      row.set('claimed_until', isoDate(now + leaseMs));
      txApp.save(row);
      items.push(claimedView(txApp, row, conversation, subscriptions));
    }
  });
  e.json(200, { items });
});

/**
 * POST /api/pocketdesk/worker/push-results: records each device's answer and settles the notification. Answers are
 * facts and always recorded; only the worker holding the lease reschedules, so a late answer never frees a row
 * another worker is pushing.
 */
export const recordPushResults = workerRoute(
  { body: resultsSchema, invalid: { reason: 'invalid-push-results', message: 'The push results are not valid.' } },
  (e, body) => {
    const { worker, results } = body;
    const now = Date.now();
    const settled: Array<{ id: string; status: string }> = [];
    $app.runInTransaction((txApp) => {
      for (const result of results) {
        const notification = findOne(txApp, 'notifications', 'id = {:id}', { id: result.id });
        if (!notification) continue;
        let retryAfterMs: number | null = null;
        const answered = new Set(deliveriesOf(txApp, notification.id).map((d) => d.getString('subscription')));
        for (const device of result.devices) {
          const subscription = findOne(txApp, 'push_subscriptions', 'id = {:id}', { id: device.subscription });
          if (!subscription) continue;
          if (device.outcome === 'retry') {
            retryAfterMs = Math.max(retryAfterMs ?? 0, device.retryAfterMs ?? 0);
          } else if (device.outcome === 'gone') {
            // The browser dropped this subscription: forget the device (its delivery rows go with it).
            txApp.delete(subscription);
          } else if (!answered.has(subscription.id)) {
            txApp.save(
              newRecord(txApp, 'push_deliveries', {
                notification: notification.id,
                subscription: subscription.id,
                status: device.outcome,
                http_status: device.httpStatus,
              }),
            );
            answered.add(subscription.id);
            if (device.outcome === 'sent') {
              subscription.set('last_success_at', isoDate(now));
              txApp.save(subscription);
            }
          }
        }
        if (notification.getString('status') === 'pending' && notification.getString('claimed_by') === worker)
          settle(txApp, notification, true, retryAfterMs, now);
        settled.push({ id: notification.id, status: notification.getString('status') });
      }
    });
    e.json(200, { items: settled });
  },
);
