// The offline copy's progress, for the queue's sync line. This module and the prefetch load after the queue
// (dynamic imports), so they stay off the first visit's download.
import { db } from '../client/db';
import { pb } from '../client/pb';
import { sync } from './sync.svelte';

/** While the app is open, changes realtime brought in are downloaded this often (the prefetch skips the unchanged). */
const BACKGROUND_MS = 60_000;

class OfflineCopy {
  #downloading = $state(0);
  #running: Promise<void> | null = null;
  #again = false;

  /** Conversations still downloading (messages or files); 0 when the copy is up to date. */
  get downloading(): number {
    return this.#downloading;
  }

  /** Keeps the copy of `agentId`'s queues after every sync and in the background; returns the stop. */
  start(agentId: string): () => void {
    let stopToken: (() => void) | null = null;
    let stopped = false;
    const run = () => void this.refresh(agentId);
    const unsubscribe = sync.onSynced(run);
    const timer = setInterval(() => sync.online && document.visibilityState === 'visible' && run(), BACKGROUND_MS);
    void import('../client/prefetch').then(({ shareTokenWithServiceWorker }) => {
      if (!stopped) stopToken = shareTokenWithServiceWorker(pb, db);
    });
    // Loaded after the first sync may have finished: catch up with what the device already has.
    if (sync.lastSynced) run();
    return () => {
      stopped = true;
      unsubscribe();
      clearInterval(timer);
      stopToken?.();
    };
  }

  /** One prefetch run; a call while one runs schedules one more afterwards. */
  refresh(agentId: string): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#run(agentId).finally(() => (this.#running = null));
    return this.#running;
  }

  async #run(agentId: string): Promise<void> {
    const { runPrefetch } = await import('../client/prefetch');
    do {
      this.#again = false;
      await runPrefetch(pb, db, agentId, (n) => (this.#downloading = n)).catch(() => {});
    } while (this.#again);
    this.#downloading = 0;
  }
}

export const offlineCopy = new OfflineCopy();
