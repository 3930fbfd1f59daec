import { describe, expect, it } from 'vitest';
import type { OutboxItem } from './db';
import { pocketBaseTransport, refusalReason, type RecordApi } from './pb-transport';

const item: OutboxItem = {
  seq: 1,
  collection: 'messages',
  op: 'create',
  record_id: 'abc123def456ghi',
  conversation: 'conv00000000001',
  data: { conversation: 'conv00000000001', text: 'hi' },
  created_at: 0,
  state: 'pending',
  reason: '',
};

function httpError(status: number, response: Record<string, unknown> = {}) {
  return Object.assign(new Error('request failed'), { status, response });
}

/** A fake server whose create fails with `error`; `stored` is what a later read finds. */
function failingServer(error: unknown, stored: unknown = null): RecordApi {
  return {
    collection: () => ({
      create: async () => Promise.reject(error),
      update: async () => Promise.reject(error),
      getOne: async () => (stored ? stored : Promise.reject(httpError(404))),
    }),
  };
}

describe('pocketBaseTransport', () => {
  it('counts a retried create whose id already exists as sent, with the stored record', async () => {
    const stored = { id: item.record_id, status: 'sent' };
    const server = failingServer(httpError(400, { data: { id: { code: 'validation_not_unique' } } }), stored);
    expect(await pocketBaseTransport(server).send(item)).toEqual({ kind: 'sent', record: stored });
  });

  it('keeps the server reason when the 24 h window has closed', async () => {
    const error = httpError(400, { status: 400, message: 'closed', reason: 'window-closed', data: { type: { code: 'window-closed' } } });
    expect(await pocketBaseTransport(failingServer(error)).send(item)).toEqual({ kind: 'refused', reason: 'window-closed' });
  });

  it('counts a refused retry as sent when the record turns out to be there', async () => {
    const error = httpError(400, { reason: 'window-closed' });
    const outcome = await pocketBaseTransport(failingServer(error, { id: item.record_id })).send(item);
    expect(outcome.kind).toBe('sent');
  });

  it.each([
    ['no answer (offline)', 0],
    ['an expired session', 401],
    ['rate limiting', 429],
    ['a server error', 503],
  ])('retries later after %s', async (_, status) => {
    expect(await pocketBaseTransport(failingServer(httpError(status))).send(item)).toEqual({ kind: 'retry-later' });
  });

  it('sends the client-chosen id with a create', async () => {
    let sent: Record<string, unknown> = {};
    const server: RecordApi = {
      collection: () => ({
        create: async (data) => ((sent = data), { ...data }),
        update: async () => ({}),
        getOne: async () => ({}),
      }),
    };
    await pocketBaseTransport(server).send(item);
    expect(sent).toMatchObject({ id: item.record_id, text: 'hi' });
  });
});

describe('refusalReason', () => {
  it.each([
    [403, {}, 'forbidden'],
    [404, {}, 'forbidden'],
    [400, { data: { type: { code: 'window-closed' } } }, 'window-closed'],
    [400, { data: { text: { code: 'validation_required' } } }, 'invalid'],
  ])('reads status %i %j as %s', (status, response, reason) => {
    expect(refusalReason(httpError(status, response))).toBe(reason);
  });
});
