import type { InboundType } from '../lib/schemas/simulator';
import { oggOpusSilence } from './ogg-opus';

// Small files the simulated customers "send" when a test injects media without content.
// The PNG and Ogg/Opus files are genuine (decodable); video and sticker bytes are placeholders that only carry the type.

/** 24×24 green and white checkerboard, 8-bit RGB. */
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAABgAAAAYCAIAAABvFaqvAAAALElEQVR42mNQvZyGhv5jAGLUMIwaREeDyNOGqWbUIHoaNJqyR/PaqEF0MQgACcPmnf4qfi8AAAAASUVORK5CYII=';

/** What a voice note is on the wire: Ogg Opus, mono, 48 kHz (three seconds of silence, written by ogg-opus.ts). */
const VOICE_NOTE = oggOpusSilence({ seconds: 3 });

const PDF_TEXT = [
  '%PDF-1.4',
  '1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj',
  '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj',
  '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj',
  'trailer<</Root 1 0 R>>',
  '%%EOF',
  '',
].join('\n');

export interface SampleFile {
  bytes: Buffer;
  mimeType: string;
  filename?: string;
}

type MediaType = Extract<InboundType, 'image' | 'audio' | 'video' | 'document' | 'sticker'>;

export function isMediaType(type: InboundType): type is MediaType {
  return type === 'image' || type === 'audio' || type === 'video' || type === 'document' || type === 'sticker';
}

export function sampleFileFor(type: MediaType): SampleFile {
  switch (type) {
    case 'image':
      return { bytes: Buffer.from(PNG_BASE64, 'base64'), mimeType: 'image/png' };
    case 'audio':
      return { bytes: Buffer.from(VOICE_NOTE), mimeType: 'audio/ogg; codecs=opus' };
    case 'document':
      return { bytes: Buffer.from(PDF_TEXT, 'latin1'), mimeType: 'application/pdf', filename: 'document.pdf' };
    case 'video':
      return { bytes: Buffer.from('000000186674797069736d000000000069736f6d69736f32', 'hex'), mimeType: 'video/mp4' };
    case 'sticker':
      return { bytes: Buffer.from('RIFF\u000c\u0000\u0000\u0000WEBPVP8 ', 'latin1'), mimeType: 'image/webp' };
  }
}
