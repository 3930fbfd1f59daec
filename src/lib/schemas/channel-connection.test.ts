import { describe, expect, it } from 'vitest';
import { accessTokenSchema, channelConnectionSchema, connectionCheckSchema, existingChannelSchema, newChannelSchema } from './channel-connection';

const codesOf = (result: { success: boolean; error?: { issues: ReadonlyArray<{ path: PropertyKey[]; params?: Record<string, unknown> }> } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.params?.code]));

describe('channel connection schemas', () => {
  it('trims the fields and fills the defaults of a number connected before the WABA id was asked', () => {
    const parsed = channelConnectionSchema.parse({ name: '  Shop  ', phone_number_id: ' 106540352242922 ', timezone: ' Europe/Madrid ' });
    expect(parsed).toEqual({
      name: 'Shop',
      phone_number_id: '106540352242922',
      waba_id: '',
      timezone: 'Europe/Madrid',
      disabled: false,
      coexistence: false,
      coexistence_agent: '',
    });
  });

  it('names each field that is wrong with its own code', () => {
    const result = channelConnectionSchema.safeParse({ name: ' ', phone_number_id: '12ab', waba_id: '99', timezone: '' });
    expect(codesOf(result)).toEqual({
      name: 'name-required',
      phone_number_id: 'invalid-phone-number-id',
      waba_id: 'invalid-waba-id',
      timezone: 'timezone-required',
    });
  });

  it('asks a new number for its WABA id and a token, and keeps the stored token of an existing one when left empty', () => {
    const fields = { name: 'Shop', phone_number_id: '106540352242922', timezone: 'UTC' };
    expect(codesOf(newChannelSchema.safeParse({ ...fields, waba_id: '', access_token: '' }))).toEqual({
      waba_id: 'waba-id-required',
      access_token: 'access-token-required',
    });
    expect(existingChannelSchema.safeParse({ ...fields, access_token: '' }).success).toBe(true);
    expect(codesOf(existingChannelSchema.safeParse({ ...fields, access_token: 'has spaces in it' }))).toEqual({ access_token: 'invalid-access-token' });
    expect(accessTokenSchema.safeParse('EAAGm0PX4ZCpsBA').success).toBe(true);
  });

  it('reads a stored connection check with the fields it lacks defaulted', () => {
    expect(connectionCheckSchema.parse({ reason: 'ok', at: '2026-12-07T10:00:00Z' })).toEqual({
      reason: 'ok',
      at: '2026-12-07T10:00:00Z',
      code: null,
      subcode: null,
      metaMessage: '',
      displayPhoneNumber: '',
      verifiedName: '',
      qualityRating: '',
    });
  });
});
