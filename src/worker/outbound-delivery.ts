import type PocketBase from 'pocketbase';
import { buildSendRequest, type OutboundMessage } from '../lib/domain/delivery/outbound-request';
import { outcomeOfAttempt, type SendAttempt } from '../lib/domain/delivery/send-outcome';
import { LEASE_MS, RECLAIM_GRACE_MS } from '../lib/domain/delivery/outbox-lease';
import { takeToken, type TokenBucket } from '../lib/domain/delivery/token-bucket';
import type { ChannelTokens } from './channel-tokens';
import type { GraphClient } from './graph-client';

interface ClaimedOutbound extends OutboundMessage {
  attempts: number;
  phoneNumberId: string;
  /** The channel's own token, sealed; null = use WHATSAPP_ACCESS_TOKEN. */
  sealedToken: string | null;
  mediaFile: string | null;
  mediaMime: string | null;
}

export interface DeliveryDeps {
  pb: PocketBase;
  graph: GraphClient;
  workerId: string;
  tokens: ChannelTokens;
  now?: () => number;
  random?: () => number;
  batchSize?: number;
  /** Lease and reclaim grace asked of the claim route; tests shorten them, production keeps the defaults. */
  leaseMs?: number;
  graceMs?: number;
}

const THROUGHPUT_PER_SECOND = 80;

/** Claims queued outbound messages and sends them to the Graph API, recording each outcome. */
export class OutboundDelivery {
  readonly #deps: Required<DeliveryDeps>;
  readonly #buckets = new Map<string, TokenBucket>();

  constructor(deps: DeliveryDeps) {
    this.#deps = { now: Date.now, random: Math.random, batchSize: 20, ...deps, leaseMs: deps.leaseMs ?? LEASE_MS, graceMs: deps.graceMs ?? RECLAIM_GRACE_MS };
  }

  /** One claim-and-send round; returns how many messages it handled. */
  async runOnce(): Promise<number> {
    const { pb, workerId, batchSize, leaseMs, graceMs } = this.#deps;
    const { items } = await pb.send<{ items: ClaimedOutbound[] }>('/api/pocketdesk/worker/claim-outbound', {
      method: 'POST',
      body: { limit: batchSize, worker: workerId, leaseMs, graceMs },
    });
    // Messages to different customers go out in parallel; order within a conversation is kept by claim order.
    const byRecipient = new Map<string, ClaimedOutbound[]>();
    for (const item of items) {
      const key = `${item.phoneNumberId}:${item.waId ?? item.userId}`;
      byRecipient.set(key, [...(byRecipient.get(key) ?? []), item]);
    }
    await Promise.all(
      [...byRecipient.values()].map(async (queue) => {
        for (const item of queue) await this.#deliver(item);
      }),
    );
    return items.length;
  }

  async #deliver(item: ClaimedOutbound): Promise<void> {
    const { pb, graph, now, random } = this.#deps;
    const token = this.#deps.tokens.forChannel(item.phoneNumberId, item.sealedToken);
    let attempt: SendAttempt;
    const media = await this.#ensureMediaId(item, token);
    if (!media.ok) attempt = media.attempt;
    else {
      const built = buildSendRequest({ ...item, mediaId: media.mediaId });
      if (!built.ok) attempt = { kind: 'not-sendable', reason: built.reason };
      else {
        await this.#pace(item.phoneNumberId);
        const { started } = await pb.send<{ started: boolean }>('/api/pocketdesk/worker/begin-send', {
          method: 'POST',
          body: { id: item.id, worker: this.#deps.workerId, leaseMs: this.#deps.leaseMs },
        });
        if (!started) return;
        attempt = await graph.send(item.phoneNumberId, token, built.request);
      }
    }
    const outcome = outcomeOfAttempt(attempt, item.attempts, now(), random());
    await pb.send('/api/pocketdesk/worker/outbound-result', { method: 'POST', body: { id: item.id, outcome } });
  }

  /** Agent attachments live in PocketBase; Meta needs them uploaded first, then sent by id. */
  async #ensureMediaId(item: ClaimedOutbound, token: string): Promise<{ ok: true; mediaId: string | null } | { ok: false; attempt: SendAttempt }> {
    if (item.mediaId || !item.mediaFile) return { ok: true, mediaId: item.mediaId };
    const { pb, graph } = this.#deps;
    const fileToken = await pb.files.getToken();
    const response = await fetch(`${pb.baseURL}/api/files/messages/${item.id}/${encodeURIComponent(item.mediaFile)}?token=${fileToken}`);
    if (!response.ok) return { ok: false, attempt: { kind: 'network-error', detail: `attachment download HTTP ${response.status}` } };
    const bytes = Buffer.from(await response.arrayBuffer());
    const uploaded = await graph.upload(
      item.phoneNumberId,
      token,
      bytes,
      item.mediaMime || response.headers.get('content-type') || 'application/octet-stream',
      item.mediaFilename || item.mediaFile,
    );
    if (!uploaded.ok) return { ok: false, attempt: uploaded.attempt };
    await pb.collection('messages').update(item.id, { media_id: uploaded.value });
    return { ok: true, mediaId: uploaded.value };
  }

  async #pace(phoneNumberId: string): Promise<void> {
    const { now } = this.#deps;
    for (;;) {
      const current = this.#buckets.get(phoneNumberId) ?? { tokens: THROUGHPUT_PER_SECOND, updatedAt: now() };
      const { bucket, waitMs } = takeToken(current, now(), THROUGHPUT_PER_SECOND, THROUGHPUT_PER_SECOND);
      this.#buckets.set(phoneNumberId, bucket);
      if (waitMs === 0) return;
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}
