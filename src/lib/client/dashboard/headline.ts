// The dashboard's headline figures from a report and the lists beside it: what each figure is, in what unit.
import type { ConversationSummary } from '../../domain/metrics/conversation-summary';
import type { ReviewScoreRow } from '../../schemas/metrics-report';

export const FIGURE_KEYS = [
  'opened',
  'resolved',
  'botResolved',
  'frtMedian',
  'frtP90',
  'frtBusinessMedian',
  'frtBusinessP90',
  'resolutionMedian',
  'resolutionP90',
  'firstContactResolution',
  'handleTime',
  'repliesPerConversation',
  'csat',
  'acknowledged',
  'slaBreaches',
  'qaScore',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

/** count: whole number; duration: ms; rate: 0–1; decimal: a plain average; rating: of 5; percent: 0–100. */
export type FigureUnit = 'count' | 'duration' | 'rate' | 'decimal' | 'rating' | 'percent';

/** One figure; null when there is nothing to measure (no resolved conversation, no rating...). */
export interface Figure {
  key: FigureKey;
  unit: FigureUnit;
  value: number | null;
  /** Still on its way: the figure needs the full report, which loads after the SQL figures are on screen. */
  pending?: boolean;
}

/** Figures only the full report has (they need every message's timeline); the SQL overview has the rest. */
export const TIMELINE_FIGURES: ReadonlySet<FigureKey> = new Set(['frtBusinessMedian', 'frtBusinessP90', 'handleTime']);

const mean = (values: readonly number[]): number | null => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null);

/** Average handle time per answering reply over every agent's replies. */
export function averageHandleTime(summary: ConversationSummary): number | null {
  const replies = summary.handleTime.reduce((sum, row) => sum + row.replies, 0);
  return replies ? summary.handleTime.reduce((sum, row) => sum + row.totalMs, 0) / replies : null;
}

/** Every headline figure, in FIGURE_KEYS order; with `timelinesPending` the timeline figures are marked pending. */
export function headlineFigures(summary: ConversationSummary, slaBreaches: number, reviews: readonly ReviewScoreRow[], timelinesPending = false): Figure[] {
  const { firstResponse, resolution } = summary;
  const values: Record<FigureKey, [FigureUnit, number | null]> = {
    opened: ['count', summary.opened],
    resolved: ['count', summary.resolved],
    botResolved: ['count', summary.botResolved],
    frtMedian: ['duration', firstResponse.medianMs],
    frtP90: ['duration', firstResponse.p90Ms],
    // Absent (not null) when the report had no single channel's hours to measure against.
    frtBusinessMedian: ['duration', firstResponse.businessMedianMs ?? null],
    frtBusinessP90: ['duration', firstResponse.businessP90Ms ?? null],
    resolutionMedian: ['duration', resolution.medianMs],
    resolutionP90: ['duration', resolution.p90Ms],
    firstContactResolution: ['rate', summary.firstContactResolutionRate],
    handleTime: ['duration', averageHandleTime(summary)],
    repliesPerConversation: ['decimal', summary.repliesPerConversation],
    csat: ['rating', summary.csat.average],
    acknowledged: ['count', summary.csat.acknowledged],
    slaBreaches: ['count', slaBreaches],
    qaScore: ['percent', mean(reviews.map((review) => review.percent))],
  };
  return FIGURE_KEYS.map((key) =>
    timelinesPending && TIMELINE_FIGURES.has(key)
      ? { key, unit: values[key][0], value: null, pending: true }
      : { key, unit: values[key][0], value: values[key][1] },
  );
}
