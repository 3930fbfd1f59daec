// zod/mini, like webhook.ts: these run in PocketBase's VM on every delivery of the fields beyond `messages`.
import * as z from 'zod/mini';
import { COLUMN_LIMITS as LIMIT } from '../domain/inbound/column-limits';
import { graphErrorSchema, inboundMessageSchema, metadataSchema, unixSeconds, webhookContactSchema } from './webhook';

// The fields of issue #19 (Coexistence, templates, opt-outs, calls). Every object is loose: Meta adds keys.

/** `smb_message_echoes`: what the owner sent from the WhatsApp Business app; a message addressed `to` the customer. */
export const messageEchoSchema = z.extend(inboundMessageSchema, {
  to: z.optional(z.string().check(z.maxLength(LIMIT.waId))),
  to_user_id: z.optional(z.string().check(z.maxLength(LIMIT.userId))),
  to_parent_user_id: z.optional(z.string().check(z.maxLength(LIMIT.userId))),
});
export type MessageEcho = z.infer<typeof messageEchoSchema>;

export const echoesValueSchema = z.looseObject({
  metadata: metadataSchema,
  contacts: z.optional(z.array(webhookContactSchema)),
  message_echoes: z.optional(z.array(z.unknown())),
  errors: z.optional(z.array(graphErrorSchema)),
});

/** `message_template_status_update`, `message_template_quality_update`, `template_category_update`. */
export const templateUpdateSchema = z.looseObject({
  message_template_id: z.optional(z.union([z.int(), z.string().check(z.maxLength(64))])),
  message_template_name: z.optional(z.string().check(z.maxLength(512))),
  message_template_language: z.optional(z.string().check(z.maxLength(16))),
  event: z.optional(z.string().check(z.maxLength(40))),
  // Meta sends `reason: null` with a pause; the pause or lock is explained in `other_info` instead.
  reason: z.optional(z.union([z.string(), z.literal(null)])),
  rejection_info: z.optional(z.looseObject({ reason: z.optional(z.string()), recommendation: z.optional(z.string()) })),
  other_info: z.optional(z.looseObject({ title: z.optional(z.string()), description: z.optional(z.string()) })),
  message_template_category: z.optional(z.string()),
  new_quality_score: z.optional(z.string().check(z.maxLength(20))),
  new_category: z.optional(z.string()),
  correct_category: z.optional(z.string()),
  category_update_timestamp: z.optional(unixSeconds),
});
export type TemplateUpdateValue = z.infer<typeof templateUpdateSchema>;

/** `user_preferences`: a customer stopped or resumed marketing messages. */
export const userPreferenceSchema = z.looseObject({
  wa_id: z.optional(z.string().check(z.maxLength(LIMIT.waId))),
  user_id: z.optional(z.string().check(z.maxLength(LIMIT.userId))),
  category: z.string(),
  value: z.string(),
  timestamp: unixSeconds,
});
export type UserPreference = z.infer<typeof userPreferenceSchema>;

/** `smb_app_state_sync`: a contact added, renamed or removed in the Business app. */
export const stateSyncSchema = z.looseObject({
  type: z.string(),
  action: z.string(),
  contact: z.optional(
    z.looseObject({
      full_name: z.optional(z.string()),
      first_name: z.optional(z.string()),
      phone_number: z.string().check(z.minLength(1), z.maxLength(LIMIT.waId)),
    }),
  ),
  metadata: z.optional(z.looseObject({ timestamp: z.optional(unixSeconds) })),
});
export type StateSync = z.infer<typeof stateSyncSchema>;

/** `calls`: the Calling API's connect and terminate events. */
export const callSchema = z.looseObject({
  id: z.string().check(z.minLength(1), z.maxLength(LIMIT.wamid)),
  event: z.string(),
  from: z.optional(z.string().check(z.maxLength(LIMIT.waId))),
  to: z.optional(z.string().check(z.maxLength(LIMIT.waId))),
  direction: z.optional(z.string()),
  timestamp: unixSeconds,
  status: z.optional(z.string()),
  duration: z.optional(z.number()),
});
export type CallEvent = z.infer<typeof callSchema>;

/** `history`: past chats shared on onboarding, in chunks; each thread is one customer's (`id`: their number). */
export const historyChunkSchema = z.looseObject({
  metadata: z.optional(z.looseObject({ phase: z.optional(z.int()), chunk_order: z.optional(z.int()), progress: z.optional(z.number()) })),
  threads: z.optional(z.array(z.looseObject({ id: z.string().check(z.maxLength(LIMIT.waId)), messages: z.array(z.unknown()) }))),
  // A business that declines to share its history gets a chunk with only `errors` (code 2593109).
  errors: z.optional(z.array(z.unknown())),
});
