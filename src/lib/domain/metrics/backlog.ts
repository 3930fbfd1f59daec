import { openSpans, type ConversationTimeline } from './conversation-timeline';

/** The most buckets one chart may have (an hourly year is 8,784); the query schema's longest range stays under it. */
export const MAX_BACKLOG_BUCKETS = 10_000;

/** How many conversations were open at the end of one bucket, [`start`, `end`). */
export interface BacklogPoint {
  start: number;
  end: number;
  open: number;
}

// First index whose value is at least `value`.
function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Where a chart of [from, to) stops at `now`: a period that includes today ends at this instant, so no bucket
 * shows hours that have not happened yet (they would read as a backlog of zero). Used by the report and the
 * dashboard's SQL alike.
 */
export function plottedUntil(to: number, now: number): number {
  return Math.min(to, now);
}

/**
 * The backlog as a series of `bucketMs` buckets from `from` (the last one cut at `to`, or at `now` when that comes
 * first), each with the number of conversations open at its end instant (created at or before it, not yet
 * resolved), or none when the bucket size is not positive or there would be more than MAX_BACKLOG_BUCKETS.
 */
export function backlogOverTime(timelines: readonly ConversationTimeline[], from: number, until: number, bucketMs: number, now: number): BacklogPoint[] {
  const to = plottedUntil(until, now);
  if (!Number.isFinite(from) || !Number.isFinite(to) || !(bucketMs > 0) || to <= from) return [];
  const count = Math.ceil((to - from) / bucketMs);
  if (count > MAX_BACKLOG_BUCKETS) return [];
  const ends: number[] = [];
  for (let i = 0; i < count; i++) ends.push(Math.min(to, from + (i + 1) * bucketMs));
  // A difference array: each open span adds one to the run of bucket ends it covers, in O(log n) per span.
  const delta = new Array<number>(count + 1).fill(0);
  timelines.forEach((timeline) => {
    for (const span of openSpans(timeline)) {
      // A span covers the bucket ends e with from <= e < to: one resolved exactly at a bucket's end is no longer open there.
      const first = lowerBound(ends, span.from);
      const last = lowerBound(ends, span.to);
      if (first < last) {
        delta[first] = (delta[first] as number) + 1;
        delta[last] = (delta[last] as number) - 1;
      }
    }
  });
  const points: BacklogPoint[] = [];
  let open = 0;
  for (let i = 0; i < count; i++) {
    open += delta[i] as number;
    points.push({ start: from + i * bucketMs, end: ends[i] as number, open });
  }
  return points;
}
