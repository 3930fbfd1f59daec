import { describe, expect, it } from 'vitest';
import { MAX_BACKLOG_BUCKETS } from '../domain/metrics/backlog';
import { checkMetricsQuery, MAX_METRICS_RANGE_DAYS, METRIC_BUCKETS, parseInstant } from './metrics';

const DAY = 86_400_000;
const from = Date.UTC(2026, 5, 1);
const codes = (raw: unknown) => {
  const result = checkMetricsQuery(raw);
  return result.ok ? {} : Object.fromEntries(Object.entries(result.errors).map(([path, error]) => [path, error.code]));
};

describe('parseInstant', () => {
  it.each([
    ['epoch milliseconds', '1780272000000', 1780272000000],
    ['UTC with Z', '2026-06-15T09:00:00Z', Date.UTC(2026, 5, 15, 9)],
    ['an offset', '2026-06-15T09:00:00+02:00', Date.UTC(2026, 5, 15, 7)],
    ['a negative offset without a colon', '2026-06-15T09:00-0300', Date.UTC(2026, 5, 15, 12)],
    ['milliseconds', '2026-06-15T09:00:00.57Z', Date.UTC(2026, 5, 15, 9, 0, 0, 570)],
    ['PocketBase’s format', '2026-06-15 09:00:00.123Z', Date.UTC(2026, 5, 15, 9, 0, 0, 123)],
    ['no offset', '2026-06-15T09:00:00', null],
    ['a date alone', '2026-06-15', null],
    ['an impossible date', '2026-02-30T09:00:00Z', null],
    ['an impossible hour', '2026-06-15T24:00:00Z', null],
    ['words', 'yesterday', null],
  ])('reads %s', (_, text, expected) => {
    expect(parseInstant(text)).toBe(expected);
  });
});

describe('checkMetricsQuery', () => {
  it('fills defaults and reads a query string', () => {
    expect(checkMetricsQuery({ from: String(from), to: '2026-06-08T00:00:00Z', businessHours: 'false' })).toEqual({
      ok: true,
      query: { from, to: from + 7 * DAY, bucket: 'day', groupBy: 'none', businessHours: false, format: 'json' },
    });
  });

  it('lets the longest range be charted hour by hour', () => {
    expect(Math.ceil((MAX_METRICS_RANGE_DAYS * DAY) / METRIC_BUCKETS.hour)).toBeLessThanOrEqual(MAX_BACKLOG_BUCKETS);
    expect(codes({ from, to: from + MAX_METRICS_RANGE_DAYS * DAY, bucket: 'hour' })).toEqual({});
  });

  it.each([
    ['nothing', {}, { from: 'required', to: 'required' }],
    ['an unreadable instant', { from: 'soon', to: from }, { from: 'invalid-instant' }],
    ['an end before the start', { from, to: from - 1 }, { to: 'empty-range' }],
    ['a range that is too long', { from, to: from + (MAX_METRICS_RANGE_DAYS + 1) * DAY }, { to: 'range-too-long' }],
    ['an unknown grouping', { from, to: from + DAY, groupBy: 'label' }, { groupBy: 'invalid-value' }],
  ])('refuses %s', (_, raw, expected) => {
    expect(codes(raw)).toEqual(expected);
  });
});
