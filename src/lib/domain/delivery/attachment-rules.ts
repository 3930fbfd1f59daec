import { mediaSizeLimit } from '../inbound/media-limits';

/** The media types an agent can send, as the outbound `messages.type`. */
export type AttachmentType = 'image' | 'video' | 'audio' | 'document';

export type AttachmentCheck =
  | { ok: true; type: AttachmentType }
  | { ok: false; reason: 'unsupported-media-type' | 'empty-media' }
  | { ok: false; reason: 'media-too-large'; limit: number };

// Meta's accepted MIME types per kind (Cloud API §5). Anything else is refused at upload with 131053, so it is
// refused here first, while the agent can still pick another file.
const TYPES: Record<string, AttachmentType> = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'video/mp4': 'video',
  'video/3gpp': 'video',
  'audio/aac': 'audio',
  'audio/amr': 'audio',
  'audio/mpeg': 'audio',
  'audio/mp4': 'audio',
  'audio/ogg': 'audio',
  'text/plain': 'document',
  'application/pdf': 'document',
  'application/msword': 'document',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'document',
  'application/vnd.ms-excel': 'document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'document',
  'application/vnd.ms-powerpoint': 'document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'document',
};

/** Every MIME type an agent may attach, e.g. for a file picker's `accept`. */
export const ATTACHMENT_MIME_TYPES: readonly string[] = Object.keys(TYPES);

/** Decides whether a file can go to WhatsApp as an agent's attachment, and as which message type. */
export function checkAttachment(mimeType: string, size: number): AttachmentCheck {
  const base = (mimeType.split(';')[0] ?? '').trim().toLowerCase();
  const type = TYPES[base];
  if (!type) return { ok: false, reason: 'unsupported-media-type' };
  if (size <= 0) return { ok: false, reason: 'empty-media' };
  const limit = mediaSizeLimit(type);
  if (size > limit) return { ok: false, reason: 'media-too-large', limit };
  return { ok: true, type };
}
