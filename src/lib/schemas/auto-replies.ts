import { z } from 'zod';

// Stored in `channels.auto_replies`. Every field has a default so `{}` is a working configuration and an older
// document gains new fields on read. An empty `text` means "the built-in text in the channel's language"
// (src/lib/domain/autoreply/reply-texts.ts), so a Spanish channel answers in Spanish without any setup.

/** Longest text an admin may write; variables expand within WhatsApp's 4096-character limit. */
export const AUTO_REPLY_TEXT_LIMIT = 1024;

const text = z.string().trim().max(AUTO_REPLY_TEXT_LIMIT).default('');

/** What an out-of-hours reply offers instead of waiting: FAQ keywords to type, a help link, or both. */
export const selfServiceSchema = z
  .object({
    /** FAQ keywords suggested to the customer ("type prices or shipping for instant answers"). */
    keywords: z.array(z.string().trim().min(1).max(40)).max(10).default(() => []),
    /** A help page; '' for none. */
    link: z
      .string()
      .trim()
      .max(500)
      .refine((v) => v === '' || /^https?:\/\/\S+$/i.test(v), { error: 'Use a full http(s) address.', params: { code: 'invalid-link' } })
      .default(''),
  })
  .prefault({});

/** A channel's automatic replies. */
export const autoRepliesSettingsSchema = z.object({
  /** Sent on a customer's first ever message on the channel. */
  greeting: z.object({ enabled: z.boolean().default(true), text }).prefault({}),
  /** Sent once per closed period per conversation while the channel is closed. */
  outOfHours: z
    .object({
      enabled: z.boolean().default(true),
      text,
      // An agent who is still answering after hours makes "we are closed" wrong; 0 never suppresses.
      suppressAfterAgentReplyMinutes: z.number().int().min(0).max(1440).default(30),
      selfService: selfServiceSchema,
    })
    .prefault({}),
  /** Sent when an agent takes the conversation ("{{agent_name}} will help you shortly"). */
  afterAssign: z.object({ enabled: z.boolean().default(false), text }).prefault({}),
});
export type AutoRepliesSettings = z.infer<typeof autoRepliesSettingsSchema>;
export type AutoRepliesSettingsInput = z.input<typeof autoRepliesSettingsSchema>;

/** The auto-replies a channel starts with. */
export const DEFAULT_AUTO_REPLIES: AutoRepliesSettings = autoRepliesSettingsSchema.parse({});
