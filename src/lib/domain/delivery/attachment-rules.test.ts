import { describe, expect, it } from 'vitest';
import { ATTACHMENT_MIME_TYPES, checkAttachment } from './attachment-rules';

const MB = 1024 * 1024;

describe('checkAttachment', () => {
  it.each([
    ['image/jpeg', 5 * MB, 'image'],
    ['image/png', 1, 'image'],
    ['IMAGE/PNG', 10, 'image'],
    ['application/pdf', 100 * MB, 'document'],
    ['text/plain; charset=utf-8', 10, 'document'],
    ['video/mp4', 16 * MB, 'video'],
    ['audio/ogg; codecs=opus', 1000, 'audio'],
  ])('accepts %s of %i bytes as %s', (mime, size, type) => {
    expect(checkAttachment(mime, size)).toEqual({ ok: true, type });
  });

  it.each([
    ['image/jpeg', 5 * MB + 1, 5 * MB],
    ['application/pdf', 100 * MB + 1, 100 * MB],
    ['video/mp4', 16 * MB + 1, 16 * MB],
  ])('refuses %s over its limit and says the limit', (mime, size, limit) => {
    expect(checkAttachment(mime, size)).toEqual({ ok: false, reason: 'media-too-large', limit });
  });

  it.each(['image/heic', 'image/webp', 'image/gif', 'application/zip', ''])('refuses %j, which WhatsApp does not take from a business', (mime) => {
    expect(checkAttachment(mime, 100)).toEqual({ ok: false, reason: 'unsupported-media-type' });
  });

  it('refuses an empty file', () => {
    expect(checkAttachment('image/png', 0)).toEqual({ ok: false, reason: 'empty-media' });
  });

  it('lists exactly the types it accepts', () => {
    for (const mime of ATTACHMENT_MIME_TYPES) expect(checkAttachment(mime, 1).ok, mime).toBe(true);
    expect(ATTACHMENT_MIME_TYPES).toContain('image/jpeg');
    expect(ATTACHMENT_MIME_TYPES).not.toContain('image/webp');
  });
});
