// What resolving a conversation will do about the satisfaction survey, read from the device's copy of the channel
// (its survey settings) and the approved templates, so the resolve dialog works offline too.
import { csatOutlook, type CsatOutlook } from '../domain/csat/csat-outlook';
import { DEFAULT_CSAT_SETTINGS } from '../domain/csat/csat-settings';
import { checkCsatSettings } from '../schemas/csat';
import type { ConversationRecord } from '../schemas/conversation';
import type { DeskDb } from './db';

/** The survey outlook of resolving `conversation` at `now`; unknown settings read as the defaults a channel starts with. */
export async function resolveOutlook(
  db: DeskDb,
  conversation: Pick<ConversationRecord, 'channel' | 'last_inbound_at' | 'csat_requested_at'>,
  now: number,
): Promise<CsatOutlook> {
  const [channel, templates] = await Promise.all([db.channels.get(conversation.channel), db.templates.toArray()]);
  const stored = (channel?.service as { csat?: unknown } | null | undefined)?.csat;
  const checked = checkCsatSettings(stored ?? {});
  const settings = checked.ok ? checked.settings : DEFAULT_CSAT_SETTINGS;
  const approved = templates.filter((t) => t.status.toLowerCase() === 'approved' && (t.channel === '' || t.channel === conversation.channel));
  return csatOutlook({ lastInboundAt: conversation.last_inbound_at, csatRequestedAt: conversation.csat_requested_at ?? null }, settings, approved, now);
}
