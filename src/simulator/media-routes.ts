import { describeUnknownObject, replyWithGraphError } from './graph-errors';
import { json, type Reply } from './http-io';
import { checkUpload } from './media-kinds';
import { parseMultipart } from './multipart';
import type { SimulatorContext } from './simulator-context';
import type { Channel } from './webhook-envelope';

/** Graph's answer for an id it cannot load, with the subcode Meta adds (33). */
function unknownObject(context: SimulatorContext, id: string, method: string): Reply {
  const reply = replyWithGraphError(context.ids, 100, describeUnknownObject(id, method));
  const body = reply.body as { error: Record<string, unknown> };
  body.error['error_subcode'] = 33;
  return reply;
}

/** `POST /{v}/{pnid}/media`: multipart with `messaging_product`, `file` and optionally `type`. */
export function handleUpload(context: SimulatorContext, channel: Channel, body: Buffer, contentType: string): Reply {
  const parts = parseMultipart(body, contentType);
  if (!parts) return replyWithGraphError(context.ids, 100, 'Expected a multipart/form-data body');
  const field = (name: string) => parts.find((part) => part.name === name);
  if (field('messaging_product')?.data.toString('utf8').trim() !== 'whatsapp') {
    return replyWithGraphError(context.ids, 100, 'messaging_product: must be whatsapp');
  }
  const file = field('file');
  if (!file) return replyWithGraphError(context.ids, 100, 'file: required');
  const mimeType = field('type')?.data.toString('utf8').trim() || file.contentType || '';
  const check = checkUpload(mimeType, file.data.length);
  if (!check.ok) return replyWithGraphError(context.ids, 131053, check.details);
  const stored = context.media.add({
    phoneNumberId: channel.phoneNumberId,
    mimeType,
    bytes: Buffer.from(file.data),
    ...(file.filename ? { filename: file.filename } : {}),
    origin: 'upload',
  });
  return json(200, { id: stored.id });
}

/** `GET /{v}/{media-id}`: metadata and a fresh 5-minute download URL. `phone_number_id`, if given, must own the media. */
export function handleMediaInfo(context: SimulatorContext, mediaId: string, phoneNumberId: string | null): Reply {
  const media = context.media.get(mediaId);
  if (!media || (phoneNumberId !== null && media.phoneNumberId !== phoneNumberId)) return unknownObject(context, mediaId, 'get');
  return json(200, {
    messaging_product: 'whatsapp',
    url: context.media.issueUrl(media.id, context.baseUrl),
    mime_type: media.mimeType,
    sha256: media.sha256Hex,
    file_size: media.bytes.length,
    id: media.id,
  });
}

export function handleMediaDelete(context: SimulatorContext, mediaId: string, phoneNumberId: string | null): Reply {
  const media = context.media.get(mediaId);
  if (!media || (phoneNumberId !== null && media.phoneNumberId !== phoneNumberId)) return unknownObject(context, mediaId, 'delete');
  context.media.delete(mediaId);
  return json(200, { success: true });
}

/** `GET <media url>`: needs the bearer token like any Graph call; an expired or unknown URL is a bare 404. */
export function handleMediaDownload(context: SimulatorContext, authorized: boolean, mediaId: string, token: string): Reply {
  if (!authorized) return replyWithGraphError(context.ids, 190);
  const media = context.media.resolveUrl(mediaId, token);
  if (!media) return { status: 404, body: null, bytes: Buffer.from('Not Found'), contentType: 'text/plain' };
  return { status: 200, body: null, bytes: media.bytes, contentType: media.mimeType };
}
