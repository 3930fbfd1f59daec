import type { IncomingMessage } from 'node:http';
import { replyWithGraphError } from './graph-errors';
import { hasBearer, json, type Reply } from './http-io';
import type { SimulatorContext } from './simulator-context';
import type { Channel } from './webhook-envelope';

// The Graph API's token check as a desk's "Check connection" meets it: GET /{version}/{phone-number-id} answers the
// number for a valid token, and Meta's own 190 errors for an expired or unknown one.

/** Any bearer token starting with this is an expired token (the `access_token_expired` knob expires the real one). */
export const EXPIRED_TOKEN_PREFIX = 'expired-';

function bearerOf(req: IncomingMessage): string {
  return /^Bearer\s+(.+)$/i.exec((req.headers.authorization ?? '').trim())?.[1] ?? '';
}

/** Meta's answer to a token it will not take, or null when the call may go on. */
export function accessTokenError(context: SimulatorContext, req: IncomingMessage): Reply | null {
  const expired = context.knobs.access_token_expired && hasBearer(req, context.config.accessToken);
  if (expired || bearerOf(req).startsWith(EXPIRED_TOKEN_PREFIX)) {
    // Meta's wording for a token past its expiry, with the subcode (463) clients branch on.
    const reply = replyWithGraphError(context.ids, 190, undefined, 401);
    const body = reply.body as { error: Record<string, unknown> };
    body.error.message = 'Error validating access token: Session has expired.';
    body.error.error_subcode = 463;
    return reply;
  }
  if (!hasBearer(req, context.config.accessToken)) return replyWithGraphError(context.ids, 190);
  return null;
}

export function findPhoneNumber(context: SimulatorContext, id: string): Channel | undefined {
  return context.config.channels.find((channel) => channel.phoneNumberId === id);
}

/** The phone number object with the fields asked for (Graph's default: id, display_phone_number, verified_name). */
export function describePhoneNumber(channel: Channel, fields: string | null): Reply {
  const all: Record<string, string> = {
    display_phone_number: channel.displayPhoneNumber,
    verified_name: 'Pocketdesk Simulator',
    quality_rating: 'GREEN',
    code_verification_status: 'VERIFIED',
    platform_type: 'CLOUD_API',
    throughput: 'STANDARD',
  };
  const asked = fields ? fields.split(',').map((field) => field.trim()) : ['display_phone_number', 'verified_name'];
  const body: Record<string, unknown> = {};
  for (const field of asked) if (field in all) body[field] = all[field];
  body.id = channel.phoneNumberId;
  return json(200, body);
}
