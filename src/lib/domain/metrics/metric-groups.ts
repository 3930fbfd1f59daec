import type { ConversationTimeline, TimeRange } from './conversation-timeline';
import { summarizeConversations, type ConversationSummary, type SummaryOptions } from './conversation-summary';

/** One row of a grouped report; `key` is null for conversations without an agent or team. */
export interface MetricGroup {
  key: string | null;
  summary: ConversationSummary;
}

function summarizeBy(
  timelines: readonly ConversationTimeline[],
  range: TimeRange,
  options: SummaryOptions,
  keyOf: (timeline: ConversationTimeline) => string | null,
): MetricGroup[] {
  const groups = new Map<string | null, ConversationTimeline[]>();
  timelines.forEach((timeline) => {
    const key = keyOf(timeline) || null;
    const group = groups.get(key);
    if (group) group.push(timeline);
    else groups.set(key, [timeline]);
  });
  // Stable order for reports and CSV: keys ascending, the "none" group last.
  const keys = [...groups.keys()].sort((a, b) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1));
  return keys.map((key) => ({ key, summary: summarizeConversations(groups.get(key) ?? [], range, options) }));
}

/** The summary per current assignee (null: unassigned). */
export function byAgent(timelines: readonly ConversationTimeline[], range: TimeRange, options: SummaryOptions): MetricGroup[] {
  return summarizeBy(timelines, range, options, (timeline) => timeline.assigneeId);
}

/** The summary per team (null: no team). */
export function byTeam(timelines: readonly ConversationTimeline[], range: TimeRange, options: SummaryOptions): MetricGroup[] {
  return summarizeBy(timelines, range, options, (timeline) => timeline.teamId);
}

/** The summary per WhatsApp channel. */
export function byChannel(timelines: readonly ConversationTimeline[], range: TimeRange, options: SummaryOptions): MetricGroup[] {
  return summarizeBy(timelines, range, options, (timeline) => timeline.channelId);
}
