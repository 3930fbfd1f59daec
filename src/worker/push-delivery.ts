import type { Agent } from 'node:https';
import type PocketBase from 'pocketbase';
import webpush from 'web-push';
import { LEASE_MS } from '../lib/domain/delivery/outbox-lease';
import type { ClaimedNotification, ClaimedSubscription, DeviceResult } from '../lib/domain/notifications/push-claim';
import { pushOptionsFor, type PushOptions } from '../lib/domain/notifications/push-options';
import { deviceOutcomeOf, retryAfterMs, type PushAttempt } from '../lib/domain/notifications/push-outcome';
import { buildPushPayload } from '../lib/domain/notifications/push-payload';
import { hasUsableKeys } from '../lib/domain/notifications/subscription-keys';

/** The application server's VAPID identity (RFC 8292); the PWA subscribes with `publicKey`. */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  /** `mailto:` or `https:` contact the push service may use. */
  subject: string;
}

export interface PushDeliveryDeps {
  pb: PocketBase;
  workerId: string;
  vapid: VapidKeys;
  /** An agent that trusts a push service's private CA (the local mock in tests); public push services need none. */
  agent?: Agent;
  /** web-push's sender; tests may substitute it. */
  send?: typeof webpush.sendNotification;
  now?: () => number;
  batchSize?: number;
  leaseMs?: number;
  /** Socket timeout of one push request. */
  timeoutMs?: number;
}

type Send = typeof webpush.sendNotification;

/** Claims pending notifications, pushes each to the agent's devices with web-push, and records every answer. */
export class PushDelivery {
  readonly #deps: PushDeliveryDeps & { send: Send; now: () => number; batchSize: number; leaseMs: number; timeoutMs: number };

  constructor(deps: PushDeliveryDeps) {
    // Fails at start-up with web-push's own message when a key or the subject is malformed, not on every push.
    webpush.getVapidHeaders('https://push.invalid', deps.vapid.subject, deps.vapid.publicKey, deps.vapid.privateKey, 'aes128gcm');
    this.#deps = { send: webpush.sendNotification, now: Date.now, batchSize: 20, timeoutMs: 10_000, ...deps, leaseMs: deps.leaseMs ?? LEASE_MS };
  }

  /** One claim-and-push round; returns how many notifications it handled. */
  async runOnce(): Promise<number> {
    const { pb, workerId, batchSize, leaseMs } = this.#deps;
    const { items } = await pb.send<{ items: ClaimedNotification[] }>('/api/pocketdesk/worker/claim-notifications', {
      method: 'POST',
      body: { limit: batchSize, worker: workerId, leaseMs },
    });
    await Promise.all(items.filter((item) => item.subscriptions.length > 0).map((item) => this.#deliver(item)));
    return items.length;
  }

  async #deliver(item: ClaimedNotification): Promise<void> {
    const { json } = buildPushPayload({
      notification: {
        id: item.id,
        kind: item.kind,
        title: item.title,
        body: item.body,
        url: item.url,
        conversationId: item.conversationId,
        count: item.count,
        wording: item.wording,
      },
      customerName: item.customerName,
      channelName: item.channelName,
      messageText: item.messageText,
    });
    const options = pushOptionsFor(item.kind, item.conversationId);
    const devices = await Promise.all(item.subscriptions.map((subscription) => this.#push(subscription, json, options)));
    // Reported per notification, as soon as its devices answered: a crash later in the batch cannot repeat these.
    await this.#deps.pb.send('/api/pocketdesk/worker/push-results', {
      method: 'POST',
      body: { worker: this.#deps.workerId, results: [{ id: item.id, devices }] },
    });
  }

  async #push(subscription: ClaimedSubscription, payload: string, options: PushOptions): Promise<DeviceResult> {
    const { send, vapid, agent, timeoutMs, now } = this.#deps;
    let attempt: PushAttempt;
    if (!hasUsableKeys(subscription)) attempt = { kind: 'unusable-subscription' };
    else {
      try {
        const response = await send({ endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } }, payload, {
          vapidDetails: vapid,
          contentEncoding: 'aes128gcm',
          TTL: options.TTL,
          urgency: options.urgency,
          ...(options.topic ? { topic: options.topic } : {}),
          ...(agent ? { agent } : {}),
          timeout: timeoutMs,
        });
        attempt = { kind: 'response', status: response.statusCode };
      } catch (error) {
        attempt =
          error instanceof webpush.WebPushError
            ? { kind: 'response', status: error.statusCode, retryAfter: headerValue(error.headers, 'retry-after') }
            : { kind: 'network-error', detail: (error as Error).message };
      }
    }
    const outcome = deviceOutcomeOf(attempt);
    const result: DeviceResult = { subscription: subscription.id, outcome, httpStatus: attempt.kind === 'response' ? attempt.status : 0 };
    if (outcome === 'retry' && attempt.kind === 'response') result.retryAfterMs = retryAfterMs(attempt.retryAfter, now());
    return result;
  }
}

function headerValue(headers: Record<string, string | string[] | undefined> | undefined, name: string): string | null {
  const value = headers?.[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/** Calls `onCreated` for every notification row written (realtime); returns the unsubscribe function. */
export async function watchNotifications(pb: PocketBase, onCreated: (record: Record<string, unknown>) => void): Promise<() => Promise<void>> {
  return pb.collection('notifications').subscribe('*', (event) => {
    if (event.action === 'create') onCreated(event.record);
  });
}
