import type { BusinessSchedule } from '../hours/schedule';

/** What happens, once per breach, when a running target is missed. */
export interface SlaEscalationPolicy {
  notifyManager: boolean;
  /** Raise the conversation to at least this priority; null leaves it alone. */
  raisePriorityTo: number | null;
  /** Take the conversation from the agent who let it breach. */
  reassign: boolean;
}

/** Service-level targets for one channel, team or both; a null target is not tracked. */
export interface SlaPolicy {
  firstResponseMinutes: number;
  /** Used instead of `firstResponseMinutes` when the customer first writes within `peakHours`. */
  firstResponsePeakMinutes: number;
  /** The busy times, as a schedule whose open periods are the peak (its own time zone); null: never peak. */
  peakHours: BusinessSchedule | null;
  nextResponseMinutes: number | null;
  resolutionMinutes: number | null;
  /** Count only the channel's opening hours (when it has a schedule), so a night or a holiday never breaches. */
  businessHoursOnly: boolean;
  escalation: SlaEscalationPolicy;
}

/** A policy and where it applies; a null channel or team matches any. */
export interface ScopedSlaPolicy extends SlaPolicy {
  channelId: string | null;
  teamId: string | null;
}

/** The policy a conversation gets when nothing else is configured. */
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  firstResponseMinutes: 5,
  firstResponsePeakMinutes: 30,
  peakHours: null,
  nextResponseMinutes: 30,
  resolutionMinutes: 480,
  businessHoursOnly: true,
  escalation: { notifyManager: true, raisePriorityTo: null, reassign: false },
};

function specificity(policy: ScopedSlaPolicy): number {
  // A team's promise is about who answers, so it outranks the number the customer wrote to.
  return (policy.teamId !== null ? 2 : 0) + (policy.channelId !== null ? 1 : 0);
}

/**
 * The most specific policy that matches the conversation (channel and team, then team, then channel, then the
 * catch-all; the first listed wins a tie), or null when none matches.
 */
export function pickSlaPolicy(policies: readonly ScopedSlaPolicy[], scope: { channelId: string | null; teamId: string | null }): ScopedSlaPolicy | null {
  let best: ScopedSlaPolicy | null = null;
  for (const policy of policies) {
    if (policy.channelId !== null && policy.channelId !== scope.channelId) continue;
    if (policy.teamId !== null && policy.teamId !== scope.teamId) continue;
    if (best === null || specificity(policy) > specificity(best)) best = policy;
  }
  return best;
}
