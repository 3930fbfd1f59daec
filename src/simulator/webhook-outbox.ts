import type { SimulatorKnobs } from '../lib/schemas/simulator';
import type { Clock } from './clock';
import type { RandomSource } from './random-source';
import { buildEnvelope, type WebhookChange } from './webhook-envelope';
import type { SentWebhook, WebhookKind, WebhookSender } from './webhook-sender';

// Meta collects updates for a moment before POSTing; with batch_size 1 every update goes out at once.
const BATCH_WINDOW_MS = 1_000;

interface Waiting {
  change: WebhookChange;
  resolve: (sent: SentWebhook) => void;
}

/** Turns updates into POSTs, applying the batching and duplicate-delivery knobs. */
export class WebhookOutbox {
  readonly #sender: WebhookSender;
  readonly #clock: Clock;
  readonly #random: RandomSource;
  readonly #knobs: () => SimulatorKnobs;
  #waiting: Waiting[] = [];
  #flushScheduled = false;

  constructor(sender: WebhookSender, clock: Clock, random: RandomSource, knobs: () => SimulatorKnobs) {
    this.#sender = sender;
    this.#clock = clock;
    this.#random = random;
    this.#knobs = knobs;
  }

  /** Resolves with the delivery that carries the change, once it has been handed to the sender. */
  push(change: WebhookChange): Promise<SentWebhook> {
    return new Promise((resolve) => {
      this.#waiting.push({ change, resolve });
      const queued = this.#waiting.reduce((sum, waiting) => sum + waiting.change.items.length, 0);
      if (queued >= this.#knobs().batch_size) this.#flush();
      else if (!this.#flushScheduled) {
        this.#flushScheduled = true;
        this.#clock.after(BATCH_WINDOW_MS, () => this.#flush());
      }
    });
  }

  /** Sends an arbitrary body (replays, fixtures) outside batching. */
  sendRaw(payload: unknown): SentWebhook {
    return this.#sendWithDuplicates(payload, 'replay');
  }

  /** Hands queued updates to the sender now so no caller waits forever; the sender's own reset then cancels them. */
  reset(): void {
    this.#flush();
  }

  #flush(): void {
    this.#flushScheduled = false;
    const waiting = this.#waiting;
    this.#waiting = [];
    if (waiting.length === 0) return;
    const changes = waiting.map((item) => item.change);
    const kinds = new Set(changes.map((change) => change.kind));
    const kind: WebhookKind = kinds.size === 1 ? (changes[0]?.kind ?? 'mixed') : 'mixed';
    const sent = this.#sendWithDuplicates(buildEnvelope(changes), kind);
    for (const item of waiting) item.resolve(sent);
  }

  #sendWithDuplicates(payload: unknown, kind: WebhookKind): SentWebhook {
    const sent = this.#sender.send(payload, kind);
    if (this.#random.chance(this.#knobs().duplicate_probability)) this.#sender.send(payload, kind, sent.delivery.id);
    return sent;
  }
}
