import { describe, expect, it } from 'vitest';
import type { SendMessageRequest } from '../lib/schemas/graph';
import { cardOf, cardText } from './message-card';
import { previewOutbound } from './message-preview';
import { DEFAULT_TEMPLATES } from './template-registry';

const send = (fields: Partial<SendMessageRequest>): SendMessageRequest =>
  ({ messaging_product: 'whatsapp', to: '34600000001', type: 'text', ...fields }) as SendMessageRequest;

describe('cardOf', () => {
  it('draws a template with its header and body parameters filled in, as WhatsApp does', () => {
    const request = send({
      type: 'template',
      template: {
        name: 'order_shipped',
        language: { code: 'en_US' },
        components: [
          { type: 'header', parameters: [{ type: 'text', text: 'A-1042' }] },
          { type: 'body', parameters: [{ type: 'text', text: 'tomorrow' }] },
        ],
      },
    });
    expect(cardOf(request, DEFAULT_TEMPLATES)).toEqual({ header: 'Order A-1042', body: 'Good news: it ships tomorrow.' });
    expect(previewOutbound(request, DEFAULT_TEMPLATES)).toBe('Order A-1042\nGood news: it ships tomorrow.');
  });

  it('fills named parameters by name', () => {
    const request = send({
      type: 'template',
      template: {
        name: 'welcome_back',
        language: { code: 'en_US' },
        components: [{ type: 'body', parameters: [{ type: 'text', parameter_name: 'customer_name', text: 'Kofi' }] }],
      },
    });
    expect(cardOf(request, DEFAULT_TEMPLATES)?.body).toBe('Hi Kofi, thanks for getting back to us. How can we help?');
  });

  it('offers the survey template’s quick replies, answering with the text unless the send set a payload', () => {
    const plain = cardOf(send({ type: 'template', template: { name: 'csat_request', language: { code: 'es' } } }), DEFAULT_TEMPLATES);
    expect(plain?.quickReplies?.map((q) => q.payload)).toEqual(['1 – Muy mal', '2 – Mal', '3 – Regular', '4 – Bien', '5 – Excelente']);
    const withPayload = cardOf(
      send({
        type: 'template',
        template: {
          name: 'csat_request',
          language: { code: 'en_US' },
          components: [{ type: 'button', sub_type: 'quick_reply', index: '4', parameters: [{ type: 'payload', payload: 'csat:5' }] }],
        },
      }),
      DEFAULT_TEMPLATES,
    );
    expect(withPayload?.quickReplies?.[4]).toEqual({ text: '5 – Excellent', payload: 'csat:5' });
  });

  it('reads a template it has no text for by name and values, never as a bracketed code', () => {
    const card = cardOf(
      send({
        type: 'template',
        template: { name: 'custom_notice', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Friday' }] }] },
      }),
      [],
    );
    expect(cardText(card!)).toBe('custom notice: Friday');
  });

  it('keeps an interactive list’s button, sections and rows', () => {
    const interactive = {
      type: 'list',
      body: { text: 'How would you rate us?' },
      action: {
        button: 'Rate',
        sections: [
          {
            title: 'Rate',
            rows: [
              { id: 'csat:1', title: '1 – Very bad' },
              { id: 'csat:5', title: '5 – Excellent', description: 'Loved it' },
            ],
          },
        ],
      },
    };
    expect(cardOf(send({ type: 'interactive', interactive }), [])).toEqual({
      body: 'How would you rate us?',
      list: {
        button: 'Rate',
        sections: [
          {
            title: 'Rate',
            rows: [
              { id: 'csat:1', title: '1 – Very bad' },
              { id: 'csat:5', title: '5 – Excellent', description: 'Loved it' },
            ],
          },
        ],
      },
    });
  });

  it('keeps reply buttons with their ids', () => {
    const interactive = {
      type: 'button',
      body: { text: 'Did that help?' },
      footer: { text: 'Shop' },
      action: {
        buttons: [
          { type: 'reply', reply: { id: 'yes', title: 'Yes' } },
          { type: 'reply', reply: { id: 'no', title: 'No' } },
        ],
      },
    };
    expect(cardOf(send({ type: 'interactive', interactive }), [])).toEqual({
      body: 'Did that help?',
      footer: 'Shop',
      replyButtons: [
        { id: 'yes', title: 'Yes' },
        { id: 'no', title: 'No' },
      ],
    });
  });

  it('leaves plain messages to their preview', () => {
    expect(cardOf(send({ type: 'text', text: { body: 'hi' } }), DEFAULT_TEMPLATES)).toBeUndefined();
  });
});
