import { describe, expect, it } from 'vitest';
import { checkLabelDraft, labelDraftOf } from './label-draft';

describe('label drafts', () => {
  it('sends the trimmed name and the colour only when it is used', () => {
    expect(checkLabelDraft({ name: ' vip ', color: '#aa0000', colored: true })).toEqual({ ok: true, input: { name: 'vip', color: '#aa0000' } });
    expect(checkLabelDraft({ ...labelDraftOf(null), name: 'billing' })).toEqual({ ok: true, input: { name: 'billing', color: '' } });
  });

  it.each([
    ['an empty name', { name: '  ', color: '', colored: false }, 'name', 'too-small'],
    ['a colour that is not #rrggbb', { name: 'x', color: 'red;}', colored: true }, 'color', 'invalid-color'],
  ])('refuses %s beside its field', (_case, draft, field, code) => {
    expect(checkLabelDraft(draft)).toMatchObject({ ok: false, errors: { [field]: { code } } });
  });
});
