import { describe, expect, it } from 'vitest';
import en from '../i18n/en/admin';
import es from '../i18n/es/admin';
import { templateReviewSentence } from './template-pull';

describe.each([
  ['en', en.admin.templatePull],
  ['es', es.admin.templatePull],
])('templateReviewSentence (%s)', (_, words) => {
  it('says nothing for an approved template', () => {
    expect(templateReviewSentence({ status: 'approved', status_reason: '' }, words)).toBe('');
  });

  it.each(['paused', 'pending', 'disabled'] as const)('explains a %s template', (status) => {
    expect(templateReviewSentence({ status }, words)).toBe(words[status]);
  });

  it('names Meta’s rejection reason in words, and quotes one it does not know', () => {
    expect(templateReviewSentence({ status: 'rejected', status_reason: 'PROMOTIONAL' }, words)).toBe(words.rejectedReasons.PROMOTIONAL);
    expect(templateReviewSentence({ status: 'rejected', status_reason: 'NEW_REASON' }, words)).toContain('NEW_REASON');
    expect(templateReviewSentence({ status: 'rejected', status_reason: '' }, words)).toBe(words.rejected);
  });

  it('says a template gone from Meta is gone, whatever its last status', () => {
    expect(templateReviewSentence({ status: 'disabled', removed_at: '2026-12-07 09:00:00.000Z' }, words)).toBe(words.removed);
  });
});
