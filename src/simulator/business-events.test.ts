import { describe, expect, it } from 'vitest';
import { planWebhook } from '../lib/domain/inbound/plan-webhook';
import { parseWebhookParts } from '../lib/schemas/webhook';
import { planFieldChange } from '../lib/schemas/webhook-field-plan';
import { type BusinessEvent, businessEventPayload } from './business-events';
import { createIdFactory } from './message-ids';
import { createRandomSource } from './random-source';

// Every business event the simulator plays is one the desk plans into the item it applies, with nothing invalid.
const channel = { phoneNumberId: '106540352242922', displayPhoneNumber: '15550783881', wabaId: '102290129340398' };
const ids = createIdFactory(createRandomSource(7));
const plan = (event: BusinessEvent) =>
  planWebhook(parseWebhookParts(JSON.stringify(businessEventPayload(channel, event, ids, 1_764_000_000))), planFieldChange);

describe('business events', () => {
  it.each<[BusinessEvent, string]>([
    [{ kind: 'echo', to: '34600000001', text: 'On my way' }, 'echo'],
    [{ kind: 'echo-edit', to: '34600000001', wamid: 'wamid.x', text: 'edited' }, 'echo'],
    [{ kind: 'echo-revoke', to: '34600000001', wamid: 'wamid.x' }, 'echo'],
    [{ kind: 'template-review', name: 'order_update', language: 'en_US', status: 'rejected', reason: 'Too vague' }, 'template-update'],
    [{ kind: 'opt-out', to: '34600000001', stop: true }, 'user-preference'],
    [{ kind: 'ad-click', from: '34600000001', text: 'Is this available?', headline: 'Summer sale', adId: '1202' }, 'message'],
    [{ kind: 'customer-edit', from: '34600000001', wamid: 'wamid.x', text: 'sorry, 3' }, 'message'],
    [{ kind: 'call', from: '34600000001', outcome: 'missed' }, 'call'],
  ])('%j becomes a %s item', (event, kind) => {
    const result = plan(event);
    expect(result.invalid).toEqual([]);
    expect(result.items.map((item) => item.kind)).toEqual([kind]);
  });

  it('plays a history sync as past messages from both sides, then its progress', () => {
    const result = plan({
      kind: 'history',
      to: '34600000001',
      messages: [
        { fromBusiness: false, text: 'hi', secondsAgo: 600 },
        { fromBusiness: true, text: 'hello!', secondsAgo: 300 },
      ],
    });
    expect(result.items.map((item) => (item.kind === 'history-message' ? `${item.kind}:${item.fromBusiness}` : item.kind))).toEqual([
      'history-progress',
      'history-message:false',
      'history-message:true',
    ]);
  });

  it('carries the ad on the customer’s message', () => {
    const [item] = plan({ kind: 'ad-click', from: '34600000001', text: 'x', headline: 'Summer sale', adId: '1202' }).items;
    expect(item.kind === 'message' && item.message.referral).toMatchObject({ sourceType: 'ad', sourceId: '1202', headline: 'Summer sale' });
  });
});
