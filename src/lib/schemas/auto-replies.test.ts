import { describe, expect, it } from 'vitest';
import { autoRepliesSettingsSchema, DEFAULT_AUTO_REPLIES } from './auto-replies';

const codesOf = (input: unknown) => {
  const parsed = autoRepliesSettingsSchema.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.code === 'custom' ? i.params?.code : i.code]));
};

describe('autoRepliesSettingsSchema', () => {
  it('fills every field from an empty document', () => {
    expect(DEFAULT_AUTO_REPLIES).toEqual({
      greeting: { enabled: true, text: '' },
      outOfHours: { enabled: true, text: '', suppressAfterAgentReplyMinutes: 30, selfService: { keywords: [], link: '' } },
      afterAssign: { enabled: false, text: '' },
    });
  });

  it('keeps what an admin set and fills the rest', () => {
    expect(
      autoRepliesSettingsSchema.parse({
        outOfHours: { suppressAfterAgentReplyMinutes: 0, selfService: { link: ' https://help.example.com ' } },
        afterAssign: { enabled: true },
      }),
    ).toMatchObject({
      greeting: { enabled: true },
      outOfHours: { enabled: true, suppressAfterAgentReplyMinutes: 0, selfService: { keywords: [], link: 'https://help.example.com' } },
      afterAssign: { enabled: true, text: '' },
    });
  });

  it.each([
    ['a negative suppression window', { outOfHours: { suppressAfterAgentReplyMinutes: -1 } }, { 'outOfHours.suppressAfterAgentReplyMinutes': 'too_small' }],
    [
      'a fractional suppression window',
      { outOfHours: { suppressAfterAgentReplyMinutes: 1.5 } },
      { 'outOfHours.suppressAfterAgentReplyMinutes': 'invalid_type' },
    ],
    ['a link that is not a web address', { outOfHours: { selfService: { link: 'javascript:alert(1)' } } }, { 'outOfHours.selfService.link': 'invalid-link' }],
    ['an empty keyword', { outOfHours: { selfService: { keywords: ['  '] } } }, { 'outOfHours.selfService.keywords.0': 'too_small' }],
    ['a text past the limit', { greeting: { text: 'x'.repeat(1025) } }, { 'greeting.text': 'too_big' }],
    ['a flag that is not a boolean', { afterAssign: { enabled: 'yes' } }, { 'afterAssign.enabled': 'invalid_type' }],
  ])('refuses %s', (_, input, expected) => {
    expect(codesOf(input)).toEqual(expected);
  });
});
