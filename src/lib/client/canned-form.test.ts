import { describe, expect, it } from 'vitest';
import { cannedDraftOf, checkCannedDraft } from './canned-form';

describe('checkCannedDraft', () => {
  it('trims and sends a valid reply', () => {
    expect(checkCannedDraft({ shortcut: ' refund ', title: 'Refund', body: ' We refunded {{customer_name}}. ', language: 'en' })).toEqual({
      ok: true,
      input: { shortcut: 'refund', title: 'Refund', body: 'We refunded {{customer_name}}.', language: 'en' },
    });
  });

  it.each([
    [{ shortcut: 'Refund Now' }, 'shortcut', 'invalid-format'],
    [{ shortcut: '' }, 'shortcut', 'too-small'],
    [{ body: '   ' }, 'body', 'too-small'],
  ])('refuses %j on %s', (change, field, code) => {
    const checked = checkCannedDraft({ ...cannedDraftOf(null), shortcut: 'ok', body: 'Hi', ...change });
    expect(checked.ok ? {} : checked.errors).toEqual({ [field]: { code, message: expect.any(String) } });
  });
});
