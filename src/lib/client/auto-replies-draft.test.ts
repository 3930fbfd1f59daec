import { describe, expect, it } from 'vitest';
import { autoRepliesSettingsSchema, DEFAULT_AUTO_REPLIES } from '../schemas/auto-replies';
import { autoRepliesDraftOf, autoRepliesFormErrors, autoRepliesInputOf, builtInText, checkAutoRepliesDraft, replyPreview } from './auto-replies-draft';

const sample = {
  customer_name: 'Ana',
  agent_name: 'Ben',
  opens_at: 'Monday 09:00',
  business_name: 'Corner Shop',
  channel_name: 'Shop',
  business_hours: 'Mon–Fri 09:00–18:00',
};

describe('autoRepliesDraftOf / autoRepliesInputOf', () => {
  it('round-trips stored replies and reads the channel language as a reply language', () => {
    const stored = {
      greeting: { enabled: false, text: 'Hola {{customer_name}}' },
      outOfHours: { suppressAfterAgentReplyMinutes: 0, selfService: { keywords: ['precios', 'envíos'], link: 'https://help.example' } },
    };
    const draft = autoRepliesDraftOf(stored, 'es-CO');
    expect(draft.language).toBe('es');
    expect(draft.outOfHours.keywords).toBe('precios, envíos');
    expect(autoRepliesSettingsSchema.parse(autoRepliesInputOf(draft))).toEqual(autoRepliesSettingsSchema.parse(stored));
  });

  it('starts from the defaults when nothing is stored', () => {
    expect(autoRepliesSettingsSchema.parse(autoRepliesInputOf(autoRepliesDraftOf(null, '')))).toEqual(DEFAULT_AUTO_REPLIES);
  });
});

describe('checkAutoRepliesDraft', () => {
  it('puts a bad help link and a cleared number on their inputs', () => {
    const draft = autoRepliesDraftOf(null, 'en');
    draft.outOfHours.link = 'help.example';
    draft.outOfHours.suppressAfterAgentReplyMinutes = null;
    const checked = checkAutoRepliesDraft(draft);
    expect(checked.ok ? {} : checked.errors).toEqual({
      'outOfHours.link': { code: 'invalid-link', message: expect.any(String) },
      'outOfHours.suppressAfterAgentReplyMinutes': { code: 'invalid-type', message: expect.any(String) },
    });
  });

  it('puts an over-long keyword on the keywords input', () => {
    const draft = autoRepliesDraftOf(null, 'en');
    draft.outOfHours.keywords = `ok, ${'x'.repeat(41)}`;
    const checked = checkAutoRepliesDraft(draft);
    expect(checked.ok ? [] : Object.keys(checked.errors)).toEqual(['outOfHours.keywords']);
  });
});

describe('autoRepliesFormErrors', () => {
  it('maps the server’s self-service paths onto the out-of-hours inputs', () => {
    expect(Object.keys(autoRepliesFormErrors({ 'outOfHours.selfService.keywords.1': { code: 'invalid-value', message: '' } }))).toEqual([
      'outOfHours.keywords',
    ]);
  });
});

describe('replyPreview', () => {
  it('fills the variables into the admin’s text', () => {
    expect(replyPreview('greeting', 'Hi {{customer_name}}, {{agent_name}} here at {{channel_name}}.', 'en', sample)).toBe('Hi Ana, Ben here at Shop.');
  });

  it('uses the built-in text in the reply language when the text is empty', () => {
    expect(builtInText('after-assign', 'es')).toContain('{{agent_name}}');
    expect(replyPreview('after-assign', '  ', 'es', sample)).toBe('Ben te atenderá en breve.');
  });
});
