import { describe, expect, it } from 'vitest';
import { sendMessageRequestSchema } from '../../schemas/graph';
import { buildSendRequest, callbackDataFor, messageIdFromCallbackData, type OutboundMessage } from './outbound-request';

const base: OutboundMessage = {
  id: 'abcdefghij12345',
  type: 'text',
  text: 'Hello',
  waId: '16505551234',
  userId: null,
  contextWamid: null,
  mediaId: null,
  mediaFilename: null,
  payload: {},
  template: null,
};

describe('buildSendRequest', () => {
  it('sends text to the customer phone with our id as callback data', () => {
    const result = buildSendRequest(base);
    expect(result).toMatchObject({
      ok: true,
      request: { to: '+16505551234', type: 'text', text: { body: 'Hello' }, biz_opaque_callback_data: 'pd:abcdefghij12345' },
    });
    expect(result.ok && sendMessageRequestSchema.safeParse(result.request).success).toBe(true);
  });

  it('addresses a username user by business-scoped id', () => {
    expect(buildSendRequest({ ...base, waId: null, userId: 'US.42' })).toMatchObject({ ok: true, request: { recipient: 'US.42' } });
  });

  it('quotes the message it replies to', () => {
    expect(buildSendRequest({ ...base, contextWamid: 'wamid.q' })).toMatchObject({ ok: true, request: { context: { message_id: 'wamid.q' } } });
  });

  it('sends a text header’s parameters in their own component, before the body', () => {
    const positional = buildSendRequest({
      ...base,
      type: 'template',
      template: { name: 'order_shipped', language: 'en_US', parameterFormat: 'positional', params: ['tomorrow'], headerParams: ['A-1042'] },
    });
    expect(positional).toMatchObject({
      ok: true,
      request: {
        template: {
          components: [
            { type: 'header', parameters: [{ type: 'text', text: 'A-1042' }] },
            { type: 'body', parameters: [{ type: 'text', text: 'tomorrow' }] },
          ],
        },
      },
    });
    const named = buildSendRequest({
      ...base,
      type: 'template',
      template: { name: 'greeting', language: 'en_US', parameterFormat: 'named', params: {}, headerParams: { customer_name: 'Ana' } },
    });
    expect(named).toMatchObject({
      ok: true,
      request: { template: { components: [{ type: 'header', parameters: [{ parameter_name: 'customer_name', text: 'Ana' }] }] } },
    });
    expect(named.ok && named.request.template?.components).toHaveLength(1);
  });

  it('fills named and positional template parameters', () => {
    const named = buildSendRequest({
      ...base,
      type: 'template',
      template: { name: 'welcome_back', language: 'en_US', parameterFormat: 'named', params: { customer_name: 'Ana' } },
    });
    expect(named).toMatchObject({
      ok: true,
      request: { template: { components: [{ type: 'body', parameters: [{ parameter_name: 'customer_name', text: 'Ana' }] }] } },
    });
    const positional = buildSendRequest({
      ...base,
      type: 'template',
      template: { name: 'order_update', language: 'en_US', parameterFormat: 'positional', params: ['A1', 'shipped'] },
    });
    expect(positional).toMatchObject({ ok: true, request: { template: { components: [{ parameters: [{ text: 'A1' }, { text: 'shipped' }] }] } } });
  });

  it('sends a document by uploaded media id with its file name and caption', () => {
    expect(buildSendRequest({ ...base, type: 'document', mediaId: 'm1', mediaFilename: 'invoice.pdf', text: 'Your invoice' })).toMatchObject({
      ok: true,
      request: { document: { id: 'm1', filename: 'invoice.pdf', caption: 'Your invoice' } },
    });
  });

  it.each([
    [{ waId: null }, 'no-recipient'],
    [{ type: 'image' }, 'missing-media'],
    [{ type: 'template' }, 'missing-template'],
    [{ type: 'poll' }, 'unsupported-type'],
  ])('refuses what cannot be sent: %j', (patch, reason) => {
    expect(buildSendRequest({ ...base, ...patch })).toEqual({ ok: false, reason });
  });

  it('reads our id back from callback data and ignores foreign data', () => {
    expect(messageIdFromCallbackData(callbackDataFor('abcdefghij12345'))).toBe('abcdefghij12345');
    expect(messageIdFromCallbackData('some data')).toBeNull();
    expect(messageIdFromCallbackData(undefined)).toBeNull();
  });
});
