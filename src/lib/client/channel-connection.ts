// Connecting a WhatsApp number from the app (admins): the number's own fields, what to paste into Meta, and the
// Graph API check. The forms check with the server's own schemas (src/lib/schemas/channel-connection.ts) first.
import type PocketBase from 'pocketbase';
import { z } from 'zod';
import {
  channelConnectionStateSchema,
  connectionCheckSchema,
  existingChannelSchema,
  newChannelSchema,
  type ChannelConnectionState,
  type ConnectionCheck,
} from '../schemas/channel-connection';
import { saveRecord } from './admin-records';
import { errorsFromIssues, failureOf, type FieldErrorMap, type SaveResult } from './settings-errors';

const text = z
  .string()
  .nullish()
  .transform((value) => value ?? '');

/** A channel as the connection form reads it (the token is never among the fields: `access_token_set` says whether one is stored). */
export const channelConnectionRecordSchema = z.object({
  id: z.string(),
  name: text,
  phone_number_id: text,
  waba_id: text,
  display_phone_number: text,
  timezone: text,
  disabled: z
    .boolean()
    .nullish()
    .transform((value) => value ?? false),
  coexistence: z
    .boolean()
    .nullish()
    .transform((value) => value ?? false),
  coexistence_agent: text,
  access_token_set: z
    .boolean()
    .nullish()
    .transform((value) => value ?? false),
  business_hours: z
    .unknown()
    .optional()
    .transform((value) => value ?? null),
  language: text,
  routing: z
    .unknown()
    .optional()
    .transform((value) => value ?? null),
  auto_replies: z
    .unknown()
    .optional()
    .transform((value) => value ?? null),
  faq: z
    .unknown()
    .optional()
    .transform((value) => value ?? null),
});
export type ChannelConnectionRecord = z.infer<typeof channelConnectionRecordSchema>;

export interface ConnectionDraft {
  name: string;
  phone_number_id: string;
  waba_id: string;
  timezone: string;
  disabled: boolean;
  coexistence: boolean;
  /** The agent whose replies from the WhatsApp Business app these are ('' when none is chosen). */
  coexistence_agent: string;
  /** Write-only: empty keeps the stored token. */
  access_token: string;
}

export function connectionDraftOf(channel: ChannelConnectionRecord | null, defaultZone: string): ConnectionDraft {
  return {
    name: channel?.name ?? '',
    phone_number_id: channel?.phone_number_id ?? '',
    waba_id: channel?.waba_id ?? '',
    timezone: channel?.timezone || defaultZone,
    disabled: channel?.disabled ?? false,
    coexistence: channel?.coexistence ?? false,
    coexistence_agent: channel?.coexistence_agent ?? '',
    access_token: '',
  };
}

/** The draft checked as the server will check it: a new number needs its WABA id and a token. */
export function checkConnectionDraft(
  draft: ConnectionDraft,
  isNew: boolean,
): { ok: true; input: Record<string, unknown> } | { ok: false; errors: FieldErrorMap } {
  const schema = isNew ? newChannelSchema : existingChannelSchema;
  const parsed = schema.safeParse(draft);
  if (!parsed.success) return { ok: false, errors: errorsFromIssues(parsed.error.issues as never) };
  const { access_token: token, ...fields } = parsed.data as typeof parsed.data & { access_token: string };
  // An empty token is not sent at all: the stored one stays.
  return { ok: true, input: token ? { ...fields, access_token: token } : fields };
}

export function saveConnection(pb: PocketBase, channelId: string | null, input: Record<string, unknown>): Promise<SaveResult<ChannelConnectionRecord>> {
  return saveRecord(pb, 'channels', channelId, input, channelConnectionRecordSchema);
}

export async function loadConnectionState(pb: PocketBase, channelId: string): Promise<SaveResult<ChannelConnectionState>> {
  try {
    const answer = await pb.send(`/api/pocketdesk/channels/${encodeURIComponent(channelId)}/connection`, { method: 'GET', requestKey: null });
    const parsed = channelConnectionStateSchema.safeParse(answer);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: 'unreadable', errors: {} };
  } catch (error) {
    return failureOf(error);
  }
}

export async function checkConnection(pb: PocketBase, channelId: string): Promise<SaveResult<ConnectionCheck>> {
  try {
    const answer = await pb.send(`/api/pocketdesk/channels/${encodeURIComponent(channelId)}/check-connection`, { method: 'POST', requestKey: null });
    const parsed = connectionCheckSchema.safeParse(answer);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: 'unreadable', errors: {} };
  } catch (error) {
    return failureOf(error);
  }
}

/** The address Meta must call: this desk's own origin, as the admin's browser reaches it. */
export function webhookUrlOf(origin: string): string {
  return `${origin.replace(/\/+$/, '')}/api/whatsapp/webhook`;
}

/** Every IANA zone the browser knows, for the time-zone list; the current one first when it is missing. */
export function timeZoneChoices(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
  const all = zones.includes('UTC') ? zones : ['UTC', ...zones];
  return current && !all.includes(current) ? [current, ...all] : all;
}
