// The one rule for "this conversation is overdue": the queue's Overdue chip and the dashboard's SLA breach count
// both ask it, so the two can never disagree about the same conversations.

/** What the one-minute SLA sweep stores on a conversation, as plain values. */
export interface SlaClock {
  status: string;
  /** The next running deadline (epoch ms), or null when no clock runs. */
  slaDueAt: number | null;
  /** The sweep found a running target breached. */
  slaBreached: boolean;
}

/**
 * True when an unresolved conversation has missed its SLA at `now`: the sweep said so, or its stored deadline has
 * passed since (the sweep runs once a minute, so the deadline is trusted before the sweep catches up).
 */
export function isSlaOverdue(clock: SlaClock, now: number): boolean {
  if (clock.status === 'resolved') return false;
  return clock.slaBreached || (clock.slaDueAt !== null && now > clock.slaDueAt);
}
