import type PocketBase from 'pocketbase';
import { predictIntent, type IntentClassifier } from '../lib/domain/intents/intent-classifier';
import { loadIntentModel } from '../lib/domain/intents/model-serialization';

// Hybrid routing's inference (issue #20), in Node where a prediction costs well under a millisecond (in PocketBase's
// JS VM it costs ~10 ms, and loading the model seconds per pooled VM). Before each drain of the webhook inbox the
// worker fetches the waiting customers' texts, predicts their intents with the active model and stores the
// predictions; routing, inside each event's transaction, reads the one for the message that opened the conversation.

interface InboxTexts {
  model: string | null;
  texts: Array<{ wamid: string; text: string }>;
  before: number | null;
}

export class InboxClassifier {
  readonly #pb: PocketBase;
  readonly #log: (line: string) => void;
  #loaded: { id: string; model: IntentClassifier } | null = null;
  /** A stored model that does not load is not fetched again every poll. */
  #unloadable: string | null = null;

  constructor(pb: PocketBase, log: (line: string) => void) {
    this.#pb = pb;
    this.#log = log;
  }

  async #load(id: string): Promise<void> {
    const record = await this.#pb.collection('intent_models').getOne(id, { fields: 'id,model', requestKey: null });
    const loaded = loadIntentModel(record.model);
    if (!loaded.ok) {
      this.#log(`intent model ${id} not loaded: ${loaded.reason}`);
      this.#loaded = null;
      this.#unloadable = id;
      return;
    }
    this.#loaded = { id, model: loaded.model };
    this.#log(`intent model ${id} loaded (${loaded.model.intents.length} intents)`);
  }

  /**
   * Predicts the waiting messages; returns the inbox seq to drain up to (entries stored after the texts were read
   * wait for the next round, so none is applied unpredicted), or null to drain as usual.
   */
  async classifyWaiting(limit: number): Promise<number | null> {
    let answer = (await this.#pb.send('/api/pocketdesk/worker/inbox-texts', { method: 'POST', body: { limit, model: this.#loaded?.id ?? '' } })) as InboxTexts;
    if (answer.model === null) {
      this.#loaded = null;
      return null;
    }
    if (answer.model !== this.#loaded?.id) {
      if (answer.model === this.#unloadable) return null;
      await this.#load(answer.model);
      if (!this.#loaded) return null;
      answer = (await this.#pb.send('/api/pocketdesk/worker/inbox-texts', { method: 'POST', body: { limit, model: this.#loaded.id } })) as InboxTexts;
      if (answer.model !== this.#loaded.id) return null;
    }
    const model = this.#loaded!.model;
    if (answer.texts.length) {
      const predictions = answer.texts.map(({ wamid, text }) => {
        const predicted = predictIntent(model, text);
        return { wamid, intent: predicted.intent, confidence: predicted.confidence, alternatives: predicted.alternatives.slice(0, 3) };
      });
      await this.#pb.send('/api/pocketdesk/worker/message-intents', { method: 'POST', body: { model: answer.model, predictions } });
    }
    return answer.before;
  }
}
