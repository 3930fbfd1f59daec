import * as z from 'zod/mini';

// Stored in `channels.auto_replies`. Every field has a default so `{}` is a working configuration and an older
// document gains new fields on read. An empty `text` means "the built-in text in the channel's language"
// (src/lib/domain/autoreply/reply-texts.ts), so a Spanish channel answers in Spanish without any setup.

/** Longest text an admin may write; variables expand within WhatsApp's 4096-character limit. */
export const AUTO_REPLY_TEXT_LIMIT = 1024;

const text = z._default(z.string().check(z.trim(), z.maxLength(AUTO_REPLY_TEXT_LIMIT)), '');

/** What an out-of-hours reply offers instead of waiting: FAQ keywords to type, a help link, or both. */
export const selfServiceSchema = z.prefault(
  z.object({
    /** FAQ keywords suggested to the customer ("type prices or shipping for instant answers"). */
    keywords: z._default(z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(40))).check(z.maxLength(10)), () => []),
    /** A help page; '' for none. */
    link: z._default(
      z.string().check(
        z.trim(),
        z.maxLength(500),
        z.refine((v: string) => v === '' || /^https?:\/\/\S+$/i.test(v), { error: 'Use a full http(s) address.', params: { code: 'invalid-link' } }),
      ),
      '',
    ),
  }),
  {},
);

/** A channel's automatic replies. */
export const autoRepliesSettingsSchema = z.object({
  /** Sent on a customer's first ever message on the channel. */
  greeting: z.prefault(z.object({ enabled: z._default(z.boolean(), true), text }), {}),
  /** Sent once per closed period per conversation while the channel is closed. */
  outOfHours: z.prefault(
    z.object({
      enabled: z._default(z.boolean(), true),
      text,
      // An agent who is still answering after hours makes "we are closed" wrong; 0 never suppresses.
      suppressAfterAgentReplyMinutes: z._default(z.number().check(z.int(), z.gte(0), z.lte(1440)), 30),
      selfService: selfServiceSchema,
    }),
    {},
  ),
  /** Sent when an agent takes the conversation ("{{agent_name}} will help you shortly"). */
  afterAssign: z.prefault(z.object({ enabled: z._default(z.boolean(), false), text }), {}),
});
export type AutoRepliesSettings = z.infer<typeof autoRepliesSettingsSchema>;
export type AutoRepliesSettingsInput = z.input<typeof autoRepliesSettingsSchema>;

/** The auto-replies a channel starts with. */
export const DEFAULT_AUTO_REPLIES: AutoRepliesSettings = autoRepliesSettingsSchema.parse({});
