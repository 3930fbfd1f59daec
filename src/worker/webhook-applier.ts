import type PocketBase from 'pocketbase';
import { applyWebhooksResultSchema } from '../lib/schemas/webhook';

// Under load the webhook route only stores events (Meta gets its 200 at once); this drains them, oldest first,
// through PocketBase's apply route. Several workers may drain at once: each event is applied at most once there.

const BATCH = 100;

export class WebhookApplier {
  readonly #pb: PocketBase;

  constructor(pb: PocketBase) {
    this.#pb = pb;
  }

  /** One drain round; returns how many events it took on, so the trigger keeps going while the queue is full. */
  async runOnce(): Promise<number> {
    const answer = await this.#pb.send('/api/pocketdesk/worker/apply-webhooks', { method: 'POST', body: { limit: BATCH } });
    const result = applyWebhooksResultSchema.parse(answer);
    // Events that failed were pushed back (`apply_after`): looping on them now would only fail again.
    return result.attempted === BATCH ? result.attempted : 0;
  }
}
