// The people, teams and reference lists the PWA keeps on the device beside the queue: enough to pick a colleague,
// show a label or fill a template offline. Same zod/mini conventions as conversation.ts.
import * as z from 'zod/mini';
import { customerDisplayName } from '../domain/contacts/display-name';
import { count, flag, idList, pbDate, text } from './pb-fields';

export const SHIFT_STATUSES = ['online', 'away', 'offline'] as const;
export type ShiftStatus = (typeof SHIFT_STATUSES)[number];
export const STAFF_ROLES = ['agent', 'manager', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

const shiftStatus = z.pipe(
  z.nullish(z.string()),
  z.transform((value): ShiftStatus => (SHIFT_STATUSES.includes(value as ShiftStatus) ? (value as ShiftStatus) : 'offline')),
);
/** A stored role as the desk reads it: anything unknown counts as the least, `agent`. */
export function staffRoleOf(value: string | null | undefined): StaffRole {
  return STAFF_ROLES.includes(value as StaffRole) ? (value as StaffRole) : 'agent';
}

const role = z.pipe(z.nullish(z.string()), z.transform(staffRoleOf));

/** A colleague as others see them (no email: PocketBase hides it from everyone but the agent). */
export const agentRecordSchema = z.object({
  id: z.string(),
  name: text,
  role,
  status: shiftStatus,
  teams: idList,
  max_open: count,
  shift_ends_at: pbDate,
  updated: pbDate,
});
export type AgentRecord = z.output<typeof agentRecordSchema>;

export const teamRecordSchema = z.object({ id: z.string(), name: text });
export type TeamRecord = z.output<typeof teamRecordSchema>;

export const labelRecordSchema = z.object({ id: z.string(), name: text, color: text });
export type LabelRecord = z.output<typeof labelRecordSchema>;

export const channelRecordSchema = z.object({ id: z.string(), name: text, display_phone_number: text, language: text });
export type ChannelRecord = z.output<typeof channelRecordSchema>;

const templateComponent = z.looseObject({ type: text, format: z.optional(z.string()), text: z.optional(z.string()) });

/** A WhatsApp template as the picker needs it; `components` stay in Meta's format. */
export const templateRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  language: text,
  category: text,
  parameter_format: z.pipe(
    z.nullish(z.string()),
    z.transform((value): 'named' | 'positional' => (value === 'named' ? 'named' : 'positional')),
  ),
  components: z.pipe(
    z.nullish(z.array(templateComponent)),
    z.transform((value) => value ?? []),
  ),
  status: text,
  channel: text,
});
export type TemplateRecord = z.output<typeof templateRecordSchema>;

export const cannedReplyRecordSchema = z.object({ id: z.string(), shortcut: z.string(), title: text, body: text, language: text });
export type CannedReplyRecord = z.output<typeof cannedReplyRecordSchema>;

/** A customer. `owner` is the agent routing returns them to; agents may change `vip` and `labels`. */
export const contactRecordSchema = z.object({
  id: z.string(),
  name: text,
  profile_name: text,
  username: text,
  wa_id: text,
  owner: text,
  labels: idList,
  vip: flag,
  language: text,
  updated: pbDate,
});
export type ContactRecord = z.output<typeof contactRecordSchema>;

/** The name an agent knows a customer by, falling back through what WhatsApp tells us. */
export function contactDisplayName(contact: Pick<ContactRecord, 'name' | 'profile_name' | 'username' | 'wa_id'>): string {
  return customerDisplayName({ name: contact.name, profileName: contact.profile_name, username: contact.username, waId: contact.wa_id });
}
