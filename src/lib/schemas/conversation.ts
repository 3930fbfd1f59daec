// The client's view of help-desk records. zod/mini (same engine, tree-shakable API) because these schemas are
// on the PWA's first-load path; full zod stays out of it.
import * as z from 'zod/mini';
import { customerDisplayName } from '../domain/contacts/display-name';
import { count, flag, idList, jsonObject, pbDate, text } from './pb-fields';

const contactSchema = z.object({ name: text, profile_name: text, username: text, wa_id: text });

/** A conversation as the agent PWA keeps it: server fields plus the contact's display name, dates as epoch ms. */
export const conversationRecordSchema = z.pipe(
  z.object({
    id: z.string(),
    contact: text,
    channel: text,
    status: z.enum(['open', 'pending', 'resolved']),
    assignee: text,
    team: text,
    priority: count,
    last_message_at: pbDate,
    last_inbound_at: pbDate,
    last_message_preview: text,
    last_outbound_at: pbDate,
    first_response_at: pbDate,
    assigned_at: pbDate,
    labels: idList,
    unread_count: count,
    bot_active: flag,
    sla_due_at: pbDate,
    sla_breached: flag,
    offered_to: text,
    offer_expires_at: pbDate,
    // Issue #17: snoozed until a time ('until-time') or until the customer writes ('until-customer'); '' when awake.
    snooze_reason: text,
    snoozed_until: pbDate,
    // Reactions as signals and the survey: optional so rows cached before they existed still parse.
    csat_requested_at: z.optional(pbDate),
    acknowledged_at: z.optional(pbDate),
    acknowledged_with: z.optional(text),
    upset_at: z.optional(pbDate),
    // Issue #20: how the customer's latest message reads (optional: rows cached before it existed still parse).
    sentiment: z.optional(text),
    urgent: z.optional(z.boolean()),
    signal_cues: z.optional(z.nullable(z.array(z.string()))),
    // The intent routing predicted (its key and name), for the composer's suggested canned replies.
    intent: z.optional(text),
    intent_name: z.optional(text),
    created: pbDate,
    updated: pbDate,
    expand: z.nullish(z.object({ contact: z.optional(contactSchema) })),
  }),
  z.transform(({ expand, ...record }) => {
    const contact = expand?.contact;
    const contact_name = contact
      ? customerDisplayName({ name: contact.name, profileName: contact.profile_name, username: contact.username, waId: contact.wa_id })
      : '';
    return { ...record, contact_name };
  }),
);
export type ConversationRecord = z.output<typeof conversationRecordSchema>;
export type ConversationStatus = ConversationRecord['status'];

/** One message of a thread, inbound or outbound; `at` orders it (Meta's timestamp for inbound, else creation). */
export const messageRecordSchema = z.pipe(
  z.object({
    id: z.string(),
    conversation: z.string(),
    direction: z.enum(['in', 'out']),
    type: z.string(),
    text,
    payload: jsonObject,
    media: text,
    media_status: text,
    media_mime: text,
    media_filename: text,
    /** Bytes the server stored; the offline copy plans its budget with it (absent on rows kept before it was read). */
    media_size: z.optional(count),
    status: text,
    error_title: text,
    error_reason: text,
    reactions: jsonObject,
    context_wamid: text,
    forwarded: flag,
    author: text,
    /** customer, agent or bot (auto-replies, the FAQ bot, the rating request); empty on rows kept before it existed. */
    sender: text,
    timestamp: pbDate,
    created: pbDate,
    // Issue #19: sent from the WhatsApp Business app or imported from its history, edited or deleted, the ad or
    // product the customer came from, the group it was written in.
    origin: z.optional(text),
    edited_at: z.optional(pbDate),
    deleted_at: z.optional(pbDate),
    referral: z.optional(z.nullable(jsonObject)),
    group_id: z.optional(text),
  }),
  z.transform(({ timestamp, ...record }) => ({ ...record, at: timestamp ?? record.created ?? 0 })),
);
export type MessageRecord = z.output<typeof messageRecordSchema>;

/** An internal note: visible to the team, never sent to the customer. */
export const noteRecordSchema = z.pipe(
  z.object({ id: z.string(), conversation: z.string(), author: text, body: z.string(), created: pbDate }),
  z.transform((record) => ({ ...record, at: record.created ?? 0 })),
);
export type NoteRecord = z.output<typeof noteRecordSchema>;

export const NOTE_LIMIT = 10_000;

/** What an agent may write as a note (the notes collection caps the body at 10,000 characters). */
export const noteDraftSchema = z.object({ body: z.string().check(z.trim(), z.minLength(1, 'Write a note first.'), z.maxLength(NOTE_LIMIT)) });
