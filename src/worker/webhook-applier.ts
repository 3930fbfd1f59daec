import type PocketBase from 'pocketbase';
import { applyWebhooksResultSchema } from '../lib/schemas/webhook';
import type { InboxClassifier } from './intent-inference';

// Under load the webhook route only stores events (Meta gets its 200 at once); this drains them, oldest first,
// through PocketBase's apply route. Several workers may drain at once: each event is applied at most once there.
// With hybrid routing on, the waiting messages' intents are predicted first (intent-inference.ts).

const BATCH = 100;

export class WebhookApplier {
  readonly #pb: PocketBase;
  readonly #classifier: InboxClassifier | null;
  readonly #log: (line: string) => void;

  constructor(pb: PocketBase, classifier: InboxClassifier | null = null, log: (line: string) => void = () => undefined) {
    this.#pb = pb;
    this.#classifier = classifier;
    this.#log = log;
  }

  /** One drain round; returns how many events it took on, so the trigger keeps going while the queue is full. */
  async runOnce(): Promise<number> {
    // A prediction that fails never holds an event back: it is applied, and routing takes the default path.
    const before = this.#classifier
      ? await this.#classifier.classifyWaiting(BATCH).catch((error: Error) => (this.#log(`intents: ${error.message}`), null))
      : null;
    const answer = await this.#pb.send('/api/pocketdesk/worker/apply-webhooks', {
      method: 'POST',
      body: before === null ? { limit: BATCH } : { limit: BATCH, before },
    });
    const result = applyWebhooksResultSchema.parse(answer);
    // Events that failed were pushed back (`apply_after`): looping on them now would only fail again.
    return result.attempted === BATCH ? result.attempted : 0;
  }
}
