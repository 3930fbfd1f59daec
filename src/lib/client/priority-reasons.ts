// What "Why is this mine?" says about each signal that raised a conversation's priority. The routing log stores the
// server's own detail ("2", "45 min", "Card delivery: 360 min", "12 min left"); this turns it into what the sentence
// needs, so the words stay the device's language and never show the server's English.

export interface StoredPriorityReason {
  code: string;
  points: number;
  detail: string;
}

export interface PriorityReasonWords {
  levels: Record<string, string>;
  reason: Partial<Record<string, (detail: string, points: number) => string>>;
  other: (points: number) => string;
}

const COUNTED = new Set(['escalated', 'handovers', 'low-rating', 'reopens']);
const IN_MINUTES = new Set(['slow-resolution', 'long-intent', 'window-closing']);
const AS_FOUND = new Set(['urgency-words', 'angry-emoji']);

/** The value a reason's sentence is built around, or null when the stored detail is not one this device can read. */
export function priorityReasonValue(reason: StoredPriorityReason, levels: Record<string, string>): string | null {
  if (reason.code === 'level') return levels[reason.detail] ?? null;
  if (COUNTED.has(reason.code)) return /^\d+$/.test(reason.detail) ? reason.detail : null;
  if (IN_MINUTES.has(reason.code)) {
    const minutes = /(\d+) min/.exec(reason.detail.slice(reason.detail.lastIndexOf(':') + 1));
    return minutes ? minutes[1] : null;
  }
  if (AS_FOUND.has(reason.code)) return reason.detail || null;
  return '';
}

/** One sentence per reason, in the device's language; a reason this version does not know still says its points. */
export function describePriorityReason(reason: StoredPriorityReason, words: PriorityReasonWords): string {
  const sentence = words.reason[reason.code];
  const value = priorityReasonValue(reason, words.levels);
  return sentence && value !== null ? sentence(value, reason.points) : words.other(reason.points);
}
