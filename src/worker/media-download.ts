import type PocketBase from 'pocketbase';
import { nextAttemptDelay } from '../lib/domain/delivery/graph-error-policy';
import { mediaSizeLimit } from '../lib/domain/inbound/media-limits';
import type { ChannelTokens } from './channel-tokens';
import type { GraphClient } from './graph-client';

interface ClaimedMedia {
  id: string;
  type: string;
  mediaId: string;
  mime: string;
  filename: string;
  attempts: number;
  phoneNumberId: string;
  sealedToken: string | null;
}

export interface MediaDeps {
  pb: PocketBase;
  graph: GraphClient;
  workerId: string;
  tokens: ChannelTokens;
  now?: () => number;
  random?: () => number;
}

const MAX_MEDIA_ATTEMPTS = 8;

const extensionByMime: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'audio/ogg': 'ogg',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/aac': 'aac',
  'audio/amr': 'amr',
  'video/mp4': 'mp4',
  'video/3gpp': '3gp',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
};

function fileNameFor(item: ClaimedMedia): string {
  if (item.filename) return item.filename;
  return `${item.type}-${item.mediaId}.${extensionByMime[item.mime.split(';')[0].trim()] ?? 'bin'}`;
}

/** Resolves inbound media id → URL → bytes and stores the file on the message record. */
export class MediaDownload {
  readonly #deps: Required<MediaDeps>;

  constructor(deps: MediaDeps) {
    this.#deps = { now: Date.now, random: Math.random, ...deps };
  }

  async runOnce(): Promise<number> {
    const { pb, workerId } = this.#deps;
    const { items } = await pb.send<{ items: ClaimedMedia[] }>('/api/pocketdesk/worker/claim-media', { method: 'POST', body: { limit: 5, worker: workerId } });
    for (const item of items) await this.#fetchOne(item);
    return items.length;
  }

  async #bytesOf(item: ClaimedMedia, token: string): Promise<Buffer | 'too-large' | null> {
    const { graph } = this.#deps;
    // The URL lives 5 minutes: a 404 means it expired between the two calls, so resolve it once more.
    for (let resolve = 0; resolve < 2; resolve++) {
      const info = await graph.mediaInfo(item.mediaId, item.phoneNumberId, token);
      if (!info.ok) return null;
      if (info.value.file_size && info.value.file_size > mediaSizeLimit(item.type)) return 'too-large';
      const download = await graph.download(info.value.url, token);
      if (download.ok) return download.bytes.length > mediaSizeLimit(item.type) ? 'too-large' : download.bytes;
      if (download.status !== 404) return null;
    }
    return null;
  }

  async #fetchOne(item: ClaimedMedia): Promise<void> {
    const { pb, now, random } = this.#deps;
    const bytes = await this.#bytesOf(item, this.#deps.tokens.forChannel(item.phoneNumberId, item.sealedToken));
    const messages = pb.collection('messages');
    if (bytes === 'too-large') {
      await messages.update(item.id, { media_status: 'too_large', claimed_until: '' });
      return;
    }
    if (!bytes) {
      const attempts = item.attempts + 1;
      const giveUp = attempts >= MAX_MEDIA_ATTEMPTS;
      await messages.update(item.id, {
        media_status: giveUp ? 'failed' : 'pending',
        attempts,
        next_attempt_at: giveUp ? '' : new Date(now() + nextAttemptDelay(attempts, random(), undefined, 5_000)).toISOString(),
        claimed_until: '',
      });
      return;
    }
    const form = new FormData();
    form.set('media', new Blob([bytes], { type: item.mime }), fileNameFor(item));
    form.set('media_status', 'stored');
    form.set('media_size', String(bytes.length));
    form.set('claimed_until', '');
    await messages.update(item.id, form);
  }
}
