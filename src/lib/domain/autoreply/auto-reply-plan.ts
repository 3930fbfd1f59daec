import type { AutoRepliesSettings } from '../../schemas/auto-replies';
import { closedPeriodKey } from '../hours/business-hours';
import { MINUTE_MS } from '../hours/civil-date';
import type { BusinessSchedule } from '../hours/schedule';
import type { TimeZonePort } from '../hours/time-zone-port';
import { formatOpeningHours, formatOpensAt, replyLanguageOf } from './opening-text';
import { replyTextOf, selfServiceText, type AutoReplyKind } from './reply-texts';
import { renderTemplate, type TemplateVariables } from './template-text';

/** Everything the planner needs about one inbound message's conversation. */
export interface AutoReplyInput {
  settings: AutoRepliesSettings;
  /** The channel's business hours; null when it is always open. */
  schedule: BusinessSchedule | null;
  channel: { name: string; timezone: string; language: string };
  contact: { name: string; isFirstEverMessage: boolean };
  conversation: {
    lastAgentReplyAt: number | null;
    /** Dedupe keys of auto-replies already sent on this conversation. */
    sentAutoReplyKeys: readonly string[];
  };
  assignedAgentName: string | null;
}

/** One reply to send; the caller stores `dedupeKey` on the conversation in the same transaction as the send. */
export interface PlannedAutoReply {
  kind: AutoReplyKind;
  text: string;
  dedupeKey: string;
}

/** The dedupe key of the greeting: once per conversation. */
export const GREETING_KEY = 'greeting';

/** The dedupe key of the out-of-hours reply for one closed period (from `closedPeriodKey`). */
export function outOfHoursKey(closedKey: string): string {
  return `out-of-hours:${closedKey}`;
}

/** The dedupe key of the after-assign reply: once per agent, so a handover introduces the new agent. */
export function afterAssignKey(agentName: string): string {
  return `after-assign:${agentName.trim()}`;
}

function isAgentStillReplying(lastAgentReplyAt: number | null, now: number, minutes: number): boolean {
  if (minutes <= 0 || lastAgentReplyAt === null || !Number.isFinite(lastAgentReplyAt)) return false;
  // A reply stamped after `now` (clock skew between writers) counts as recent.
  return now - lastAgentReplyAt < minutes * MINUTE_MS;
}

/**
 * The auto-replies one inbound message earns, in sending order: the greeting on a customer's first ever message, the
 * out-of-hours reply once per closed period unless an agent replied recently, and the after-assign introduction.
 */
export function planAutoReplies(input: AutoReplyInput, now: number, port: TimeZonePort): PlannedAutoReply[] {
  const { settings, schedule, channel, contact, conversation } = input;
  const sent = new Set(conversation.sentAutoReplyKeys);
  const language = replyLanguageOf(channel.language);
  const agentName = (input.assignedAgentName ?? '').trim();
  // Closed-period lookups walk days of the schedule; do them once and only when a reply may need them.
  const closedKey = schedule !== null && Number.isFinite(now) ? closedPeriodKey(schedule, now, port) : null;
  const vars: TemplateVariables = {
    customer_name: contact.name,
    agent_name: agentName,
    channel_name: channel.name,
    opens_at: schedule !== null && closedKey !== null ? formatOpensAt(schedule, now, port, language, channel.timezone) : '',
    business_hours: schedule !== null ? formatOpeningHours(schedule, now, port, language, channel.timezone) : '',
  };
  const replies: PlannedAutoReply[] = [];
  const add = (kind: AutoReplyKind, template: string, dedupeKey: string): void => {
    const rendered = renderTemplate(template, vars).trim();
    if (rendered !== '' && !sent.has(dedupeKey)) replies.push({ kind, text: rendered, dedupeKey });
  };

  if (settings.greeting.enabled && contact.isFirstEverMessage) add('greeting', replyTextOf('greeting', settings.greeting.text, language), GREETING_KEY);

  const outOfHours = settings.outOfHours;
  if (outOfHours.enabled && closedKey !== null && !isAgentStillReplying(conversation.lastAgentReplyAt, now, outOfHours.suppressAfterAgentReplyMinutes)) {
    const hint = selfServiceText(outOfHours.selfService.keywords, outOfHours.selfService.link, language);
    const text = replyTextOf('out-of-hours', outOfHours.text, language);
    add('out-of-hours', hint === '' ? text : `${text}\n\n${hint}`, outOfHoursKey(closedKey));
  }

  // While closed the out-of-hours reply sets expectations; "Ana will help you shortly" would contradict it.
  if (settings.afterAssign.enabled && agentName !== '' && closedKey === null) {
    add('after-assign', replyTextOf('after-assign', settings.afterAssign.text, language), afterAssignKey(agentName));
  }
  return replies;
}
