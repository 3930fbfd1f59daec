import { describe, expect, it } from 'vitest';
import { pulledTemplateOf, templatePageOf } from './graph-templates';

// Shaped like Meta's answer to GET /{waba-id}/message_templates (developers.facebook.com, "Message Templates").
const rejected = {
  id: '594425479261596',
  name: 'spring_sale',
  language: 'en_US',
  status: 'REJECTED',
  category: 'MARKETING',
  components: [{ type: 'BODY', text: 'Everything 50% off!' }],
  quality_score: { score: 'UNKNOWN', date: 1700000000 },
  rejected_reason: 'PROMOTIONAL',
};

describe('pulledTemplateOf', () => {
  it('maps Meta’s template to the templates collection’s fields', () => {
    expect(pulledTemplateOf(rejected)).toEqual({
      meta_id: '594425479261596',
      name: 'spring_sale',
      language: 'en_US',
      category: 'marketing',
      parameter_format: 'positional',
      components: rejected.components,
      status: 'rejected',
      meta_status: 'REJECTED',
      status_reason: 'PROMOTIONAL',
      quality: 'UNKNOWN',
    });
  });

  it.each([
    ['APPROVED', 'approved'],
    ['PAUSED', 'paused'],
    ['PENDING', 'pending'],
    ['IN_APPEAL', 'pending'],
    ['DISABLED', 'disabled'],
    ['PENDING_DELETION', 'disabled'],
    ['SOMETHING_NEW', 'disabled'],
  ])('reads status %s as %s', (status, expected) => {
    expect(pulledTemplateOf({ ...rejected, status, rejected_reason: 'NONE' })).toMatchObject({ status: expected, status_reason: '' });
  });

  it('reads a named template and refuses one it cannot store', () => {
    expect(pulledTemplateOf({ ...rejected, parameter_format: 'NAMED' })?.parameter_format).toBe('named');
    expect(pulledTemplateOf({ ...rejected, category: 'TRANSACTIONAL' })).toBeNull();
    expect(pulledTemplateOf({ ...rejected, name: 'Has Spaces' })).toBeNull();
    expect(pulledTemplateOf({ name: 'x' })).toBeNull();
  });
});

describe('templatePageOf', () => {
  it('gives the after cursor while Meta says there is a next page', () => {
    const page = templatePageOf({
      data: [rejected, { broken: true }],
      paging: { cursors: { before: 'b1', after: 'a1' }, next: 'https://graph.facebook.com/v23.0/1/message_templates?after=a1' },
    });
    expect(page).toEqual({ templates: [expect.objectContaining({ name: 'spring_sale' })], skipped: 1, after: 'a1' });
  });

  it('stops on the last page, which still carries cursors but no next', () => {
    expect(templatePageOf({ data: [rejected], paging: { cursors: { before: 'b1', after: 'a1' } } })?.after).toBeNull();
    expect(templatePageOf({ data: [] })?.after).toBeNull();
  });

  it('refuses a body that is not Meta’s list', () => {
    expect(templatePageOf({ error: { code: 190 } })).toBeNull();
  });
});
