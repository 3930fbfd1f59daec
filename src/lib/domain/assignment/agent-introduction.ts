// Whether the customer hears who took their conversation, whichever path gave it an owner: routing, the backlog
// sweep, a claim, a manager's assign, a handover, an escalation, an accepted offer or a hand-back after silence.
// The message is the channel's after-assign auto-reply; its dedupe key is the one the inbound path's planner
// stores, so the two never introduce the same agent twice.
import { afterAssignKey } from '../autoreply/auto-reply-plan';
import { formatOpeningHours, replyLanguageOf } from '../autoreply/opening-text';
import { replyTextOf } from '../autoreply/reply-texts';
import { renderTemplate } from '../autoreply/template-text';
import { isOpenAt } from '../hours/business-hours';
import type { BusinessSchedule } from '../hours/schedule';
import type { TimeZonePort } from '../hours/time-zone-port';
import { availabilityOf } from '../routing/agent-availability';
import type { ShiftStatus } from '../routing/routing-input';
import { canSendFreeform } from '../window/service-window';

/** What the decision needs when a conversation gets a new owner. */
export interface IntroductionInput {
  /** The channel's after-assign reply (`auto_replies.afterAssign`); an empty text means the built-in one. */
  afterAssign: { enabled: boolean; text: string };
  /** The channel's business hours; null when it is always open. */
  schedule: BusinessSchedule | null;
  channel: { name: string; timezone: string; language: string; businessName?: string };
  customerName: string;
  agent: {
    name: string;
    status: ShiftStatus;
    shiftEndsAt: number | null;
    /** The agent took it themselves (claim, accepted offer): they are at their phone right now. */
    actedNow: boolean;
  };
  /** The customer's last message: free-form text may go out only within 24 hours of it. */
  lastInboundAt: number | null;
  /** Dedupe keys of the auto-replies already sent on this conversation. */
  sentAutoReplyKeys: readonly string[];
}

/** Why no introduction goes out; stable codes for logs and tests. */
export type SkippedIntroduction =
  'disabled' | 'no-agent-name' | 'already-introduced' | 'agent-not-available' | 'window-closed' | 'business-closed' | 'empty-text';

export type IntroductionPlan = { send: true; text: string; dedupeKey: string } | { send: false; reason: SkippedIntroduction };

/**
 * Decides whether the customer is told who will answer them, once per agent: a handover introduces the new agent,
 * giving it back to someone already introduced says nothing. An agent who is offline, away or past their shift is
 * never announced ("Ana will help you shortly" would be false); nothing is sent, and nothing recorded, so the
 * introduction can still go out once they are really there (the customer's next message, a later assignment).
 */
export function planAgentIntroduction(input: IntroductionInput, now: number, port: TimeZonePort): IntroductionPlan {
  const { afterAssign, schedule, channel, agent } = input;
  const name = agent.name.trim();
  if (!afterAssign.enabled) return { send: false, reason: 'disabled' };
  if (name === '') return { send: false, reason: 'no-agent-name' };
  const dedupeKey = afterAssignKey(name);
  if (input.sentAutoReplyKeys.includes(dedupeKey)) return { send: false, reason: 'already-introduced' };
  if (!agent.actedNow && availabilityOf(agent, now) !== 'assignable') return { send: false, reason: 'agent-not-available' };
  // Outside WhatsApp's 24-hour window only templates may be sent; an introduction is not worth a paid template.
  if (!canSendFreeform(input.lastInboundAt, now)) return { send: false, reason: 'window-closed' };
  // While closed the out-of-hours reply has set the customer's expectations: "shortly" would contradict it.
  if (schedule !== null && !isOpenAt(schedule, now, port)) return { send: false, reason: 'business-closed' };
  const language = replyLanguageOf(channel.language);
  const text = renderTemplate(replyTextOf('after-assign', afterAssign.text, language), {
    customer_name: input.customerName,
    agent_name: name,
    business_name: channel.businessName?.trim() || channel.name,
    channel_name: channel.name,
    opens_at: '',
    business_hours: schedule !== null ? formatOpeningHours(schedule, now, port, language, channel.timezone) : '',
  }).trim();
  if (text === '') return { send: false, reason: 'empty-text' };
  return { send: true, text, dedupeKey };
}
