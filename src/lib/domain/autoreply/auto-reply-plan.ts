import type { AutoRepliesSettings } from '../../schemas/auto-replies';
import { closedPeriodKey } from '../hours/business-hours';
import { MINUTE_MS } from '../hours/civil-date';
import type { BusinessSchedule } from '../hours/schedule';
import type { TimeZonePort } from '../hours/time-zone-port';
import { formatOpeningHours, formatOpensAt, replyLanguageOf, type ReplyLanguage } from './opening-text';
import type { TemplateVariables } from './template-text';

/** Everything about one inbound message's conversation that the automatic voice needs from the clock and the records. */
export interface AutoReplyInput {
  settings: AutoRepliesSettings;
  /** The channel's business hours; null when it is always open. */
  schedule: BusinessSchedule | null;
  /** `businessName`: the desk's (Admin settings → Your business); the channel's own name stands in while it has none. */
  channel: { name: string; timezone: string; language: string; businessName?: string };
  contact: { name: string; isFirstEverMessage: boolean };
  conversation: {
    lastAgentReplyAt: number | null;
    /** Dedupe keys of automatic messages already sent on this conversation. */
    sentAutoReplyKeys: readonly string[];
  };
  assignedAgentName: string | null;
}

/** The moment's facts the automatic voice decides on: the language, the closed period (null: open), the variables. */
export interface AutoReplyContext {
  language: ReplyLanguage;
  /** The closed period `now` falls in (`closedPeriodKey`), or null while open or without a schedule. */
  closedKey: string | null;
  vars: TemplateVariables;
  /** An agent replied within the out-of-hours suppression window: "we are closed" would be wrong. */
  agentRepliedRecently: boolean;
  sentKeys: readonly string[];
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

/** Reads the clock for the automatic voice: whether the channel is closed (and which closed period), and the variables. */
export function autoReplyContextOf(input: AutoReplyInput, now: number, port: TimeZonePort): AutoReplyContext {
  const { settings, schedule, channel, contact, conversation } = input;
  const language = replyLanguageOf(channel.language);
  // Closed-period lookups walk days of the schedule; do them once.
  const closedKey = schedule !== null && Number.isFinite(now) ? closedPeriodKey(schedule, now, port) : null;
  return {
    language,
    closedKey,
    vars: {
      customer_name: contact.name,
      agent_name: (input.assignedAgentName ?? '').trim(),
      business_name: channel.businessName?.trim() || channel.name,
      channel_name: channel.name,
      opens_at: schedule !== null && closedKey !== null ? formatOpensAt(schedule, now, port, language, channel.timezone) : '',
      business_hours: schedule !== null ? formatOpeningHours(schedule, now, port, language, channel.timezone) : '',
    },
    agentRepliedRecently: isAgentStillReplying(conversation.lastAgentReplyAt, now, settings.outOfHours.suppressAfterAgentReplyMinutes),
    sentKeys: conversation.sentAutoReplyKeys,
  };
}
