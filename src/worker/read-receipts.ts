import type PocketBase from 'pocketbase';
import type { GraphClient } from './graph-client';

interface PendingReceipt {
  conversationId: string;
  wamid: string;
  phoneNumberId: string;
  accessToken: string | null;
}

/** Marks the newest customer message read on WhatsApp for conversations an agent opened. */
export class ReadReceipts {
  readonly #pb: PocketBase;
  readonly #graph: GraphClient;
  readonly #defaultToken: string;

  constructor(deps: { pb: PocketBase; graph: GraphClient; defaultToken: string }) {
    this.#pb = deps.pb;
    this.#graph = deps.graph;
    this.#defaultToken = deps.defaultToken;
  }

  async runOnce(): Promise<number> {
    const { items } = await this.#pb.send<{ items: PendingReceipt[] }>('/api/pocketdesk/worker/claim-read-receipts', { method: 'POST' });
    let sent = 0;
    for (const item of items) {
      // A failed receipt is retried by the next sweep; it is cosmetic, so no backoff bookkeeping.
      if (!(await this.#graph.markRead(item.phoneNumberId, item.accessToken ?? this.#defaultToken, item.wamid))) continue;
      await this.#pb.send('/api/pocketdesk/worker/read-receipt-sent', { method: 'POST', body: { conversationId: item.conversationId, wamid: item.wamid } });
      sent++;
    }
    // Only report progress when something moved, so failures wait for the sweep instead of spinning.
    return sent;
  }
}
