import { isOpenAt } from '../hours/business-hours';
import { MINUTE_MS } from '../hours/civil-date';
import type { BusinessSchedule } from '../hours/schedule';
import type { TimeZonePort } from '../hours/time-zone-port';
import { eventsInOrder, type ConversationTimeline } from '../metrics/conversation-timeline';
import { businessDeadline, signedBusinessMs } from './business-deadline';
import type { SlaPolicy } from './sla-policy';

/** The three promises a policy can make. */
export type SlaTarget = 'first-response' | 'next-response' | 'resolution';

/**
 * Where one target stands. The clock runs from `startedAt` until `stoppedAt` (the reply or the resolution; null
 * while running); `remainingMs` is measured from `stoppedAt` (or now) to `dueAt`, negative once past it, in open time
 * when the policy counts business hours. `dueAt` is null only when the schedule never opens long enough.
 */
export interface SlaTargetStatus {
  target: SlaTarget;
  startedAt: number;
  dueAt: number | null;
  stoppedAt: number | null;
  remainingMs: number | null;
  breached: boolean;
  breachedAt: number | null;
  /** True when the peak-hours first-response target applied. */
  peak: boolean;
}

interface Clock {
  schedule: BusinessSchedule | null;
  port: TimeZonePort;
  now: number;
}

function statusOf(target: SlaTarget, startedAt: number, stoppedAt: number | null, minutes: number, clock: Clock, peak = false): SlaTargetStatus {
  const { schedule, port, now } = clock;
  const dueAt = schedule === null ? startedAt + minutes * MINUTE_MS : businessDeadline(schedule, startedAt, minutes * MINUTE_MS, port);
  const reference = stoppedAt ?? now;
  // Answering at the due instant is in time.
  const breached = dueAt !== null && reference > dueAt;
  const remainingMs = dueAt === null ? null : schedule === null ? dueAt - reference : signedBusinessMs(schedule, reference, dueAt, port);
  return { target, startedAt, dueAt, stoppedAt, remainingMs, breached, breachedAt: breached ? dueAt : null, peak };
}

/** The first agent reply at or after the customer's first message: the field when it qualifies, else the events. */
function firstReplyAt(timeline: ConversationTimeline, asked: number): number | null {
  if (timeline.firstResponseAt !== null && timeline.firstResponseAt >= asked) return timeline.firstResponseAt;
  for (const event of eventsInOrder(timeline.events)) if (event.kind === 'out-agent' && event.at >= asked) return event.at;
  return null;
}

/** The first resolution at or after `since`, from the events, else the conversation's current one. */
function firstResolutionAt(timeline: ConversationTimeline, since: number): number | null {
  for (const event of eventsInOrder(timeline.events)) if (event.kind === 'resolved' && event.at >= since) return event.at;
  return timeline.resolvedAt !== null && timeline.resolvedAt >= since ? timeline.resolvedAt : null;
}

/** The latest customer wait after the first reply: its start, and the reply or resolution that ended it (null: still waiting). */
function lastWait(timeline: ConversationTimeline, after: number): { startedAt: number; stoppedAt: number | null } | null {
  let latest: { startedAt: number; stoppedAt: number | null } | null = null;
  let waitingSince: number | null = null;
  for (const event of eventsInOrder(timeline.events)) {
    if (event.at <= after) continue;
    if (event.kind === 'in') {
      waitingSince ??= event.at;
    } else if ((event.kind === 'out-agent' || event.kind === 'resolved') && waitingSince !== null) {
      latest = { startedAt: waitingSince, stoppedAt: event.at };
      waitingSince = null;
    }
  }
  if (waitingSince === null) return latest;
  const resolvedAt = timeline.resolvedAt;
  return { startedAt: waitingSince, stoppedAt: resolvedAt !== null && resolvedAt >= waitingSince ? resolvedAt : null };
}

/**
 * The SLA targets that apply to a conversation at `now`: first response (from the customer's first message), next
 * response (the latest wait after that, once there was a first reply) and resolution (from creation). A resolution
 * stops every clock. With `businessHoursOnly` and a schedule, deadlines and remaining time count open time only.
 */
export function slaStatus(
  timeline: ConversationTimeline,
  policy: SlaPolicy,
  now: number,
  schedule: BusinessSchedule | null,
  port: TimeZonePort,
): SlaTargetStatus[] {
  const clock: Clock = { schedule: policy.businessHoursOnly ? schedule : null, port, now };
  const statuses: SlaTargetStatus[] = [];
  const asked = timeline.firstInboundAt;
  const repliedAt = asked === null ? null : firstReplyAt(timeline, asked);
  if (asked !== null) {
    const peak = policy.peakHours !== null && isOpenAt(policy.peakHours, asked, port);
    const minutes = peak ? policy.firstResponsePeakMinutes : policy.firstResponseMinutes;
    statuses.push(statusOf('first-response', asked, repliedAt ?? firstResolutionAt(timeline, asked), minutes, clock, peak));
  }
  if (repliedAt !== null && policy.nextResponseMinutes !== null) {
    const wait = lastWait(timeline, repliedAt);
    if (wait !== null) statuses.push(statusOf('next-response', wait.startedAt, wait.stoppedAt, policy.nextResponseMinutes, clock));
  }
  if (policy.resolutionMinutes !== null) statuses.push(statusOf('resolution', timeline.createdAt, timeline.resolvedAt, policy.resolutionMinutes, clock));
  return statuses;
}
