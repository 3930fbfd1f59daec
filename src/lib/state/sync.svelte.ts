// Keeps the device and the server in step: outbox first, then the queue and the reference lists. Runs at app start, when the network
// returns, when the app comes back to the foreground and whenever realtime (re)connects.
import { liveQuery } from 'dexie';
import { outbox } from '../client/app-outbox';
import { db } from '../client/db';
import { pb } from '../client/pb';
import { RealtimeFeed } from '../client/realtime';
import { refreshDirectory } from '../client/directory';
import { refreshQueue } from '../client/refresh';
import { session } from './session.svelte';

class Sync {
  #online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
  #syncing = $state(false);
  #pending = $state(0);
  #refused = $state(0);
  #connections = $state(0);
  #live = $state(false);
  #started = $state(false);
  #connecting = $state(false);
  #running: Promise<void> | null = null;
  #again = false;
  #stop: (() => void) | null = null;
  #lastSynced = $state<number | null>(readLastSynced());
  #afterSync = new Set<() => void>();

  get online(): boolean {
    return this.#online;
  }
  get syncing(): boolean {
    return this.#syncing;
  }
  /** Changes waiting for the server. */
  get pending(): number {
    return this.#pending;
  }
  /** Changes the server refused, waiting for the agent to decide. */
  get refused(): number {
    return this.#refused;
  }
  /** True while realtime events flow in. */
  get live(): boolean {
    return this.#live;
  }
  /** Goes up on every realtime (re)connection: pages showing one record refresh it then. */
  get connections(): number {
    return this.#connections;
  }

  /**
   * False until the sync has started and its realtime connection attempt has settled (connected or failed). A page
   * showing one record fetches it once this is true and again on every reconnection: fetching before would only be
   * repeated by the connection a moment later, on the phone's busiest start-up moments.
   */
  get ready(): boolean {
    return this.#started && !this.#connecting;
  }

  /** When the queue last came from the server (epoch ms), kept across restarts; null before the first time. */
  get lastSynced(): number | null {
    return this.#lastSynced;
  }

  /** Runs `listener` after every sync that reached the server; returns the unsubscribe. */
  onSynced(listener: () => void): () => void {
    this.#afterSync.add(listener);
    return () => this.#afterSync.delete(listener);
  }

  start(): void {
    if (this.#stop) return;
    const feed = new RealtimeFeed(pb, db, {
      onConnect: () => {
        this.#live = true;
        this.#connections++;
        void this.syncNow();
      },
      onDisconnect: () => (this.#live = false),
    });
    const wake = async () => {
      if (!feed.connected) this.#connecting = true;
      let connected = false;
      try {
        connected = await feed.start();
      } finally {
        this.#connecting = false;
      }
      if (!connected) await this.syncNow();
    };
    const onOnline = () => ((this.#online = true), void wake());
    const onOffline = () => (this.#online = false);
    const onVisible = () => document.visibilityState === 'visible' && void wake();
    const counts = liveQuery(() => db.outbox.toArray()).subscribe((items) => {
      this.#pending = items.filter((i) => i.state === 'pending').length;
      this.#refused = items.length - this.#pending;
    });
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    document.addEventListener('visibilitychange', onVisible);
    this.#started = true;
    void wake();
    this.#stop = () => {
      this.#started = false;
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      document.removeEventListener('visibilitychange', onVisible);
      counts.unsubscribe();
      void feed.stop();
      this.#live = false;
    };
  }

  stop(): void {
    this.#stop?.();
    this.#stop = null;
  }

  /** Sends what is waiting, then refreshes the queue. Overlapping calls share one run plus one follow-up. */
  syncNow(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#run().finally(() => (this.#running = null));
    return this.#running;
  }

  async #run(): Promise<void> {
    this.#syncing = true;
    try {
      do {
        this.#again = false;
        if (session.endIfExpired()) break;
        const report = await outbox.flush();
        if (report.stopped) break;
        const [fresh] = await Promise.all([
          refreshQueue(pb, db).then(
            () => true,
            () => false,
          ),
          refreshDirectory(pb, db).catch(() => {}),
        ]);
        if (fresh) this.#markSynced();
      } while (this.#again);
    } finally {
      this.#syncing = false;
    }
  }

  #markSynced(): void {
    this.#lastSynced = Date.now();
    try {
      localStorage.setItem(LAST_SYNCED_KEY, String(this.#lastSynced));
    } catch {
      // Private mode without storage: the time still shows until the app closes.
    }
    for (const listener of this.#afterSync) listener();
  }
}

const LAST_SYNCED_KEY = 'pocketdesk.last-synced';

function readLastSynced(): number | null {
  const value = typeof localStorage === 'undefined' ? null : Number(localStorage.getItem(LAST_SYNCED_KEY));
  return value ? value : null;
}

export const sync = new Sync();
