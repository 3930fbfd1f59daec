// Changes made on the device (replies, notes, status changes) wait here until the server has them.
import type { DeskDb, OutboxItem } from './db';
import { isLocalCollection, storeRecord } from './local-records';

/** What became of one attempt to hand an item to the server. */
export type SendOutcome =
  /** The server has it (now, or from an earlier attempt whose answer was lost); `record` is its copy if known. */
  | { kind: 'sent'; record: unknown }
  /** The server will never accept it as it is; `reason` is a stable code. */
  | { kind: 'refused'; reason: string }
  /** Offline, server trouble or an expired session: try again later, in the same order. */
  | { kind: 'retry-later' };

export interface OutboxTransport {
  send(item: OutboxItem): Promise<SendOutcome>;
}

export interface FlushReport {
  sent: number;
  refused: number;
  /** True when a pass stopped early to retry later; the items after the stop were not attempted. */
  stopped: boolean;
}

export type NewOutboxItem = Pick<OutboxItem, 'collection' | 'op' | 'record_id' | 'conversation' | 'data'>;

interface OutboxOptions {
  /** Called after a sent item has left the outbox, with the server's record when known. */
  onSent?: (item: OutboxItem, record: unknown) => void;
  now?: () => number;
}

export class Outbox {
  #db: DeskDb;
  #transport: OutboxTransport;
  #options: OutboxOptions;
  #running: Promise<FlushReport> | null = null;
  #again = false;

  constructor(db: DeskDb, transport: OutboxTransport, options: OutboxOptions = {}) {
    this.#db = db;
    this.#transport = transport;
    this.#options = options;
  }

  async add(item: NewOutboxItem): Promise<OutboxItem> {
    const stored: OutboxItem = { ...item, created_at: (this.#options.now ?? Date.now)(), state: 'pending', reason: '' };
    stored.seq = await this.#db.outbox.add(stored);
    return stored;
  }

  /**
   * Sends pending items oldest first, one at a time. Calls while a pass runs share it and schedule one more
   * pass, so an item added mid-flush is not left behind and no item is ever in flight twice from this tab.
   */
  flush(): Promise<FlushReport> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#drain().finally(() => (this.#running = null));
    return this.#running;
  }

  async discard(seq: number): Promise<void> {
    await this.#db.outbox.delete(seq);
  }

  /** Puts a refused item back in line, e.g. after the agent fixed what made it fail. */
  async retry(seq: number): Promise<FlushReport> {
    await this.#db.outbox.update(seq, { state: 'pending', reason: '' });
    return this.flush();
  }

  async #drain(): Promise<FlushReport> {
    const total: FlushReport = { sent: 0, refused: 0, stopped: false };
    do {
      this.#again = false;
      const report = await this.#exclusive(() => this.#pass());
      total.sent += report.sent;
      total.refused += report.refused;
      total.stopped = report.stopped;
    } while (this.#again && !total.stopped);
    return total;
  }

  async #pass(): Promise<FlushReport> {
    const report: FlushReport = { sent: 0, refused: 0, stopped: false };
    const pending = await this.#db.outbox.where('state').equals('pending').sortBy('seq');
    for (const item of pending) {
      // Discarded while we were busy with an earlier item.
      if (!(await this.#db.outbox.get(item.seq!))) continue;
      const outcome = await this.#transport.send(item);
      if (outcome.kind === 'retry-later') {
        report.stopped = true;
        break;
      }
      if (outcome.kind === 'refused') {
        await this.#db.outbox.update(item.seq!, { state: 'refused', reason: outcome.reason });
        report.refused++;
        continue;
      }
      await this.#settle(item, outcome.record);
      report.sent++;
    }
    return report;
  }

  /** Swaps the pending item for the server's record in one transaction, so the thread never shows both or neither. */
  async #settle(item: OutboxItem, record: unknown): Promise<void> {
    const db = this.#db;
    await db.transaction('rw', [db.outbox, db.conversations, db.messages, db.notes, db.contacts, db.agents], async () => {
      if (record && isLocalCollection(item.collection)) await storeRecord(db, item.collection, record);
      await db.outbox.delete(item.seq!);
    });
    this.#options.onSent?.(item, record);
  }

  /** Other tabs share this outbox: a Web Lock keeps their passes from overlapping where the browser has one. */
  #exclusive<T>(run: () => Promise<T>): Promise<T> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (!locks) return run();
    return locks.request(`pocketdesk-outbox-${this.#db.name}`, run) as Promise<T>;
  }
}
