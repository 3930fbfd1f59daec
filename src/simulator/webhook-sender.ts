import { setMaxListeners } from 'node:events';
import type { Clock } from './clock';
import { sendRequest } from './http-client';
import type { IdFactory } from './message-ids';
import { serializeLikeMeta } from './meta-json';
import { signBody } from './signature';

// Re-exported so backend tests can build Meta-exact bodies and signatures from one import.
export { serializeLikeMeta, signBody };

/** Meta publishes no intervals, only "immediately, then decreasing frequency over 7 days"; this is the contract's default. */
export const RETRY_SCHEDULE_MS = [0, 30_000, 120_000, 600_000, 3_600_000, 21_600_000, 86_400_000, 259_200_000, 604_800_000] as const;
const TIMEOUT_MS = 10_000;
// A compressed timeout below this would fail healthy backends on a busy CI machine.
const MIN_REAL_TIMEOUT_MS = 2_000;
const MAX_LOG = 2_000;

export type WebhookKind = 'messages' | 'statuses' | 'errors' | 'mixed' | 'replay';

export interface WebhookAttempt {
  at: number;
  ok: boolean;
  statusCode?: number;
  error?: string;
}

export interface WebhookDelivery {
  id: string;
  kind: WebhookKind;
  /** The exact bytes sent (ASCII-only, so string length = byte length). */
  body: string;
  signature: string;
  createdAt: number;
  state: 'pending' | 'delivered' | 'exhausted' | 'cancelled';
  attempts: WebhookAttempt[];
  nextAttemptAt?: number;
  /** Set on the extra copy sent by the `duplicate_probability` knob. */
  duplicateOf?: string;
}

export interface SentWebhook {
  delivery: WebhookDelivery;
  /** Settles (never rejects) once the first attempt has an outcome. */
  firstAttempt: Promise<WebhookAttempt>;
}

export interface WebhookSenderOptions {
  url: string;
  appSecret: string;
  clock: Clock;
  ids: IdFactory;
}

/** POSTs signed webhooks to the backend and retries anything but a 200 on Meta's schedule. */
export class WebhookSender {
  readonly #options: WebhookSenderOptions;
  readonly #log: WebhookDelivery[] = [];
  #abort = WebhookSender.#newController();

  constructor(options: WebhookSenderOptions) {
    this.#options = options;
  }

  send(payload: unknown, kind: WebhookKind, duplicateOf?: string): SentWebhook {
    const body = serializeLikeMeta(payload);
    const delivery: WebhookDelivery = {
      id: this.#options.ids.deliveryId(),
      kind,
      body,
      signature: signBody(body, this.#options.appSecret),
      createdAt: this.#options.clock.now(),
      state: 'pending',
      attempts: [],
      ...(duplicateOf ? { duplicateOf } : {}),
    };
    this.#log.push(delivery);
    if (this.#log.length > MAX_LOG) this.#log.splice(0, this.#log.length - MAX_LOG);
    return { delivery, firstAttempt: this.#attempt(delivery, this.#abort.signal) };
  }

  log(): readonly WebhookDelivery[] {
    return this.#log;
  }

  /** Forgets the log and stops every pending retry. */
  reset(): void {
    this.#cancelPending();
    this.#log.length = 0;
  }

  close(): void {
    this.#cancelPending();
  }

  #cancelPending(): void {
    this.#abort.abort();
    this.#abort = WebhookSender.#newController();
    for (const delivery of this.#log) {
      if (delivery.state === 'pending') {
        delivery.state = 'cancelled';
        delete delivery.nextAttemptAt;
      }
    }
  }

  static #newController(): AbortController {
    const controller = new AbortController();
    // Every in-flight POST listens on this one signal; hundreds at once are normal, not a leak.
    setMaxListeners(0, controller.signal);
    return controller;
  }

  async #attempt(delivery: WebhookDelivery, signal: AbortSignal): Promise<WebhookAttempt> {
    const { clock, url } = this.#options;
    delete delivery.nextAttemptAt;
    const attempt: WebhookAttempt = { at: clock.now(), ok: false };
    try {
      const result = await sendRequest({
        method: 'POST',
        url,
        headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': delivery.signature, 'User-Agent': 'facebookexternalua' },
        body: Buffer.from(delivery.body, 'latin1'),
        timeoutMs: Math.max(MIN_REAL_TIMEOUT_MS, clock.scale(TIMEOUT_MS)),
        signal,
      });
      attempt.statusCode = result.status;
      attempt.ok = result.status === 200;
    } catch (error) {
      attempt.error = error instanceof Error ? error.message : String(error);
    }
    if (signal.aborted) return attempt;
    delivery.attempts.push(attempt);
    if (attempt.ok) {
      delivery.state = 'delivered';
      return attempt;
    }
    const retryDelay = RETRY_SCHEDULE_MS[delivery.attempts.length - 1];
    if (retryDelay === undefined) {
      delivery.state = 'exhausted';
      return attempt;
    }
    delivery.nextAttemptAt = clock.now() + retryDelay;
    clock.after(retryDelay, () => {
      if (!signal.aborted) void this.#attempt(delivery, signal);
    });
    return attempt;
  }
}
