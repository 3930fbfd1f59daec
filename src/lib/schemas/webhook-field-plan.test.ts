import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWebhookParts } from './webhook';
import { planWebhook } from '../domain/inbound/plan-webhook';
import { callSummaryOf, planFieldChange, templateStatusOf, templateUpdateOf } from './webhook-field-plan';

const fixture = (name: string) => readFileSync(new URL(`../../../tests/fixtures/whatsapp/${name}`, import.meta.url), 'utf8');
const plan = (raw: string) => planWebhook(parseWebhookParts(raw), planFieldChange);

describe('planFieldChange through planWebhook', () => {
  it('turns an echo into an echo item addressed to the customer in `to`', () => {
    const { items, invalid } = plan(fixture('smb-message-echo-text.json'));
    expect(invalid).toEqual([]);
    expect(items).toMatchObject([
      {
        kind: 'echo',
        phoneNumberId: '1122334455667',
        customer: { waId: '<WHATSAPP_USER_PHONE_NUMBER>', userId: '<BSUID>' },
        message: { text: 'Test message' },
      },
    ]);
  });

  it('reads echo edits and revokes as changes of the original message', () => {
    // This sample has the business number in `to`: the customer is the other side.
    expect(plan(fixture('smb-message-echo-edit.json')).items[0]).toMatchObject({
      kind: 'echo',
      customer: { waId: '972987654321' },
      message: { change: { kind: 'edit', targetWamid: 'wamid.zzzzzz', text: 'Text was edited' } },
    });
    expect(plan(fixture('smb-message-echo-revoke.json')).items[0]).toMatchObject({
      kind: 'echo',
      message: { change: { kind: 'revoke', targetWamid: 'wamid.zzzzzz' } },
    });
  });

  it('reads template status, quality and category updates', () => {
    expect(plan(fixture('template-status-rejected.json')).items[0]).toMatchObject({
      kind: 'template-update',
      phoneNumberId: null,
      update: { metaId: '1689556908129835', status: 'rejected', metaStatus: 'REJECTED' },
    });
    expect(plan(fixture('template-quality-update.json')).items[0]).toMatchObject({ kind: 'template-update', update: { quality: 'YELLOW', status: null } });
    expect(plan(fixture('template-category-update.json')).items[0]).toMatchObject({
      kind: 'template-update',
      update: { category: 'utility', name: 'welcome_template' },
    });
  });

  it('reads marketing stop/resume, app contacts and calls', () => {
    expect(plan(fixture('user-preferences-resume.json')).items[0]).toMatchObject({
      kind: 'user-preference',
      waId: '16505551234',
      optOut: false,
      timestamp: 1731705721000,
    });
    expect(plan(fixture('smb-app-state-sync-contacts.json')).items[0]).toMatchObject({
      kind: 'app-contact',
      action: 'add',
      waId: '16505551234',
      name: 'Pablo Morales',
    });
    const call = plan(fixture('call-terminate.json'));
    expect(call.items.map((item) => item.kind)).toEqual(['account-error', 'call']);
    expect(call.items[1]).toMatchObject({
      kind: 'call',
      customer: { waId: '16315553601' },
      call: { event: 'terminate', outcome: 'completed', direction: 'out', durationSeconds: 120 },
    });
  });

  it('lists a broken sub-part as invalid and keeps the others', () => {
    const raw = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: 'W',
          changes: [
            {
              field: 'user_preferences',
              value: {
                metadata: { phone_number_id: '1' },
                user_preferences: [
                  { wa_id: '34', category: 'marketing_messages', value: 'stop', timestamp: 1 },
                  { wa_id: '35', value: 'stop' },
                ],
              },
            },
          ],
        },
      ],
    });
    const result = plan(raw);
    expect(result.items).toMatchObject([{ kind: 'user-preference', waId: '34', optOut: true }]);
    expect(result.invalid).toMatchObject([{ path: 'entry.0.changes.0.value.user_preferences.1', reason: 'invalid-preference' }]);
  });

  it('leaves fields it does not apply as other-field', () => {
    const raw = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: 'W', changes: [{ field: 'account_update', value: { event: 'X' } }] }] });
    expect(plan(raw).items).toMatchObject([{ kind: 'other-field', field: 'account_update' }]);
  });
});

describe('template statuses and calls', () => {
  it('maps Meta’s statuses to the five the desk knows; only approved ones can be sent', () => {
    expect(['APPROVED', 'FLAGGED', 'REINSTATED'].map(templateStatusOf)).toEqual(['approved', 'approved', 'approved']);
    expect(['PAUSED', 'DISABLED', 'REJECTED', 'IN_APPEAL', 'SOMETHING_NEW'].map(templateStatusOf)).toEqual(['paused', 'disabled', 'rejected', 'pending', null]);
    expect(templateUpdateOf({ event: 'APPROVED', reason: 'NONE', message_template_name: 'a' }).reason).toBe('');
  });

  it('tells a missed call from a completed one', () => {
    expect(callSummaryOf({ id: 'c', event: 'terminate', status: 'FAILED', direction: 'USER_INITIATED', duration: 0, timestamp: 1 })?.outcome).toBe('missed');
    expect(callSummaryOf({ id: 'c', event: 'terminate', status: 'FAILED', direction: 'USER_INITIATED', duration: 12, timestamp: 1 })?.outcome).toBe('failed');
    expect(callSummaryOf({ id: 'c', event: 'terminate', status: 'FAILED', direction: 'BUSINESS_INITIATED', timestamp: 1 })?.outcome).toBe('failed');
    expect(callSummaryOf({ id: 'c', event: 'terminate', status: 'REJECTED', direction: 'USER_INITIATED', timestamp: 1 })?.outcome).toBe('missed');
    expect(callSummaryOf({ id: 'c', event: 'connect', direction: 'USER_INITIATED', timestamp: 1 })).toMatchObject({ outcome: 'ringing', direction: 'in' });
    expect(callSummaryOf({ id: 'c', event: 'permission', timestamp: 1 })).toBeNull();
  });
});
