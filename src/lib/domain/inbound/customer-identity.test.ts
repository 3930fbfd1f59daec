import { describe, expect, it } from 'vitest';
import { inboundMessageSchema } from '../../schemas/webhook';
import { identifyCustomer } from './customer-identity';

const message = (fields: Record<string, unknown>) => inboundMessageSchema.parse({ id: 'm', timestamp: '1', type: 'text', text: { body: 'x' }, ...fields });

describe('identifyCustomer', () => {
  it('uses both the business-scoped id and the phone when Meta sends them', () => {
    expect(identifyCustomer(message({ from: '1555', from_user_id: 'US.1' }), [{ wa_id: '1555', user_id: 'US.1', profile: { name: 'Ana' } }])).toMatchObject({
      userId: 'US.1',
      waId: '1555',
      name: 'Ana',
    });
  });

  it('identifies a username user who has no phone number', () => {
    expect(identifyCustomer(message({ from_user_id: 'US.2' }), [{ user_id: 'US.2', profile: { username: 'ana.shop' } }])).toMatchObject({
      userId: 'US.2',
      waId: null,
      username: 'ana.shop',
    });
  });

  it('picks the matching contact in a batch with several senders', () => {
    const contacts = [
      { wa_id: '1', profile: { name: 'One' } },
      { wa_id: '2', profile: { name: 'Two' } },
    ];
    expect(identifyCustomer(message({ from: '2' }), contacts)?.name).toBe('Two');
  });

  it('returns null when there is nobody to attach the message to', () => {
    expect(identifyCustomer(message({}), [])).toBeNull();
  });
});
