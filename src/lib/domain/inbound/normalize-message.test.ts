import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inboundMessageSchema, webhookEnvelopeSchema } from '../../schemas/webhook';
import { normalizeInbound } from './normalize-message';

const fixturesDir = join(__dirname, '../../../../tests/fixtures/whatsapp');
const firstMessage = (name: string) => {
  const envelope = JSON.parse(readFileSync(join(fixturesDir, name), 'utf8'));
  return inboundMessageSchema.parse(envelope.entry[0].changes[0].value.messages[0]);
};
const message = (fields: Record<string, unknown>) => inboundMessageSchema.parse({ id: 'wamid.x', timestamp: '1700000000', from: '1555', ...fields });

describe('normalizeInbound', () => {
  it('keeps the text body and Meta timestamp in milliseconds', () => {
    const result = normalizeInbound(firstMessage('text.json'));
    expect(result).toMatchObject({ type: 'text', text: 'Does it come in another color?', timestamp: 1749416383000, media: null, forwarded: false });
  });

  it('describes an image by its caption and keeps the media id for download', () => {
    const result = normalizeInbound(firstMessage('image.json'));
    expect(result.text).toBe('Taj Mahal');
    expect(result.media).toMatchObject({ id: '1003383421387256', mime: 'image/jpeg', voice: false });
  });

  it('marks a recorded voice note apart from an audio file', () => {
    expect(normalizeInbound(firstMessage('audio-voice.json')).media?.voice).toBe(true);
    expect(normalizeInbound(firstMessage('audio-file-not-voice.json')).media?.voice).toBe(false);
  });

  it('keeps the document file name', () => {
    expect(normalizeInbound(firstMessage('document.json')).media?.filename).toBeTruthy();
  });

  it('points a reaction at the message it reacts to, and treats a missing emoji as removal', () => {
    expect(normalizeInbound(firstMessage('reaction.json')).reaction).toEqual({
      targetWamid: 'wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=',
      emoji: '👍',
    });
    expect(normalizeInbound(message({ type: 'reaction', reaction: { message_id: 'wamid.t' } })).reaction).toEqual({ targetWamid: 'wamid.t', emoji: null });
  });

  it('keeps reply context and forwarded flags', () => {
    expect(normalizeInbound(firstMessage('text-reply-context.json')).contextWamid).toBeTruthy();
    expect(normalizeInbound(firstMessage('text-forwarded.json')).forwarded).toBe(true);
    expect(normalizeInbound(firstMessage('text-frequently-forwarded.json'))).toMatchObject({ forwarded: true, frequentlyForwarded: true });
  });

  it('parses a flow reply and keeps button reply ids', () => {
    expect(normalizeInbound(firstMessage('interactive-nfm-reply.json')).payload).toMatchObject({ kind: 'nfm_reply', response: { delivery_rating: '4' } });
    expect(normalizeInbound(firstMessage('interactive-button-reply.json')).payload).toMatchObject({ kind: 'button_reply' });
  });

  it('keeps an unsupported message with its error and original type', () => {
    const result = normalizeInbound(firstMessage('unsupported-with-type.json'));
    expect(result).toMatchObject({ type: 'unsupported', error: { code: 131051 }, payload: { unsupported_type: 'pool' } });
  });

  it('reports a system number change for the contact update', () => {
    const result = normalizeInbound(message({ type: 'system', system: { body: 'changed', type: 'user_changed_number', wa_id: '1666' } }));
    expect(result.system).toEqual({ kind: 'user_changed_number', newWaId: '1666', newUserId: null });
  });

  it.each([
    [{ type: 'location', location: { latitude: 1.5, longitude: 2.5, name: 'Shop' } }, 'Shop'],
    [{ type: 'contacts', contacts: [{ name: { formatted_name: 'Ana' } }] }, 'Contact: Ana'],
    [{ type: 'button', button: { payload: 'P', text: 'Yes' } }, 'Yes'],
    [{ type: 'order', order: { catalog_id: 'c', product_items: [{}, {}] } }, 'Order: 2 item(s)'],
    [{ type: 'sticker', sticker: { id: 's1', mime_type: 'image/webp' } }, 'Sticker'],
    [{ type: 'request_welcome' }, 'Unsupported message'],
  ])('gives every type a readable text: %j', (fields, text) => {
    expect(normalizeInbound(message(fields)).text).toBe(text);
  });

  it('normalizes every sample payload without throwing', () => {
    // Meta's group example is a template of <PLACEHOLDER> values (its timestamp is no number): a webhook that would be
    // one invalid part, which the webhook tests cover.
    for (const name of readdirSync(fixturesDir).filter((f) => f.endsWith('.json') && f !== 'group-message.json')) {
      const envelope = webhookEnvelopeSchema.parse(JSON.parse(readFileSync(join(fixturesDir, name), 'utf8')));
      for (const change of envelope.entry[0].changes) {
        for (const raw of (change.value as { messages?: unknown[] }).messages ?? [])
          expect(() => normalizeInbound(inboundMessageSchema.parse(raw))).not.toThrow();
      }
    }
  });
});
