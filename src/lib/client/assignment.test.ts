import { describe, expect, it } from 'vitest';
import { assignmentRefusal, requestAssignment, type SendApi } from './assignment';

function fakeApi(answer: (path: string, options: Record<string, unknown>) => unknown): SendApi & { calls: [string, Record<string, unknown>][] } {
  const calls: [string, Record<string, unknown>][] = [];
  return {
    calls,
    async send(path, options) {
      calls.push([path, options]);
      return answer(path, options);
    },
  };
}

const refusal = (status: number, reason?: string) => Object.assign(new Error('refused'), { status, response: reason ? { status, reason, message: 'x' } : {} });

describe('requestAssignment', () => {
  it('posts the action with only the fields it was given, trimming the note', async () => {
    const api = fakeApi(() => ({ ok: true }));
    expect(await requestAssignment(api, 'conv 1', { action: 'escalate', teamId: 'team1', note: '  needs a manager  ' })).toEqual({ ok: true });
    expect(api.calls).toEqual([
      [
        '/api/pocketdesk/conversations/conv%201/assign',
        { method: 'POST', body: { action: 'escalate', teamId: 'team1', note: 'needs a manager' }, requestKey: null },
      ],
    ]);
  });

  it('leaves out a blank note', async () => {
    const api = fakeApi(() => ({ ok: true }));
    await requestAssignment(api, 'c1', { action: 'claim', note: '   ' });
    expect(api.calls[0]?.[1].body).toEqual({ action: 'claim' });
  });

  it('returns the server’s reason when it refuses', async () => {
    const api = fakeApi(() => {
      throw refusal(409, 'already-assigned');
    });
    expect(await requestAssignment(api, 'c1', { action: 'claim' })).toEqual({ ok: false, reason: 'already-assigned' });
  });
});

describe('assignmentRefusal', () => {
  it.each([
    [refusal(409, 'at-capacity'), 'at-capacity'],
    [refusal(403, 'not-your-team'), 'not-your-team'],
    [refusal(0), 'no-connection'],
    [refusal(401), 'signed-out'],
    [refusal(403), 'forbidden'],
    [refusal(404), 'not-found'],
    [refusal(502), 'server-error'],
    [refusal(400), 'invalid'],
    [null, 'no-connection'],
  ])('reads %o as %s', (error, reason) => {
    expect(assignmentRefusal(error)).toBe(reason);
  });
});
