// zod/mini like the other schemas the hooks load: full zod in the hooks' bundle is evaluated by every pooled VM.
import * as z from 'zod/mini';
// A WhatsApp number as an admin connects it: the setup screen and the channel form check with these schemas before
// sending, and the server's guard on `channels` checks every create and update with the same one.

const digits = (code: string, message: string) =>
  z.string().check(
    z.trim(),
    z.refine((value) => /^[0-9]{5,20}$/.test(value), { message, params: { code } }),
  );

/** The channel's own fields. The WABA id may be empty on the server: numbers connected before it was asked have none. */
export const channelConnectionSchema = z.object({
  name: z.string().check(
    z.trim(),
    z.refine((value) => value.length >= 1 && value.length <= 100, {
      message: 'Give the number a name of up to 100 characters.',
      params: { code: 'name-required' },
    }),
  ),
  phone_number_id: digits('invalid-phone-number-id', 'The phone number id is the long number (digits only) Meta shows under the number.'),
  waba_id: z._default(
    z.pipe(z.string().check(z.trim()), z.union([z.literal(''), digits('invalid-waba-id', 'The WhatsApp Business Account id is a number (digits only).')])),
    '',
  ),
  timezone: z.string().check(
    z.trim(),
    z.refine((value) => value.length >= 1 && value.length <= 64, { message: 'Choose a time zone.', params: { code: 'timezone-required' } }),
  ),
  disabled: z._default(z.boolean(), false),
  /** Coexistence: the number is also used in the WhatsApp Business app; its replies there are this agent's. */
  coexistence: z._default(z.boolean(), false),
  coexistence_agent: z._default(z.string(), ''),
});
export type ChannelConnectionInput = z.infer<typeof channelConnectionSchema>;

/** An access token as written: write-only, so an empty value means "keep the one stored". */
export const accessTokenSchema = z.string().check(
  z.refine((value) => value === '' || /^\S{8,1000}$/.test(value), {
    message: 'An access token is one long word without spaces.',
    params: { code: 'invalid-access-token' },
  }),
);

export const WABA_ID_REQUIRED = { code: 'waba-id-required', message: 'Enter the WhatsApp Business Account id Meta shows for the number.' };

/**
 * A new number needs its WABA id, and a number that has one cannot lose it; a number connected before the id was
 * asked (`previous` '') keeps working without one. `previous` is null for a new number.
 */
export function isWabaIdMissing(wabaId: string, previous: string | null): boolean {
  return wabaId.trim() === '' && (previous === null || previous !== '');
}

/** What the form sends for a new number: the WABA id and a token are required there. */
export const newChannelSchema = z.extend(channelConnectionSchema, {
  waba_id: z.string().check(
    z.trim(),
    z.refine((value) => !isWabaIdMissing(value, null), { message: WABA_ID_REQUIRED.message, params: { code: WABA_ID_REQUIRED.code }, abort: true }),
    z.refine((value) => /^[0-9]{5,20}$/.test(value), {
      message: 'The WhatsApp Business Account id is a number (digits only).',
      params: { code: 'invalid-waba-id' },
    }),
  ),
  access_token: accessTokenSchema.check(
    z.refine((value) => value !== '', { message: 'Paste the access token from Meta.', params: { code: 'access-token-required' } }),
  ),
});

/** What the form sends for a number already connected: an empty token keeps the stored one. */
export const existingChannelSchema = z.extend(channelConnectionSchema, { access_token: accessTokenSchema });

/** The outcome of the last "Check connection", as the server stores and answers it (no secret in it). */
export const connectionCheckSchema = z.object({
  reason: z.string(),
  at: z.string(),
  code: z._default(z.nullable(z.number()), null),
  subcode: z._default(z.nullable(z.number()), null),
  metaMessage: z._default(z.string(), ''),
  displayPhoneNumber: z._default(z.string(), ''),
  verifiedName: z._default(z.string(), ''),
  qualityRating: z._default(z.string(), ''),
});
export type ConnectionCheck = z.infer<typeof connectionCheckSchema>;

/** GET /api/pocketdesk/channels/{id}/connection (admins). */
export const channelConnectionStateSchema = z.object({
  verifyToken: z.string(),
  webhookVerifiedAt: z.nullable(z.string()),
  accessTokenSet: z.boolean(),
  disabled: z.boolean(),
  check: z.nullable(connectionCheckSchema),
});
export type ChannelConnectionState = z.infer<typeof channelConnectionStateSchema>;
