import type { CsatSettings } from '../../lib/domain/csat/csat-settings';
import { DEFAULT_CSAT_SETTINGS } from '../../lib/domain/csat/csat-settings';
import type { BusinessSchedule } from '../../lib/domain/hours/schedule';
import type { TimeZonePort } from '../../lib/domain/hours/time-zone-port';
import { autoRepliesSettingsSchema, DEFAULT_AUTO_REPLIES, type AutoRepliesSettings } from '../../lib/schemas/auto-replies';
import { checkCsatSettings } from '../../lib/schemas/csat';
import { faqSettingsSchema, type FaqSettings } from '../../lib/schemas/faq';
import { validateSchedule } from '../../lib/schemas/hours';
import { DEFAULT_ROUTING_SETTINGS, routingSettingsSchema, type RoutingSettings } from '../../lib/schemas/routing';
import { jsonOf, optional } from './fields';

/** A WhatsApp number (`channels`) with its settings groups parsed. */
export interface Channel {
  id: string;
  name: string;
  /** A zone the server knows: an unknown stored zone reads as UTC. */
  timezone: string;
  language: string | null;
  defaultTeamId: string | null;
  settings: ChannelSettings;
}

export interface ChannelSettings {
  routing: RoutingSettings;
  /** null: no hours set, always open. */
  schedule: BusinessSchedule | null;
  autoReplies: AutoRepliesSettings;
  /** null: the FAQ bot is off. */
  faq: FaqSettings | null;
  csat: CsatSettings;
}

/** The stored settings documents, as JSON values. */
export interface StoredChannelSettings {
  routing: unknown;
  business_hours: unknown;
  auto_replies: unknown;
  faq: unknown;
  service: unknown;
  default_team: string;
}

export type SettingsGroup = 'routing' | 'business_hours' | 'auto_replies' | 'faq' | 'service.csat';

/**
 * The ONE policy for stored settings that no longer parse (saved before a rule changed, or written around the API):
 * each invalid group falls back to its defaults — routing's defaults, no hours (always open), default auto-replies
 * (off), FAQ bot off, default survey — and `invalid` is told which group, so the adapter logs it once per channel
 * version. A customer's message is never refused because of the owner's settings.
 */
export function parseChannelSettings(stored: StoredChannelSettings, port: TimeZonePort, invalid: (group: SettingsGroup) => void): ChannelSettings {
  const routingParsed = routingSettingsSchema.safeParse(stored.routing ?? {});
  if (!routingParsed.success) invalid('routing');
  const routingBase = routingParsed.success ? routingParsed.data : DEFAULT_ROUTING_SETTINGS;
  const routing = routingBase.defaultTeamId ? routingBase : { ...routingBase, defaultTeamId: stored.default_team || null };
  let schedule: BusinessSchedule | null = null;
  if (stored.business_hours) {
    const checked = validateSchedule(stored.business_hours, port);
    if (checked.ok) schedule = checked.schedule;
    else invalid('business_hours');
  }
  const autoParsed = autoRepliesSettingsSchema.safeParse(stored.auto_replies ?? {});
  if (!autoParsed.success) invalid('auto_replies');
  const faqParsed = faqSettingsSchema.safeParse(stored.faq ?? {});
  if (!faqParsed.success) invalid('faq');
  const rawCsat = (stored.service as { csat?: unknown } | null)?.csat;
  let csat = DEFAULT_CSAT_SETTINGS;
  if (rawCsat !== undefined) {
    const checked = checkCsatSettings(rawCsat);
    if (checked.ok) csat = checked.settings;
    else invalid('service.csat');
  }
  return {
    routing,
    schedule,
    autoReplies: autoParsed.success ? autoParsed.data : DEFAULT_AUTO_REPLIES,
    faq: faqParsed.success && faqParsed.data.enabled ? faqParsed.data : null,
    csat,
  };
}

export function storedChannelSettings(record: core.Record): StoredChannelSettings {
  return {
    routing: jsonOf<unknown>(record, 'routing', null),
    business_hours: jsonOf<unknown>(record, 'business_hours', null),
    auto_replies: jsonOf<unknown>(record, 'auto_replies', null),
    faq: jsonOf<unknown>(record, 'faq', null),
    service: jsonOf<unknown>(record, 'service', null),
    default_team: record.getString('default_team'),
  };
}

/**
 * The channel with its settings, parsed once per channel version and shared across the VM pool as JSON (a JS
 * object must not cross VMs), keyed by the channel's last update; invalid groups are logged when parsed, i.e. once.
 */
export function readChannel(record: core.Record, port: TimeZonePort): Channel {
  const key = `pocketdesk:channel:${record.id}:${record.getString('updated')}`;
  const cached = $app.store().get(key);
  if (typeof cached === 'string') return JSON.parse(cached) as Channel;
  const zone = record.getString('timezone') || 'UTC';
  const channel: Channel = {
    id: record.id,
    name: record.getString('name'),
    timezone: port.isValidZone(zone) ? zone : 'UTC',
    language: optional(record, 'language'),
    defaultTeamId: optional(record, 'default_team'),
    settings: parseChannelSettings(storedChannelSettings(record), port, (group) =>
      console.log(`[channels] channel ${record.id}: stored ${group} settings are invalid; using the defaults until they are saved again`),
    ),
  };
  $app.store().set(key, JSON.stringify(channel));
  return channel;
}

export const CHANNEL_BY_NUMBER = 'phone_number_id = {:p}';
