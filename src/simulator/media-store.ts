import { createHash } from 'node:crypto';
import type { Clock } from './clock';
import type { IdFactory } from './message-ids';
import type { RandomSource } from './random-source';

export interface StoredMedia {
  id: string;
  phoneNumberId: string;
  mimeType: string;
  bytes: Buffer;
  sha256Hex: string;
  sha256Base64: string;
  filename?: string;
  /** Business uploads live 30 days; media received from customers 7 days. */
  origin: 'upload' | 'inbound';
  createdAt: number;
}

export interface NewMedia {
  phoneNumberId: string;
  mimeType: string;
  bytes: Buffer;
  filename?: string;
  origin: StoredMedia['origin'];
}

const DAY_MS = 24 * 60 * 60 * 1000;
const ID_LIFETIME_MS = { upload: 30 * DAY_MS, inbound: 7 * DAY_MS } as const;
const URL_LIFETIME_MS = 5 * 60 * 1000;
// A compressed lifetime must still leave a real backend time to fetch the URL it was just given.
const MIN_REAL_URL_LIFETIME_MS = 2_000;

/** How long a download URL stays valid, in clock time: 5 minutes, scaled, never under 2 s. */
export function mediaUrlLifetimeMs(timeScale: number): number {
  return Math.max(URL_LIFETIME_MS * timeScale, MIN_REAL_URL_LIFETIME_MS);
}

/** Media bytes with Meta's lifetimes: ids expire in days, download URLs in minutes. */
export class MediaStore {
  readonly #media = new Map<string, StoredMedia>();
  readonly #urls = new Map<string, { mediaId: string; expiresAt: number }>();
  readonly #clock: Clock;
  readonly #ids: IdFactory;
  readonly #random: RandomSource;

  constructor(clock: Clock, ids: IdFactory, random: RandomSource) {
    this.#clock = clock;
    this.#ids = ids;
    this.#random = random;
  }

  add(media: NewMedia): StoredMedia {
    let id = this.#ids.mediaId();
    while (this.#media.has(id)) id = this.#ids.mediaId();
    const digest = createHash('sha256').update(media.bytes).digest();
    const stored: StoredMedia = {
      ...media,
      id,
      sha256Hex: digest.toString('hex'),
      sha256Base64: digest.toString('base64'),
      createdAt: this.#clock.now(),
    };
    this.#media.set(id, stored);
    return stored;
  }

  /** The media if its id is still valid. */
  get(id: string): StoredMedia | undefined {
    const media = this.#media.get(id);
    if (!media) return undefined;
    return this.#clock.now() - media.createdAt < ID_LIFETIME_MS[media.origin] ? media : undefined;
  }

  delete(id: string): boolean {
    return this.#media.delete(id);
  }

  /** A fresh short-lived download URL under `baseUrl`. */
  issueUrl(id: string, baseUrl: string): string {
    const token = this.#random.hex(32);
    this.#urls.set(token, { mediaId: id, expiresAt: this.#clock.now() + mediaUrlLifetimeMs(this.#clock.timeScale) });
    return `${baseUrl}/_sim/media/${encodeURIComponent(id)}?token=${token}`;
  }

  /** The media behind a download URL, or undefined when the URL is unknown, expired or the media is gone. */
  resolveUrl(id: string, token: string): StoredMedia | undefined {
    const url = this.#urls.get(token);
    if (!url || url.mediaId !== id) return undefined;
    if (this.#clock.now() >= url.expiresAt) {
      this.#urls.delete(token);
      return undefined;
    }
    return this.get(id);
  }

  /** Makes every issued URL expired, so tests can exercise re-resolution without moving the clock. */
  expireUrls(): void {
    this.#urls.clear();
  }

  list(): Omit<StoredMedia, 'bytes'>[] {
    return [...this.#media.values()].map(({ bytes: _bytes, ...meta }) => meta);
  }

  clear(): void {
    this.#media.clear();
    this.#urls.clear();
  }
}
