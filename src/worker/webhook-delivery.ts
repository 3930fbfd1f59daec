import type PocketBase from 'pocketbase';
import { outcomeOfStatus, type AttemptOutcome } from '../lib/domain/integrations/delivery-schedule';
import { SIGNATURE_HEADER } from '../lib/domain/integrations/signature';
import { openSecret } from './channel-tokens';
import { guardedPost, type PostResult } from './guarded-post';
import { signBody } from './webhook-signature';

// Delivers integration events: claims due deliveries (at most one per conversation and endpoint, so order holds),
// posts them in parallel, signs webhook bodies with the endpoint's secret, and reports every answer at once.

interface ClaimedDelivery {
  id: string;
  kind: 'webhook' | 'chat';
  url: string;
  sealedSecret: string | null;
  eventId: string;
  type: string;
  body: string;
}

export interface WebhookDeliveryDeps {
  pb: PocketBase;
  workerId: string;
  /** The AES key channel tokens and endpoint secrets are sealed with (POCKETDESK_SECRET_KEY). */
  secretKey: Buffer | null;
  allowPrivate: boolean;
  timeoutMs: number;
  retryBaseMs?: number;
  leaseMs?: number;
  batchSize?: number;
}

interface Result {
  id: string;
  outcome: AttemptOutcome;
  responseCode: number;
  responseMs: number;
  error?: string;
}

export class WebhookDelivery {
  readonly #deps: WebhookDeliveryDeps;

  constructor(deps: WebhookDeliveryDeps) {
    this.#deps = deps;
  }

  /** One claim-and-send round; returns how many deliveries it attempted. */
  async runOnce(): Promise<number> {
    const { pb, workerId, leaseMs, batchSize, retryBaseMs } = this.#deps;
    const { items } = await pb.send<{ items: ClaimedDelivery[] }>('/api/pocketdesk/worker/claim-webhooks', {
      method: 'POST',
      body: { worker: workerId, limit: batchSize ?? 50, leaseMs },
    });
    if (!items.length) return 0;
    const results = await Promise.all(items.map((item) => this.#deliver(item)));
    await pb.send('/api/pocketdesk/worker/webhook-results', { method: 'POST', body: { worker: workerId, results, ...(retryBaseMs ? { retryBaseMs } : {}) } });
    return items.length;
  }

  async #deliver(item: ClaimedDelivery): Promise<Result> {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Pocketdesk-Webhooks/1' };
    if (item.kind === 'webhook') {
      if (!item.sealedSecret || !this.#deps.secretKey) return { id: item.id, outcome: 'retry', responseCode: 0, responseMs: 0, error: 'secret-unavailable' };
      const secret = openSecret(item.sealedSecret, this.#deps.secretKey);
      headers['pocketdesk-event-id'] = item.eventId;
      headers['pocketdesk-event-type'] = item.type;
      headers[SIGNATURE_HEADER.toLowerCase()] = signBody(secret, Math.floor(Date.now() / 1000), item.body);
    }
    const result = await guardedPost(item.url, item.body, headers, { timeoutMs: this.#deps.timeoutMs, allowPrivate: this.#deps.allowPrivate });
    return resultOf(item.id, result);
  }
}

function resultOf(id: string, result: PostResult): Result {
  if (result.kind === 'response') return { id, outcome: outcomeOfStatus(result.status), responseCode: result.status, responseMs: result.ms };
  return { id, outcome: result.kind === 'refused' ? 'refused' : 'retry', responseCode: 0, responseMs: result.ms, error: result.reason };
}
