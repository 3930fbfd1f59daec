import { describe, expect, it } from 'vitest';
import { describeChannelHealth, HISTORY_DECLINED, readHistorySync, recordHistoryChunk, recordHistoryError, type HealthCounts } from './channel-health';

const counts = (over: Partial<HealthCounts> = {}): HealthCounts => ({ imported: 0, failedSends: [], lastWebhookAt: '', lastSentAt: '', ...over });
const view = (health: unknown, over: Partial<Parameters<typeof describeChannelHealth>[0]> = {}) =>
  describeChannelHealth({ health, counts: counts(), tokenSet: true, check: null, ...over });

describe('history import', () => {
  it('counts chunks per phase, keeps progress from going back when chunks arrive out of order, and finishes at 100 %', () => {
    let history = recordHistoryChunk(null, { phase: 0, chunk: 1, progress: 40 }, '2026-01-01 10:00:00.000Z');
    history = recordHistoryChunk(history, { phase: 1, chunk: 1, progress: 100 }, '2026-01-01 10:05:00.000Z');
    history = recordHistoryChunk(history, { phase: 0, chunk: 2, progress: 55 }, '2026-01-01 10:06:00.000Z');
    // The same chunk again (a new delivery of it) is not a new part.
    history = recordHistoryChunk(history, { phase: 0, chunk: 2, progress: 55 }, '2026-01-01 10:07:00.000Z');
    expect(history).toMatchObject({ startedAt: '2026-01-01 10:00:00.000Z', finishedAt: '2026-01-01 10:05:00.000Z', progress: 100 });
    expect(history.phases.map((p) => [p.phase, p.chunks])).toEqual([
      [0, 2],
      [1, 1],
    ]);
    expect(view({ history }).history.state).toBe('finished');
  });

  it('reads what an older version stored', () => {
    expect(readHistorySync({ phase: 0, chunk: 2, progress: 55, at: 'x' })).toMatchObject({
      startedAt: 'x',
      finishedAt: '',
      phases: [{ phase: 0, chunks: 1, orders: [2] }],
    });
  });

  it.each([
    [undefined, 'none'],
    [{ history: recordHistoryChunk(null, { phase: 0, chunk: 1, progress: 10 }, 'a') }, 'running'],
    [{ history: recordHistoryError(null, { code: HISTORY_DECLINED, title: 'off', details: '', at: 'a' }) }, 'declined'],
  ])('says %j is %s', (health, state) => {
    expect(view(health).history.state).toBe(state);
  });
});

describe('token state', () => {
  it.each<[string, Partial<Parameters<typeof describeChannelHealth>[0]>, string]>([
    ['no token', { tokenSet: false }, 'missing'],
    ['nothing tried yet', {}, 'unchecked'],
    ['a good check', { check: { reason: 'connected', at: '2026-01-01 10:00:00Z' } }, 'working'],
    [
      'a send refused after a good check',
      {
        check: { reason: 'connected', at: '2026-01-01 10:00:00Z' },
        counts: counts({ failedSends: [{ code: 190, reason: 'token-invalid', title: 'expired', at: '2026-01-01 11:00:00Z' }] }),
      },
      'rejected',
    ],
    [
      'a send accepted after a refused one',
      { counts: counts({ failedSends: [{ code: 190, reason: 'token-invalid', title: '', at: '2026-01-01 11:00:00Z' }], lastSentAt: '2026-01-01 12:00:00Z' }) },
      'working',
    ],
  ])('%s → %s', (_, input, state) => {
    expect(view(null, input).token).toBe(state);
  });
});
