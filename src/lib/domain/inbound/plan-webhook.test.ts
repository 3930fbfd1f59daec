import { describe, expect, it } from 'vitest';
import { parseWebhook, type ParsedEnvelope } from '../../schemas/webhook';
import { planWebhook } from './plan-webhook';

const change = (field: string, value: Record<string, unknown>) => ({ field, value });
const envelope = (...entries: Array<Array<ReturnType<typeof change>>>): ParsedEnvelope => {
  const parsed = parseWebhook({ object: 'whatsapp_business_account', entry: entries.map((changes, i) => ({ id: `waba${i}`, changes })) });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.envelope;
};
const metadata = (pnid: string) => ({ phone_number_id: pnid, display_phone_number: '1' });
const text = (id: string, from: string) => ({ id, from, timestamp: '1700000000', type: 'text', text: { body: id } });

describe('planWebhook', () => {
  it('walks every entry, change, message and status of a batch', () => {
    const result = planWebhook(
      envelope(
        [change('messages', { metadata: metadata('p1'), contacts: [{ wa_id: '1', profile: { name: 'A' } }, { wa_id: '2' }], messages: [text('m1', '1'), text('m2', '2')] })],
        [
          change('messages', { metadata: metadata('p2'), statuses: [{ id: 'o1', status: 'read', timestamp: '1700000001' }] }),
          change('messages', { metadata: metadata('p2'), errors: [{ code: 130429, title: 'Rate limit hit' }] }),
        ],
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.items.map((item) => item.kind)).toEqual(['message', 'message', 'status', 'account-error']);
    expect(result.plan.phoneNumberIds).toEqual(['p1', 'p2']);
    const second = result.plan.items[1];
    expect(second.kind === 'message' && second.customer.waId).toBe('2');
  });

  it('keeps unknown fields as items instead of failing', () => {
    const result = planWebhook(envelope([change('message_template_status_update', { event: 'APPROVED' })]));
    expect(result).toMatchObject({ ok: true, plan: { items: [{ kind: 'other-field', field: 'message_template_status_update' }] } });
  });

  it('names the path of an invalid message when parsing', () => {
    const parsed = parseWebhook({ object: 'whatsapp_business_account', entry: [{ id: 'w', changes: [change('messages', { metadata: metadata('p1'), messages: [{ id: 'm1', type: 'text' }] })] }] });
    expect(parsed).toMatchObject({ ok: false, issues: [{ path: 'entry.0.changes.0.value.messages.0.timestamp' }] });
  });

  it('refuses a message with no sender at all', () => {
    const result = planWebhook(envelope([change('messages', { metadata: metadata('p1'), messages: [{ id: 'm1', timestamp: '1', type: 'text', text: { body: 'x' } }] })]));
    expect(result).toMatchObject({ ok: false, path: 'entry.0.changes.0.value.messages.0.from' });
  });
});
