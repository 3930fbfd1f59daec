import { isWithin, type ConversationTimeline, type TimeRange } from './conversation-timeline';

// First-response times as histogram bins. Fixed edges that match how a desk talks about speed ("under five
// minutes", "within the hour") rather than equal widths, which would put nearly everything in the first bin.

const MINUTE_MS = 60_000;

/** Bin edges in minutes; the last bin is open-ended. */
export const FRT_EDGES_MIN = [0, 1, 5, 15, 30, 60, 240] as const;

/** One bin, [fromMin, toMin) minutes; `toMin` null for the open-ended last bin. */
export interface HistogramBin {
  fromMin: number;
  toMin: number | null;
  count: number;
}

/** Counts each duration (ms) into the bins; negative and non-finite values are dropped. */
export function frtHistogram(durationsMs: readonly number[]): HistogramBin[] {
  const bins: HistogramBin[] = FRT_EDGES_MIN.map((fromMin, i) => ({ fromMin, toMin: FRT_EDGES_MIN[i + 1] ?? null, count: 0 }));
  for (const duration of durationsMs) {
    if (!Number.isFinite(duration) || duration < 0) continue;
    const minutes = duration / MINUTE_MS;
    let index = bins.length - 1;
    while (index > 0 && minutes < (bins[index] as HistogramBin).fromMin) index--;
    (bins[index] as HistogramBin).count++;
  }
  return bins;
}

/**
 * First-response times (ms) of the conversations created in `range`, the same cohort as the summary's median:
 * from the customer's first message to the first reply, skipping conversations the desk opened.
 */
export function firstResponseDurations(timelines: readonly ConversationTimeline[], range: TimeRange): number[] {
  const durations: number[] = [];
  timelines.forEach((timeline) => {
    const { firstInboundAt, firstResponseAt } = timeline;
    if (isWithin(range, timeline.createdAt) && firstInboundAt !== null && firstResponseAt !== null && firstResponseAt >= firstInboundAt)
      durations.push(firstResponseAt - firstInboundAt);
  });
  return durations;
}

/** The histogram of the whole scope and of each key `keyOf` gives (agent, team...), in one pass over the timelines. */
export function firstResponseHistograms(
  timelines: readonly ConversationTimeline[],
  range: TimeRange,
  keyOf: ((timeline: ConversationTimeline) => string | null) | null,
): { all: HistogramBin[]; groups: Array<{ key: string | null; bins: HistogramBin[] }> } {
  const byKey = new Map<string | null, ConversationTimeline[]>();
  if (keyOf) {
    timelines.forEach((timeline) => {
      const key = keyOf(timeline) || null;
      const list = byKey.get(key);
      if (list) list.push(timeline);
      else byKey.set(key, [timeline]);
    });
  }
  return {
    all: frtHistogram(firstResponseDurations(timelines, range)),
    groups: [...byKey.entries()].map(([key, list]) => ({ key, bins: frtHistogram(firstResponseDurations(list, range)) })),
  };
}
