import { describe, expect, it } from 'vitest';
import { parseWebhookParts } from '../../schemas/webhook';
import { planWebhook } from './plan-webhook';

const change = (field: string, value: Record<string, unknown>) => ({ field, value });
const plan = (...entries: Array<Array<ReturnType<typeof change>>>) =>
  planWebhook(parseWebhookParts(JSON.stringify({ object: 'whatsapp_business_account', entry: entries.map((changes, i) => ({ id: `waba${i}`, changes })) })));
const metadata = (pnid: string) => ({ phone_number_id: pnid, display_phone_number: '1' });
const text = (id: string, from: string, body = id) => ({ id, from, timestamp: '1700000000', type: 'text', text: { body } });
const pathsOf = (parts: Array<{ path: string }>) => parts.map((part) => part.path);

describe('planWebhook', () => {
  it('walks every entry, change, message and status of a batch', () => {
    const result = plan(
      [
        change('messages', {
          metadata: metadata('1'),
          contacts: [{ wa_id: '1', profile: { name: 'A' } }, { wa_id: '2' }],
          messages: [text('m1', '1'), text('m2', '2')],
        }),
      ],
      [
        change('messages', { metadata: metadata('2'), statuses: [{ id: 'o1', status: 'read', timestamp: '1700000001' }] }),
        change('messages', { metadata: metadata('2'), errors: [{ code: 130429, title: 'Rate limit hit' }] }),
      ],
    );
    expect(result.invalid).toEqual([]);
    expect(result.items.map((item) => item.kind)).toEqual(['message', 'message', 'status', 'account-error']);
    expect(pathsOf(result.items)).toEqual([
      'entry.0.changes.0.value.messages.0',
      'entry.0.changes.0.value.messages.1',
      'entry.1.changes.0.value.statuses.0',
      'entry.1.changes.1.value.errors.0',
    ]);
    expect(result.phoneNumberIds).toEqual(['1', '2']);
    const second = result.items[1];
    expect(second.kind === 'message' && second.customer.waId).toBe('2');
  });

  it('keeps unknown fields as items instead of failing', () => {
    expect(plan([change('account_update', { event: 'VOLUME_BASED_PRICING_TIER_UPDATE' })])).toMatchObject({
      items: [{ kind: 'other-field', field: 'account_update', path: 'entry.0.changes.0' }],
      invalid: [],
    });
  });

  it('records an invalid message by its path and still plans the rest of its change', () => {
    const result = plan([change('messages', { metadata: metadata('1'), messages: [{ id: 'm1', type: 'text' }, text('m2', '2')] })]);
    expect(result.invalid).toMatchObject([{ path: 'entry.0.changes.0.value.messages.0', reason: 'invalid-message' }]);
    expect(result.invalid[0].detail).toMatch(/^timestamp/);
    expect(pathsOf(result.items)).toEqual(['entry.0.changes.0.value.messages.1']);
  });

  it('records a message with no sender at all', () => {
    const result = plan([change('messages', { metadata: metadata('1'), messages: [{ id: 'm1', timestamp: '1', type: 'text', text: { body: 'x' } }] })]);
    expect(result).toMatchObject({ items: [], invalid: [{ path: 'entry.0.changes.0.value.messages.0', reason: 'no-sender' }] });
  });

  it('records a change without a business number as one invalid part', () => {
    const result = plan([change('messages', { messages: [text('m1', '1')] }), change('messages', { metadata: metadata('1'), messages: [text('m2', '1')] })]);
    expect(result.invalid).toMatchObject([{ path: 'entry.0.changes.0.value', reason: 'invalid-metadata' }]);
    expect(pathsOf(result.items)).toEqual(['entry.0.changes.1.value.messages.0']);
  });

  it.each([
    ['broken JSON', '{"object":', 'invalid-json'],
    ['another product’s webhook', JSON.stringify({ object: 'page', entry: [] }), 'not-a-whatsapp-webhook'],
    ['no entries', JSON.stringify({ object: 'whatsapp_business_account', entry: [] }), 'not-a-whatsapp-webhook'],
  ])('records %s as one invalid part, the body', (_, raw, reason) => {
    expect(planWebhook(parseWebhookParts(raw))).toMatchObject({ items: [], invalid: [{ path: 'body', reason }] });
  });

  it('records a message whose payload would not fit its column', () => {
    const huge = { id: 'm1', from: '1', timestamp: '1', type: 'order', order: { catalog_id: 'c', note: '<'.repeat(200_000) } };
    expect(plan([change('messages', { metadata: metadata('1'), messages: [huge] })]).invalid).toMatchObject([{ reason: 'payload-too-large' }]);
  });

  it('cuts a description built from other fields to the text column', () => {
    const location = { id: 'm1', from: '1', timestamp: '1', type: 'location', location: { latitude: 1, longitude: 2, name: 'n'.repeat(80_000) } };
    const [item] = plan([change('messages', { metadata: metadata('1'), messages: [location] })]).items;
    expect(item.kind === 'message' && item.message.text.length).toBe(70_000);
  });
});
