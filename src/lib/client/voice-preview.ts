// The "what the customer will get" table beside the auto-reply and routing forms: the admin's working copy of one
// form with the channel's stored other half, run through the same planner the server runs.
import { formatOpeningHours, formatOpensAt, type ReplyLanguage } from '../domain/autoreply/opening-text';
import { voiceCases, voiceOutcomeFor, type VoiceCase, type VoiceHolder } from '../domain/autoreply/voice-cases';
import type { BusinessSchedule } from '../domain/hours/schedule';
import { autoRepliesSettingsSchema, DEFAULT_AUTO_REPLIES } from '../schemas/auto-replies';
import { DEFAULT_ROUTING_SETTINGS, routingSettingsSchema } from '../schemas/routing';
import { intlTimeZone } from './intl-time-zone';

/** One row: the situation and the one message sent (null: nothing automatic). */
export interface VoicePreviewRow {
  case: VoiceCase;
  text: string | null;
  /** Who has the conversation afterwards; null: it waits in the queue (the team is pushed when nobody is online). */
  holder: VoiceHolder | null;
}

/** Sample names and the channel the table speaks for. */
export interface VoicePreviewSample {
  channelName: string;
  /** The desk's business name; the channel's name stands in while it has none, as on the server. */
  businessName?: string;
  customerName: string;
  agentName: string;
  ownerName: string;
  /** The channel's time zone, in which the sample opening hour is written. */
  timezone: string;
}

// Closed rows say when the shop opens: written by the server's own phrasing from a sample week (Monday to Friday,
// 09:00–18:00) read on a Saturday, in the reply language.
const day = [{ start: '09:00', end: '18:00' }];
const SAMPLE_WEEK = (timezone: string): BusinessSchedule => ({ timezone, weekly: { mon: day, tue: day, wed: day, thu: day, fri: day } });
const A_SATURDAY_NOON = Date.UTC(2026, 0, 3, 12);

/** Rows for every situation; settings that do not parse (yet) are read as the defaults, as the server does. */
export function voicePreviewRows(autoReplies: unknown, routing: unknown, language: ReplyLanguage, sample: VoicePreviewSample): VoicePreviewRow[] {
  const replies = autoRepliesSettingsSchema.safeParse(autoReplies ?? {});
  const route = routingSettingsSchema.safeParse(routing ?? {});
  const settings = { autoReplies: replies.success ? replies.data : DEFAULT_AUTO_REPLIES, routing: route.success ? route.data : DEFAULT_ROUTING_SETTINGS };
  const zone = intlTimeZone.isValidZone(sample.timezone) ? sample.timezone : 'UTC';
  const week = SAMPLE_WEEK(zone);
  const vars = {
    customer_name: sample.customerName,
    business_name: sample.businessName?.trim() || sample.channelName,
    channel_name: sample.channelName,
    business_hours: formatOpeningHours(week, A_SATURDAY_NOON, intlTimeZone, language),
    opens_at: formatOpensAt(week, A_SATURDAY_NOON, intlTimeZone, language),
  };
  const names = { agent: sample.agentName, owner: sample.ownerName };
  return voiceCases(false).map((c) => {
    const { message, holder } = voiceOutcomeFor(c, settings, language, vars, names);
    return { case: c, text: message?.text ?? null, holder };
  });
}

/** Whether the channel's FAQ bot answers new tickets first (then nothing else is said). */
export function isFaqBotOn(faq: unknown): boolean {
  return typeof faq === 'object' && faq !== null && (faq as { enabled?: unknown }).enabled === true;
}
