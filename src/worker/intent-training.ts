import { Worker } from 'node:worker_threads';
import type PocketBase from 'pocketbase';
import type { IntentCorrection, HistoryConversation } from '../lib/domain/routing/intent-training';
import type { TrainingReport } from '../lib/schemas/intent-model';
import type { TrainingJobInput, TrainingThreadMessage } from './intent-training-thread';

// Trains the desk's intent model (issue #20): claims a queued training, reads the history training learns from, and
// hands it to a thread (intent-training-thread.ts) that scores a model on a held-out fifth of it, trains the routing
// model on all of it and posts both back. The thread keeps this worker's loop free: sends, pushes and webhook
// deliveries go on while a model trains. PocketBase decides whether it is switched on (src/pocketbase/intent-models.ts).

const MAX_CONVERSATIONS = 20_000;
/** Bundled beside this worker by scripts/build-node.mjs. */
const THREAD_URL = new URL('./intent-training-thread.mjs', import.meta.url);

/** Runs one training in a fresh thread; `onProgress` sees each stage; resolves with the thread's outcome. */
function trainInThread(input: TrainingJobInput, onProgress: (progress: number, stage: string) => void): Promise<NonNullable<TrainingReport['outcome']>> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(THREAD_URL, { workerData: input });
    let outcome: NonNullable<TrainingReport['outcome']> | null = null;
    thread.on('message', (message: TrainingThreadMessage) => {
      if (message.kind === 'progress') onProgress(message.progress, message.stage);
      else outcome = message.outcome;
    });
    thread.once('error', reject);
    thread.once('exit', (code) => (outcome ? resolve(outcome) : reject(new Error(`the training thread stopped (exit code ${code}) without a model`))));
  });
}

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
      // Progress reports go out in order while the thread trains; the outcome waits for the last of them.
      let reported = Promise.resolve();
      const outcome = await trainInThread(
        {
          version: job.version,
          history,
          corrections: corrections.map((row): IntentCorrection => ({
            conversationId: String(row.conversation),
            teamId: String(row.team) || null,
            labels: row.labels ?? [],
          })),
          teamNames,
          labelNames,
        },
        (progress, stage) => (reported = reported.then(() => this.#report({ id: job.id, progress, stage })).catch(() => undefined)),
      );
      await reported;
      await this.#report({ id: job.id, outcome });
    } catch (error) {
      await this.#report({ id: job.id, outcome: { ok: false, error: (error as Error).message.slice(0, 2000) } }).catch(() => undefined);
      throw error;
    }
    return 1;
  }
}
