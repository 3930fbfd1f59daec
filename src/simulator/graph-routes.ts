import type { IncomingMessage } from 'node:http';
import { describeUnknownObject, replyWithGraphError } from './graph-errors';
import { parseJson, readBody, type Reply } from './http-io';
import { handleMediaDelete, handleMediaInfo, handleUpload } from './media-routes';
import { handleSendMessage } from './send-message';
import { accessTokenError, describePhoneNumber, findPhoneNumber } from './phone-number-route';
import { findChannel, type SimulatorContext } from './simulator-context';
import { handleTemplateList } from './template-list-route';

// Graph-shaped routes: /{version}/{phone-number-id}/messages, /{version}/{waba-id}/message_templates, /{version}/{phone-number-id}/media, /{version}/{media-id}.
// Any `vNN.N` version is served, as Graph serves several at once.

const GRAPH_PATH = /^\/(v\d+\.\d+)\/([^/]+)(?:\/([^/]+))?\/?$/;
const JSON_LIMIT = 1024 * 1024;
const UPLOAD_LIMIT = 101 * 1024 * 1024;

function unsupported(context: SimulatorContext, method: string, path: string): Reply {
  return replyWithGraphError(context.ids, 100, `Unsupported ${method.toLowerCase()} request: ${path}`);
}

export async function handleGraph(context: SimulatorContext, req: IncomingMessage, path: string, query: URLSearchParams): Promise<Reply> {
  const method = req.method ?? 'GET';
  const match = GRAPH_PATH.exec(path);
  if (!match) return unsupported(context, method, path);
  // Meta checks the token before anything else, even on unknown ids.
  const tokenError = accessTokenError(context, req);
  if (tokenError) return tokenError;
  const [, , objectId = '', edge] = match;

  if (edge === undefined) {
    const number = method === 'GET' ? findPhoneNumber(context, objectId) : undefined;
    if (number) return describePhoneNumber(number, query.get('fields'));
    if (method === 'GET') return handleMediaInfo(context, objectId, query.get('phone_number_id'));
    if (method === 'DELETE') return handleMediaDelete(context, objectId, query.get('phone_number_id'));
    return unsupported(context, method, path);
  }
  // The one edge on the WhatsApp Business Account rather than on a phone number.
  if (edge === 'message_templates' && method === 'GET') return handleTemplateList(context, objectId, path, query);
  const channel = findChannel(context, objectId);
  if (!channel) {
    return replyWithGraphError(context.ids, 100, describeUnknownObject(objectId, method));
  }
  if (edge === 'messages' && method === 'POST') {
    const body = parseJson(await readBody(req, JSON_LIMIT));
    if (body instanceof SyntaxError) return replyWithGraphError(context.ids, 100, `Invalid JSON: ${body.message}`);
    return handleSendMessage(context, channel, body);
  }
  if (edge === 'media' && method === 'POST') {
    return handleUpload(context, channel, await readBody(req, UPLOAD_LIMIT), req.headers['content-type'] ?? '');
  }
  return unsupported(context, method, path);
}
