// Hands outbox items to PocketBase and reads its answers as sent / refused / retry later.
import type { OutboxItem } from './db';
import type { OutboxTransport, SendOutcome } from './outbox';

/** The slice of the PocketBase SDK the transport uses (lets tests stand in a fake server). */
export interface RecordApi {
  collection(name: string): {
    create(data: Record<string, unknown>, options?: Record<string, unknown>): Promise<unknown>;
    update(id: string, data: Record<string, unknown>, options?: Record<string, unknown>): Promise<unknown>;
    getOne(id: string, options?: Record<string, unknown>): Promise<unknown>;
  };
}

interface ErrorLike {
  status: number;
  response: { reason?: unknown; data?: Record<string, { code?: unknown } | undefined> };
}

function asError(error: unknown): ErrorLike {
  const e = error as Partial<ErrorLike> | null;
  return { status: typeof e?.status === 'number' ? e.status : 0, response: (e?.response as ErrorLike['response']) ?? {} };
}

/** True when a create failed because a record with this id already exists: an earlier attempt got through. */
export function isAlreadyCreated(error: unknown): boolean {
  const { status, response } = asError(error);
  return status === 400 && response.data?.id?.code === 'validation_not_unique';
}

/** The stable reason code of a refusal, or null when the failure is worth retrying later. */
export function refusalReason(error: unknown): string | null {
  const { status, response } = asError(error);
  // 0: no answer (offline, aborted); 401: the session needs renewing; 408/429/5xx: the server's trouble, not ours.
  if (status === 0 || status === 401 || status === 408 || status === 429 || status >= 500) return null;
  if (status === 403 || status === 404) return 'forbidden';
  if (typeof response.reason === 'string' && response.reason) return response.reason;
  const code = response.data?.type?.code;
  if (typeof code === 'string' && code) return code;
  return 'invalid';
}

const EXPAND = { conversations: 'contact' } as Record<string, string>;

export function pocketBaseTransport(api: RecordApi): OutboxTransport {
  const options = (item: OutboxItem) => ({ requestKey: null, ...(EXPAND[item.collection] ? { expand: EXPAND[item.collection] } : {}) });

  async function existing(item: OutboxItem): Promise<unknown | null> {
    try {
      return await api.collection(item.collection).getOne(item.record_id, options(item));
    } catch {
      return null;
    }
  }

  return {
    async send(item): Promise<SendOutcome> {
      const records = api.collection(item.collection);
      try {
        const record =
          item.op === 'create'
            ? await records.create({ ...item.data, id: item.record_id }, options(item))
            : await records.update(item.record_id, item.data, options(item));
        return { kind: 'sent', record };
      } catch (error) {
        if (item.op === 'create' && isAlreadyCreated(error)) return { kind: 'sent', record: await existing(item) };
        const reason = refusalReason(error);
        if (reason === null) return { kind: 'retry-later' };
        // A retry of a create that already got through can be refused for other reasons first (the window
        // may have closed since): if the record is there, it was sent.
        if (item.op === 'create') {
          const record = await existing(item);
          if (record) return { kind: 'sent', record };
        }
        return { kind: 'refused', reason };
      }
    },
  };
}
