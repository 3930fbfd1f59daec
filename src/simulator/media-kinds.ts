// Supported media types and size limits (§5). Uploads outside this table fail with 131053, like Meta's.

export type MediaKind = 'audio' | 'document' | 'image' | 'sticker' | 'video';

interface MediaRule {
  kind: MediaKind;
  maxBytes: number;
}

const MB = 1024 * 1024;
const audio: MediaRule = { kind: 'audio', maxBytes: 16 * MB };
const document: MediaRule = { kind: 'document', maxBytes: 100 * MB };
const image: MediaRule = { kind: 'image', maxBytes: 5 * MB };
const video: MediaRule = { kind: 'video', maxBytes: 16 * MB };
// Static stickers may be 100 KB, animated 500 KB; telling them apart needs decoding, so allow the larger.
const sticker: MediaRule = { kind: 'sticker', maxBytes: 500 * 1024 };

const RULES: Record<string, MediaRule> = {
  'audio/aac': audio,
  'audio/amr': audio,
  'audio/mpeg': audio,
  'audio/mp4': audio,
  'audio/ogg': audio,
  'text/plain': document,
  'application/pdf': document,
  'application/msword': document,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': document,
  'application/vnd.ms-excel': document,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': document,
  'application/vnd.ms-powerpoint': document,
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': document,
  'image/jpeg': image,
  'image/png': image,
  'image/webp': sticker,
  'video/mp4': video,
  'video/3gpp': video,
};

/** The MIME type without parameters, lowercased: `audio/ogg; codecs=opus` → `audio/ogg`. */
export function baseMimeType(mimeType: string): string {
  return (mimeType.split(';')[0] ?? '').trim().toLowerCase();
}

export type UploadCheck = { ok: true; kind: MediaKind } | { ok: false; details: string };

export function checkUpload(mimeType: string, size: number): UploadCheck {
  const base = baseMimeType(mimeType);
  const rule = RULES[base];
  if (!rule) return { ok: false, details: `Unsupported MIME type ${base || '(none)'}` };
  const codecs = /codecs\s*=\s*"?([^";]+)/i.exec(mimeType)?.[1];
  if (base === 'audio/ogg' && codecs && codecs.toLowerCase() !== 'opus') return { ok: false, details: 'audio/ogg must be Opus' };
  if (size === 0) return { ok: false, details: 'Empty file' };
  if (size > rule.maxBytes) return { ok: false, details: `${rule.kind} files are limited to ${rule.maxBytes} bytes, got ${size}` };
  return { ok: true, kind: rule.kind };
}
