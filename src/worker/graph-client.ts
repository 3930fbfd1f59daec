import type { SendAttempt } from '../lib/domain/delivery/send-outcome';
import {
  graphErrorResponseSchema,
  mediaInfoResponseSchema,
  mediaUploadResponseSchema,
  sendMessageResponseSchema,
  type MediaInfoResponse,
  type SendMessageRequest,
} from '../lib/schemas/graph';

export type GraphCall<T> = { ok: true; value: T } | { ok: false; attempt: Exclude<SendAttempt, { kind: 'accepted' }>; status: number };

/** Meta's Graph API (or the local simulator, chosen by base URL only): the calls the worker makes. */
export class GraphClient {
  readonly #baseUrl: string;
  readonly #version: string;

  constructor(baseUrl: string, version: string) {
    this.#baseUrl = baseUrl.replace(/\/$/, '');
    this.#version = version;
  }

  async #call<T>(url: string, token: string, init: RequestInit, parse: (body: unknown) => T | null): Promise<GraphCall<T>> {
    let response: Response;
    try {
      response = await fetch(url, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers }, signal: AbortSignal.timeout(30_000) });
    } catch (error) {
      return { ok: false, status: 0, attempt: { kind: 'network-error', detail: (error as Error).message } };
    }
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) {
      const value = parse(body);
      if (value !== null) return { ok: true, value };
    }
    const graphError = graphErrorResponseSchema.safeParse(body);
    if (graphError.success)
      return { ok: false, status: response.status, attempt: { kind: 'graph-error', code: graphError.data.error.code, title: graphError.data.error.message } };
    return { ok: false, status: response.status, attempt: { kind: 'network-error', detail: `HTTP ${response.status} without a Graph error body` } };
  }

  /** POST /{version}/{phone-number-id}/messages */
  async send(phoneNumberId: string, token: string, request: SendMessageRequest): Promise<SendAttempt> {
    const result = await this.#call(
      `${this.#baseUrl}/${this.#version}/${phoneNumberId}/messages`,
      token,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) },
      (body) => {
        const parsed = sendMessageResponseSchema.safeParse(body);
        return parsed.success ? parsed.data.messages[0].id : null;
      },
    );
    return result.ok ? { kind: 'accepted', wamid: result.value } : result.attempt;
  }

  /** Marks an inbound message (and those before it) read on the customer's phone. */
  async markRead(phoneNumberId: string, token: string, wamid: string): Promise<boolean> {
    const result = await this.#call(
      `${this.#baseUrl}/${this.#version}/${phoneNumberId}/messages`,
      token,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ messaging_product: 'whatsapp', status: 'read', message_id: wamid }),
      },
      () => true,
    );
    return result.ok;
  }

  /** GET /{version}/{media-id}: a short-lived download URL (5 minutes). */
  mediaInfo(mediaId: string, phoneNumberId: string, token: string): Promise<GraphCall<MediaInfoResponse>> {
    return this.#call(`${this.#baseUrl}/${this.#version}/${mediaId}?phone_number_id=${encodeURIComponent(phoneNumberId)}`, token, { method: 'GET' }, (body) => {
      const parsed = mediaInfoResponseSchema.safeParse(body);
      return parsed.success ? parsed.data : null;
    });
  }

  /** Downloads media bytes; the URL needs the same bearer token. */
  async download(url: string, token: string): Promise<{ ok: true; bytes: Buffer } | { ok: false; status: number }> {
    try {
      const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(120_000) });
      if (!response.ok) return { ok: false, status: response.status };
      return { ok: true, bytes: Buffer.from(await response.arrayBuffer()) };
    } catch {
      return { ok: false, status: 0 };
    }
  }

  /** POST /{version}/{phone-number-id}/media: uploads an outbound file and returns its media id. */
  upload(phoneNumberId: string, token: string, bytes: Buffer, mime: string, filename: string): Promise<GraphCall<string>> {
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set('type', mime);
    form.set('file', new Blob([bytes], { type: mime }), filename);
    return this.#call(`${this.#baseUrl}/${this.#version}/${phoneNumberId}/media`, token, { method: 'POST', body: form }, (body) => {
      const parsed = mediaUploadResponseSchema.safeParse(body);
      return parsed.success ? parsed.data.id : null;
    });
  }
}
