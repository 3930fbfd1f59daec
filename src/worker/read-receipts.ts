import type PocketBase from 'pocketbase';
import type { ChannelTokens } from './channel-tokens';
import type { GraphClient } from './graph-client';

interface PendingReceipt {
  conversationId: string;
  wamid: string;
  phoneNumberId: string;
  sealedToken: string | null;
}

/** Marks the newest customer message read on WhatsApp for conversations an agent opened. */
export class ReadReceipts {
  readonly #pb: PocketBase;
  readonly #graph: GraphClient;
  readonly #tokens: ChannelTokens;

  constructor(deps: { pb: PocketBase; graph: GraphClient; tokens: ChannelTokens }) {
    this.#pb = deps.pb;
    this.#graph = deps.graph;
    this.#tokens = deps.tokens;
  }

  async runOnce(): Promise<number> {
    const { items } = await this.#pb.send<{ items: PendingReceipt[] }>('/api/pocketdesk/worker/claim-read-receipts', { method: 'POST' });
    let sent = 0;
    for (const item of items) {
      // A failed receipt is retried by the next sweep; it is cosmetic, so no backoff bookkeeping.
      if (!(await this.#graph.markRead(item.phoneNumberId, this.#tokens.forChannel(item.phoneNumberId, item.sealedToken), item.wamid))) continue;
      await this.#pb.send('/api/pocketdesk/worker/read-receipt-sent', { method: 'POST', body: { conversationId: item.conversationId, wamid: item.wamid } });
      sent++;
    }
    // Only report progress when something moved, so failures wait for the sweep instead of spinning.
    return sent;
  }
}
