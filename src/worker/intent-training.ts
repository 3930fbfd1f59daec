import type PocketBase from 'pocketbase';
import { DEFAULT_CLASSIFIER_OPTIONS } from '../lib/domain/intents/intent-classifier';
import { serializeIntentModel } from '../lib/domain/intents/model-serialization';
import { splitHeldOutByText } from '../lib/domain/routing/held-out-split';
import { buildTrainingSet, evaluateDeskModel, trainFinalModel, type HistoryConversation, type IntentCorrection } from '../lib/domain/routing/intent-training';
import type { TrainingReport } from '../lib/schemas/intent-model';

// Trains the desk's intent model (issue #20): claims a queued training, reads the history training learns from,
// scores a model on a held-out fifth of it (the same fifth for the same history), trains the routing model on all of
// it, and hands both back. PocketBase decides whether it is switched on (src/pocketbase/intent-models.ts). Training is synchronous CPU work: a desk's
// few thousand conversations take seconds, during which this worker's other jobs wait.

const HELD_OUT = 0.2;
/** A team-and-labels combination needs this many conversations to be an intent of its own (else its team alone). */
const MIN_EXAMPLES = 3;
const MAX_CONVERSATIONS = 20_000;

/** mulberry32: seeded by the model's version, so the same history gives the same model. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Lets a progress report go out before the next synchronous stage holds the event loop.
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

export class IntentTrainer {
  readonly #pb: PocketBase;
  readonly #workerId: string;

  constructor(pb: PocketBase, workerId: string) {
    this.#pb = pb;
    this.#workerId = workerId;
  }

  async #report(report: TrainingReport): Promise<void> {
    await this.#pb.send('/api/pocketdesk/worker/intent-training', { method: 'POST', body: report });
  }

  async #history(): Promise<HistoryConversation[]> {
    const all: HistoryConversation[] = [];
    let after = '';
    while (all.length < MAX_CONVERSATIONS) {
      const page = (await this.#pb.send('/api/pocketdesk/worker/intent-history', { method: 'POST', body: { after } })) as {
        conversations: HistoryConversation[];
        next: string | null;
      };
      all.push(...page.conversations);
      if (!page.next) break;
      after = page.next;
    }
    return all;
  }

  async #names(collection: 'teams' | 'labels'): Promise<Record<string, string>> {
    const rows = await this.#pb.collection(collection).getFullList({ fields: 'id,name', requestKey: null });
    return Object.fromEntries(rows.map((row) => [row.id, String(row.name)]));
  }

  /** Trains one queued model; returns 1 when it took one on (so the trigger looks for another), else 0. */
  async runOnce(): Promise<number> {
    const claimed = (await this.#pb.send('/api/pocketdesk/worker/claim-intent-training', { method: 'POST', body: { workerId: this.#workerId } })) as {
      job: { id: string; version: number } | null;
    };
    const job = claimed.job;
    if (!job) return 0;
    try {
      const [history, corrections, teamNames, labelNames] = await Promise.all([
        this.#history(),
        this.#pb.collection('intent_corrections').getFullList({ sort: 'created,id', fields: 'conversation,team,labels', requestKey: null }),
        this.#names('teams'),
        this.#names('labels'),
      ]);
      const set = buildTrainingSet(
        history,
        corrections.map((row): IntentCorrection => ({ conversationId: String(row.conversation), teamId: String(row.team) || null, labels: row.labels ?? [] })),
        { minExamples: MIN_EXAMPLES, teamNames, labelNames },
      );
      await this.#report({ id: job.id, progress: 10, stage: 'evaluating' });
      await breathe();
      const random = seeded(job.version);
      // Held out by what customers wrote (not by random ids or the version): the same history, the same score.
      const evaluated = evaluateDeskModel(set, DEFAULT_CLASSIFIER_OPTIONS, HELD_OUT, random, splitHeldOutByText);
      if (!evaluated.ok) {
        await this.#report({ id: job.id, outcome: { ok: false, error: evaluated.reason } });
        return 1;
      }
      await this.#report({ id: job.id, progress: 55, stage: 'training' });
      await breathe();
      const model = trainFinalModel(set, DEFAULT_CLASSIFIER_OPTIONS, random);
      await this.#report({ id: job.id, progress: 90, stage: 'saving' });
      await this.#report({ id: job.id, outcome: { ok: true, model: serializeIntentModel(model), targets: set.targets, metrics: evaluated.metrics } });
    } catch (error) {
      await this.#report({ id: job.id, outcome: { ok: false, error: (error as Error).message.slice(0, 2000) } }).catch(() => undefined);
      throw error;
    }
    return 1;
  }
}
