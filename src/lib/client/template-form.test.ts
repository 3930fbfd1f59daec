import { describe, expect, it } from 'vitest';
import { checkTemplateDraft, componentsOf, templateAdminRecordSchema, templateFormDraftOf } from './template-form';

const synced = templateAdminRecordSchema.parse({
  id: 't1',
  name: 'order_ready',
  language: 'en',
  category: 'utility',
  parameter_format: 'named',
  status: 'approved',
  components: [
    { type: 'HEADER', format: 'IMAGE', example: { header_handle: ['x'] } },
    { type: 'BODY', text: 'Hi {{customer_name}}' },
    { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'OK' }] },
  ],
});

describe('templateFormDraftOf / componentsOf', () => {
  it('edits the texts and keeps components it has no input for, in Meta’s order', () => {
    const draft = templateFormDraftOf(synced);
    expect(draft.body).toBe('Hi {{customer_name}}');
    draft.footer = 'Reply STOP to opt out';
    expect(componentsOf(draft).map((c) => c.type)).toEqual(['HEADER', 'BODY', 'FOOTER', 'BUTTONS']);
    expect(componentsOf(draft)[0]).toEqual(synced.components[0]);
  });

  it('leaves an empty header and footer out', () => {
    expect(componentsOf({ ...templateFormDraftOf(null), body: 'Hello' })).toEqual([{ type: 'BODY', text: 'Hello' }]);
  });
});

describe('checkTemplateDraft', () => {
  it('accepts a named template', () => {
    expect(checkTemplateDraft({ ...templateFormDraftOf(null), name: 'welcome', header: 'Hi', body: 'Hello {{customer_name}}' }).ok).toBe(true);
  });

  it('puts placeholder and length problems on the input that wrote them', () => {
    const draft = { ...templateFormDraftOf(null), name: 'Welcome!', parameter_format: 'positional', header: 'x'.repeat(61), body: 'Hello {{2}}' };
    const checked = checkTemplateDraft(draft);
    expect(checked.ok ? {} : Object.fromEntries(Object.entries(checked.errors).map(([k, v]) => [k, v.code]))).toEqual({
      name: 'invalid-format',
      header: 'text-too-long',
      body: 'parameter-gap',
    });
  });

  it('asks for a body', () => {
    const checked = checkTemplateDraft({ ...templateFormDraftOf(null), name: 'empty' });
    expect(checked.ok ? {} : checked.errors.body?.code).toBe('missing-body');
  });
});
