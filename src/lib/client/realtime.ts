// Keeps the device's copy current while connected: PocketBase's realtime events for the agent's records.
import type PocketBase from 'pocketbase';
import type { RecordSubscription } from 'pocketbase';
import type { DeskDb } from './db';
import { removeRecord, storeRecord, type LocalCollection } from './local-records';

const FEEDS: { collection: LocalCollection; expand?: string }[] = [
  { collection: 'conversations', expand: 'contact' },
  { collection: 'messages' },
  { collection: 'notes' },
  // Colleagues' shift changes: who can take a handover, and the manager board's shift column.
  { collection: 'agents' },
];

export class RealtimeFeed {
  #pb: PocketBase;
  #db: DeskDb;
  #onConnect: () => void;
  #onDisconnect: () => void;
  #started = false;
  #connecting: Promise<boolean> | null = null;
  #subscribed = false;

  /** `onConnect` runs on every (re)connection: events missed while away are caught up by the caller. */
  constructor(pb: PocketBase, db: DeskDb, events: { onConnect: () => void; onDisconnect: () => void }) {
    this.#pb = pb;
    this.#db = db;
    this.#onConnect = events.onConnect;
    this.#onDisconnect = events.onDisconnect;
    this.#pb.realtime.onDisconnect = () => this.#onDisconnect();
  }

  get connected(): boolean {
    return this.#pb.realtime.isConnected;
  }

  /**
   * Subscribes unless already subscribed. The SDK reconnects by itself only after a first success, so a start
   * that failed (the app opened offline) is repeated by the caller when the network returns.
   * Resolves true when this call connected (and so already reported it through `onConnect`).
   */
  start(): Promise<boolean> {
    this.#started = true;
    // Subscribed once already: the SDK reconnects by itself, and subscribing again would add every listener twice.
    if (this.connected || this.#subscribed) return Promise.resolve(false);
    this.#connecting ??= this.#subscribe().finally(() => (this.#connecting = null));
    return this.#connecting;
  }

  async stop(): Promise<void> {
    this.#started = false;
    this.#subscribed = false;
    await this.#pb.realtime.unsubscribe().catch(() => {});
  }

  async #subscribe(): Promise<boolean> {
    let connected = false;
    try {
      // All at once: the SDK then sends the whole set in one request when the connection opens (one at a time cost
      // a request each, on the phone's main thread during start-up). PB_CONNECT reports every connection, the first too.
      await Promise.all([
        ...FEEDS.map(({ collection, expand }) =>
          this.#pb.collection(collection).subscribe('*', (event) => void this.#apply(collection, event), expand ? { expand } : {}),
        ),
        this.#pb.realtime.subscribe('PB_CONNECT', () => this.#onConnect()),
      ]);
      connected = true;
      this.#subscribed = true;
    } catch {
      // Offline or signed out: drop the half-made subscriptions so the next start begins clean.
      await this.#pb.realtime.unsubscribe().catch(() => {});
    }
    if (!this.#started) {
      this.#subscribed = false;
      await this.#pb.realtime.unsubscribe().catch(() => {});
    }
    return connected;
  }

  async #apply(collection: LocalCollection, event: RecordSubscription): Promise<void> {
    if (event.action === 'delete') await removeRecord(this.#db, collection, event.record.id);
    else await storeRecord(this.#db, collection, event.record);
  }
}
