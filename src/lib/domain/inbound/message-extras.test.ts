import { describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../schemas/webhook';
import { groupIdOf, messageChangeOf, referralLabel, referralOf } from './message-extras';

const base = { id: 'wamid.1', timestamp: 1, from: '34' };

describe('message extras', () => {
  it('reads an edit and a revoke, and ignores one without its original id', () => {
    expect(
      messageChangeOf({
        ...base,
        type: 'edit',
        edit: { original_message_id: 'wamid.0', message: { type: 'image', image: { caption: 'new caption' } } },
      } as InboundMessage),
    ).toEqual({ kind: 'edit', targetWamid: 'wamid.0', text: 'new caption' });
    expect(messageChangeOf({ ...base, type: 'revoke', revoke: { original_message_id: 'wamid.0' } } as InboundMessage)).toEqual({
      kind: 'revoke',
      targetWamid: 'wamid.0',
      text: null,
    });
    expect(messageChangeOf({ ...base, type: 'revoke', revoke: {} } as InboundMessage)).toBeNull();
    expect(messageChangeOf({ ...base, type: 'text', text: { body: 'x' } } as InboundMessage)).toBeNull();
  });

  it('keeps the ad and the product a customer came from, with a label for agents', () => {
    const referral = referralOf({
      ...base,
      type: 'text',
      referral: { source_type: 'ad', source_id: '42', headline: 'Summer sale', ctwa_clid: 'abc' },
      context: { referred_product: { catalog_id: 'c1', product_retailer_id: 'sku-9' } },
    } as InboundMessage)!;
    expect(referral).toMatchObject({
      sourceType: 'ad',
      sourceId: '42',
      headline: 'Summer sale',
      ctwaClid: 'abc',
      product: { catalogId: 'c1', productRetailerId: 'sku-9' },
    });
    expect(referralLabel(referral)).toBe('Summer sale');
    expect(referralOf({ ...base, type: 'text' } as InboundMessage)).toBeNull();
  });

  it('marks a group message with its group id', () => {
    expect(groupIdOf({ ...base, type: 'text', group_id: 'G1' } as InboundMessage)).toBe('G1');
    expect(groupIdOf({ ...base, type: 'text' } as InboundMessage)).toBeNull();
  });
});
