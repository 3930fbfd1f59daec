// Expected complexity, a predictive signal of issue #20: how long the desk usually takes to resolve a conversation of
// the intent the model predicted. Learned at training time from the desk's resolved conversations; scored when a new
// conversation of a slow intent is routed.
import { medianOfSorted } from '../metrics/percentile';

/** One resolved conversation's intent and its resolution time (opened → resolved, as the metrics count it). */
export interface ResolvedDuration {
  intent: string;
  resolutionMs: number;
}

/** An intent's typical handle time. */
export interface IntentHandleTime {
  /** Median minutes from opening to resolution, rounded to a minute. */
  medianMinutes: number;
  /** How many resolved conversations it was measured on. */
  resolved: number;
}

/** A median of one or two conversations is an anecdote, not a pattern: fewer resolved conversations than this give none. */
export const MIN_RESOLVED_FOR_HANDLE_TIME = 3;

/** The median handle time of every intent with enough resolved conversations; intents without one are left out. */
export function handleTimesByIntent(durations: readonly ResolvedDuration[]): Record<string, IntentHandleTime> {
  const byIntent = new Map<string, number[]>();
  for (const { intent, resolutionMs } of durations) {
    if (!Number.isFinite(resolutionMs) || resolutionMs <= 0) continue;
    const list = byIntent.get(intent) ?? [];
    list.push(resolutionMs);
    byIntent.set(intent, list);
  }
  const times: Record<string, IntentHandleTime> = {};
  for (const [intent, list] of [...byIntent.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (list.length < MIN_RESOLVED_FOR_HANDLE_TIME) continue;
    const median = medianOfSorted(Float64Array.from(list).sort())!;
    times[intent] = { medianMinutes: Math.round(median / 60_000), resolved: list.length };
  }
  return times;
}

/** The predicted intent's handle time as routing weighs it. */
export interface ExpectedComplexity {
  intentName: string;
  medianMinutes: number;
}

/** The points a conversation of a slow intent adds: `points` once its median reaches `minMinutes` (0 turns it off). */
export function complexityPointsOf(expected: ExpectedComplexity | null | undefined, minMinutes: number, points: number): number {
  if (!expected || minMinutes <= 0 || points <= 0) return 0;
  return expected.medianMinutes >= minMinutes ? points : 0;
}
