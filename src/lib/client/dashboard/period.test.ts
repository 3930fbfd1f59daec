import { describe, expect, it } from 'vitest';
import { dayInputValue, periodRange } from './period';

const now = new Date(2026, 10, 25, 14, 30).getTime();
const local = (month: number, day: number) => new Date(2026, month, day).getTime();
const noCustom = { from: '', to: '' };

describe('periodRange', () => {
  it.each([
    ['today', local(10, 25), local(10, 26), 'hour'],
    ['7d', local(10, 19), local(10, 26), 'day'],
    ['30d', local(9, 27), local(10, 26), 'day'],
  ] as const)('turns %s into whole local days ending with today', (period, from, to, bucket) => {
    expect(periodRange(period, now, noCustom)).toEqual({ ok: true, from, to, bucket });
  });

  it('includes both days of a custom range', () => {
    expect(periodRange('custom', now, { from: '2026-11-01', to: '2026-11-03' })).toEqual({ ok: true, from: local(10, 1), to: local(10, 4), bucket: 'day' });
  });

  it('asks for weekly buckets over a long custom range', () => {
    const range = periodRange('custom', now, { from: '2026-01-01', to: '2026-06-30' });
    expect(range.ok && range.bucket).toBe('week');
  });

  it.each([
    [{ from: '2026-11-05', to: '2026-11-01' }, 'empty-range'],
    [{ from: '2026-02-30', to: '2026-03-01' }, 'invalid-date'],
    [{ from: '', to: '2026-03-01' }, 'invalid-date'],
    [{ from: '2024-01-01', to: '2026-03-01' }, 'range-too-long'],
  ])('refuses the custom range %j', (custom, reason) => {
    expect(periodRange('custom', now, custom)).toEqual({ ok: false, reason });
  });
});

describe('dayInputValue', () => {
  it('writes the local day with zero padding', () => {
    expect(dayInputValue(local(0, 5))).toBe('2026-01-05');
  });
});
