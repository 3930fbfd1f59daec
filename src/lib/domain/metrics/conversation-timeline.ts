/** What happened in a conversation, as the server reads it from the messages and routing events. */
export type TimelineEventKind = 'in' | 'out-agent' | 'out-bot' | 'assigned' | 'resolved' | 'reopened';

/** One event at an epoch-ms instant; `agentId` names the replying or newly assigned agent. */
export interface TimelineEvent {
  at: number;
  kind: TimelineEventKind;
  agentId?: string | null;
}

/** Who closed a conversation, as `conversations.resolved_by` stores it. */
export type ResolvedBy = 'agent' | 'bot' | 'system';

/**
 * The compact per-conversation record the metrics, SLA and reports read; instants are epoch ms and `resolvedAt` is
 * null while the conversation is open (a reopen clears it, as `conversations.resolved_at` does).
 */
export interface ConversationTimeline {
  id: string;
  channelId: string;
  teamId: string | null;
  assigneeId: string | null;
  createdAt: number;
  /** The customer's first message; null when the desk wrote first and the customer never answered. */
  firstInboundAt: number | null;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  resolvedBy: ResolvedBy | null;
  reopenCount: number;
  handoverCount: number;
  /** In time order (the SQL sorts them); an unsorted list is sorted on read, never trusted. */
  events: readonly TimelineEvent[];
  /** The customer's 1–5 rating, when they gave one. */
  csat?: number | null;
  /** The customer acknowledged the resolution with a reaction (👍 ❤️ 🙏 on the last agent message). */
  acknowledged?: boolean;
}

/** A half-open span of epoch ms, [`from`, `to`). */
export interface TimeRange {
  from: number;
  to: number;
}

/** True when `at` lies in the half-open range. */
export function isWithin(range: TimeRange, at: number | null): at is number {
  return at !== null && at >= range.from && at < range.to;
}

/** The events in time order (ties keep their given order); the list itself when already sorted, so the common case copies nothing. */
export function eventsInOrder(events: readonly TimelineEvent[]): readonly TimelineEvent[] {
  // every() rather than an indexed loop: it is the hooks VM's fastest way through an array, and this runs per report row.
  if (events.every((event, i) => i === 0 || (events[i - 1] as TimelineEvent).at <= event.at)) return events;
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.at - b.event.at || a.index - b.index)
    .map((entry) => entry.event);
}

/**
 * The spans during which the conversation was open (creation or reopen to resolution, the last one to `Infinity`
 * while still open), closed by `resolvedAt` when the events hold no resolution.
 */
export function openSpans(timeline: ConversationTimeline): Array<{ from: number; to: number }> {
  const spans: Array<{ from: number; to: number }> = [];
  let openSince: number | null = timeline.createdAt;
  let sawResolution = false;
  eventsInOrder(timeline.events).forEach((event) => {
    if (event.kind === 'resolved') {
      sawResolution = true;
      if (openSince !== null) spans.push({ from: openSince, to: Math.max(openSince, event.at) });
      openSince = null;
    } else if (event.kind === 'reopened' && openSince === null) {
      openSince = event.at;
    }
  });
  if (openSince !== null) {
    const end = !sawResolution && timeline.resolvedAt !== null ? Math.max(openSince, timeline.resolvedAt) : Infinity;
    spans.push({ from: openSince, to: end });
  }
  return spans;
}
