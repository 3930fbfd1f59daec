import { z } from 'zod';

// A WhatsApp number as an admin connects it: the setup screen and the channel form check with these schemas before
// sending, and the server's guard on `channels` checks every create and update with the same one.

const digits = (code: string, message: string) =>
  z
    .string()
    .trim()
    .refine((value) => /^[0-9]{5,20}$/.test(value), { message, params: { code } });

/** The channel's own fields. The WABA id may be empty on the server: numbers connected before it was asked have none. */
export const channelConnectionSchema = z.object({
  name: z
    .string()
    .trim()
    .refine((value) => value.length >= 1 && value.length <= 100, {
      message: 'Give the number a name of up to 100 characters.',
      params: { code: 'name-required' },
    }),
  phone_number_id: digits('invalid-phone-number-id', 'The phone number id is the long number (digits only) Meta shows under the number.'),
  waba_id: z.union([z.literal(''), digits('invalid-waba-id', 'The WhatsApp Business Account id is a number (digits only).')]).default(''),
  timezone: z
    .string()
    .trim()
    .refine((value) => value.length >= 1 && value.length <= 64, { message: 'Choose a time zone.', params: { code: 'timezone-required' } }),
  disabled: z.boolean().default(false),
  /** Coexistence: the number is also used in the WhatsApp Business app; its replies there are this agent's. */
  coexistence: z.boolean().default(false),
  coexistence_agent: z.string().default(''),
});
export type ChannelConnectionInput = z.infer<typeof channelConnectionSchema>;

/** An access token as written: write-only, so an empty value means "keep the one stored". */
export const accessTokenSchema = z.string().refine((value) => value === '' || /^\S{8,1000}$/.test(value), {
  message: 'An access token is one long word without spaces.',
  params: { code: 'invalid-access-token' },
});

/** What the form sends for a new number: the WABA id and a token are required there. */
export const newChannelSchema = channelConnectionSchema.extend({
  waba_id: digits('invalid-waba-id', 'The WhatsApp Business Account id is a number (digits only).'),
  access_token: accessTokenSchema.refine((value) => value !== '', { message: 'Paste the access token from Meta.', params: { code: 'access-token-required' } }),
});

/** The outcome of the last "Check connection", as the server stores and answers it (no secret in it). */
export const connectionCheckSchema = z.object({
  reason: z.string(),
  at: z.string(),
  code: z.number().nullable().default(null),
  subcode: z.number().nullable().default(null),
  metaMessage: z.string().default(''),
  displayPhoneNumber: z.string().default(''),
  verifiedName: z.string().default(''),
  qualityRating: z.string().default(''),
});
export type ConnectionCheck = z.infer<typeof connectionCheckSchema>;

/** GET /api/pocketdesk/channels/{id}/connection (admins). */
export const channelConnectionStateSchema = z.object({
  verifyToken: z.string(),
  webhookVerifiedAt: z.string().nullable(),
  accessTokenSet: z.boolean(),
  disabled: z.boolean(),
  check: connectionCheckSchema.nullable(),
});
export type ChannelConnectionState = z.infer<typeof channelConnectionStateSchema>;
