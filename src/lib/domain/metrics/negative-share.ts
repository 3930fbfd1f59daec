import { plottedUntil } from './backlog';
import type { CsvColumn } from './csv';
import { isoInstant } from './report-columns';

// The dashboard's "negative conversations over time" (issue #20): in each bucket, of the conversations whose
// customer wrote in it, how many wrote at least one message that reads as negative.

/** The most buckets the chart has; the SQL answers one row per bucket that had customer messages. */
export const MAX_SHARE_BUCKETS = 400;

export interface NegativeSharePoint {
  start: number;
  end: number;
  /** Conversations with a customer message in the bucket. */
  conversations: number;
  /** Of those, conversations with a negative customer message in the bucket. */
  negative: number;
}

/** Bucket counts keyed by bucket index from `from`. */
export type ShareCounts = ReadonlyMap<number, { conversations: number; negative: number }>;

/** The series over [from, until) in `bucketMs` buckets, never past `now`; buckets without messages count zero. */
export function negativeShareSeries(counts: ShareCounts, from: number, until: number, bucketMs: number, now: number): NegativeSharePoint[] {
  const to = plottedUntil(until, now);
  if (!Number.isFinite(from) || !(bucketMs > 0) || !(to > from)) return [];
  const buckets = Math.min(MAX_SHARE_BUCKETS, Math.ceil((to - from) / bucketMs));
  return Array.from({ length: buckets }, (_, i) => {
    const count = counts.get(i);
    return {
      start: from + i * bucketMs,
      end: Math.min(to, from + (i + 1) * bucketMs),
      conversations: count?.conversations ?? 0,
      negative: count?.negative ?? 0,
    };
  });
}

/** The negative share of a point, 0–1; 0 when nobody wrote. */
export function shareOf(point: Pick<NegativeSharePoint, 'conversations' | 'negative'>): number {
  return point.conversations > 0 ? point.negative / point.conversations : 0;
}

/** CSV columns for the series, instants in UTC. */
export const NEGATIVE_SHARE_COLUMNS: ReadonlyArray<CsvColumn<NegativeSharePoint>> = [
  { header: 'bucket_start', value: (point) => isoInstant(point.start) },
  { header: 'bucket_end', value: (point) => isoInstant(point.end) },
  { header: 'conversations', value: (point) => point.conversations },
  { header: 'negative', value: (point) => point.negative },
];
