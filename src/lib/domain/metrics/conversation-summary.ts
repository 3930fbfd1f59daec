import { CSAT_RATINGS, isCsatRating, type CsatRating } from '../csat/csat-rating';
import type { BusinessSchedule } from '../hours/schedule';
import type { TimeZonePort } from '../hours/time-zone-port';
import { indexBusinessTime, type BusinessTimeMeter } from './business-time-index';
import { isWithin, type ConversationTimeline, type TimeRange } from './conversation-timeline';
import { addHandleTime, handleTimeRows, type AgentHandleTime, type HandleTimeTotals } from './handle-time';
import { spreadOf } from './percentile';

/** Business hours to also measure first response and handle time in; with either null the business-time figures are left out. */
export interface SummaryOptions {
  schedule: BusinessSchedule | null;
  port: TimeZonePort | null;
}

/** Wall-clock first response, plus business-time figures when a schedule was given. */
export interface FirstResponseSummary {
  medianMs: number | null;
  p90Ms: number | null;
  count: number;
  businessMedianMs?: number | null;
  businessP90Ms?: number | null;
}

/** Ratings given on conversations resolved in the range; `distribution` counts each score. */
export interface CsatSummary {
  average: number | null;
  count: number;
  distribution: Record<CsatRating, number>;
  /** Resolved conversations the customer acknowledged with a reaction (👍 ❤️ 🙏). */
  acknowledged: number;
}

/** The headline figures of a report; a figure without data is null, never 0 or NaN. */
export interface ConversationSummary {
  opened: number;
  resolved: number;
  botResolved: number;
  firstResponse: FirstResponseSummary;
  resolution: { medianMs: number | null; p90Ms: number | null };
  firstContactResolutionRate: number | null;
  averageDurationMs: number | null;
  repliesPerConversation: number | null;
  handleTime: AgentHandleTime[];
  csat: CsatSummary;
}

/** One meter for every business-time question of a report: the range, stretched to the latest first reply. */
function meterFor(timelines: readonly ConversationTimeline[], range: TimeRange, options: SummaryOptions): BusinessTimeMeter | null {
  if (options.schedule === null || options.port === null) return null;
  let latest = range.to;
  timelines.forEach((timeline) => {
    if (timeline.firstResponseAt !== null && timeline.firstResponseAt > latest) latest = timeline.firstResponseAt;
  });
  return indexBusinessTime(options.schedule, range.from, latest, options.port);
}

/**
 * Summarizes conversations for `range`, each figure over its own cohort of the conversations passed (pass every one
 * active in the range): opened and first response (from the customer's first message) over those created in it;
 * resolution (from creation), first-contact resolution, duration, agent replies and CSAT over those resolved in it;
 * handle time over agent replies sent in it.
 */
export function summarizeConversations(timelines: readonly ConversationTimeline[], range: TimeRange, options: SummaryOptions): ConversationSummary {
  const asked: number[] = [];
  const answered: number[] = [];
  const durations: number[] = [];
  const handleTotals: HandleTimeTotals = new Map();
  const distribution: Record<CsatRating, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  let opened = 0;
  let resolved = 0;
  let botResolved = 0;
  let firstContact = 0;
  let acknowledged = 0;
  let agentReplies = 0;

  const businessMs = meterFor(timelines, range, options);
  // forEach, not for…of: PocketBase's VM runs the iterator protocol several times slower, and this loop is the report.
  timelines.forEach((timeline) => {
    if (isWithin(range, timeline.createdAt)) {
      opened += 1;
      const { firstInboundAt, firstResponseAt } = timeline;
      // A desk that wrote first has no response time: its "response" came before the question.
      if (firstInboundAt !== null && firstResponseAt !== null && firstResponseAt >= firstInboundAt) {
        asked.push(firstInboundAt);
        answered.push(firstResponseAt);
      }
    }
    if (isWithin(range, timeline.resolvedAt)) {
      resolved += 1;
      if (timeline.resolvedBy === 'bot') botResolved += 1;
      if (timeline.reopenCount === 0 && timeline.handoverCount === 0) firstContact += 1;
      durations.push(Math.max(0, timeline.resolvedAt - timeline.createdAt));
      timeline.events.forEach((event) => {
        if (event.kind === 'out-agent') agentReplies += 1;
      });
      if (isCsatRating(timeline.csat)) distribution[timeline.csat] += 1;
      if (timeline.acknowledged === true) acknowledged += 1;
    }
    addHandleTime(timeline, range, handleTotals, businessMs);
  });

  const firstResponse: FirstResponseSummary = { ...spreadOf(answered.map((at, i) => at - (asked[i] as number))), count: answered.length };
  if (businessMs !== null) {
    const business = spreadOf(answered.map((at, i) => businessMs(asked[i] as number, at)));
    firstResponse.businessMedianMs = business.medianMs;
    firstResponse.businessP90Ms = business.p90Ms;
  }
  const rated = CSAT_RATINGS.reduce((sum, rating) => sum + distribution[rating], 0);
  const ratingSum = CSAT_RATINGS.reduce((sum, rating) => sum + rating * distribution[rating], 0);
  return {
    opened,
    resolved,
    botResolved,
    firstResponse,
    resolution: spreadOf(durations),
    firstContactResolutionRate: resolved > 0 ? firstContact / resolved : null,
    averageDurationMs: resolved > 0 ? durations.reduce((sum, ms) => sum + ms, 0) / resolved : null,
    repliesPerConversation: resolved > 0 ? agentReplies / resolved : null,
    handleTime: handleTimeRows(handleTotals, businessMs !== null),
    csat: { average: rated > 0 ? ratingSum / rated : null, count: rated, distribution, acknowledged },
  };
}
