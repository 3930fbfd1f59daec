import type { BusinessTimeMeter } from './business-time-index';
import { eventsInOrder, isWithin, type ConversationTimeline, type TimeRange } from './conversation-timeline';

/**
 * How long one agent spent answering customers: `replies` counts the replies that answered a waiting customer; the
 * business figures, present when a schedule was given, count opening hours only.
 */
export interface AgentHandleTime {
  agentId: string;
  replies: number;
  totalMs: number;
  averageMs: number | null;
  businessTotalMs?: number;
  businessAverageMs?: number | null;
}

/** Running totals per agent id, filled by `addHandleTime`. */
export type HandleTimeTotals = Map<string, { replies: number; totalMs: number; businessMs: number }>;

/**
 * Adds one conversation's agent replies made within `range` to `totals`: a reply that answers a waiting customer
 * counts the time from the later of the agent's latest assignment and the first unanswered customer message, while
 * follow-ups when nobody waits add nothing (that time is spent waiting on the customer).
 */
export function addHandleTime(timeline: ConversationTimeline, range: TimeRange, totals: HandleTimeTotals, businessMs: BusinessTimeMeter | null): void {
  let assignedAt: Map<string, number> | null = null;
  let waitingSince: number | null = null;
  // forEach, not for…of: it runs once per event of every conversation in a report, and the hooks VM iterates slowly.
  eventsInOrder(timeline.events).forEach((event) => {
    if (event.kind === 'in') {
      waitingSince ??= event.at;
    } else if (event.kind === 'assigned') {
      if (event.agentId) (assignedAt ??= new Map()).set(event.agentId, event.at);
    } else if (event.kind === 'resolved') {
      // A resolution ends the wait; the customer's next message (which reopens it) starts a new one.
      waitingSince = null;
    } else if (event.kind === 'out-agent') {
      const agentId = event.agentId || timeline.assigneeId;
      // Bot replies leave the customer waiting for a person, so only an agent's reply ends the wait.
      if (waitingSince !== null && agentId && isWithin(range, event.at)) {
        const start = Math.min(event.at, Math.max(waitingSince, assignedAt?.get(agentId) ?? waitingSince));
        const entry = totals.get(agentId) ?? { replies: 0, totalMs: 0, businessMs: 0 };
        entry.replies += 1;
        entry.totalMs += event.at - start;
        if (businessMs !== null) entry.businessMs += businessMs(start, event.at);
        totals.set(agentId, entry);
      }
      waitingSince = null;
    }
  });
}

/** The totals as rows sorted by agent id, with the average per answering reply; business figures when `withBusiness`. */
export function handleTimeRows(totals: HandleTimeTotals, withBusiness: boolean): AgentHandleTime[] {
  return [...totals.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([agentId, { replies, totalMs, businessMs }]) => {
      const row: AgentHandleTime = { agentId, replies, totalMs, averageMs: replies > 0 ? totalMs / replies : null };
      if (withBusiness) {
        row.businessTotalMs = businessMs;
        row.businessAverageMs = replies > 0 ? businessMs / replies : null;
      }
      return row;
    });
}
