import { interpretConnectionCheck, type ConnectionOutcome } from '../lib/domain/channels/graph-connection';
import { isSealed, SEALED_PREFIX } from '../lib/domain/secrets/sealed-secret';
import {
  accessTokenSchema,
  channelConnectionSchema,
  connectionCheckSchema,
  isWabaIdMissing,
  WABA_ID_REQUIRED,
  type ConnectionCheck,
} from '../lib/schemas/channel-connection';
import { fieldErrorsOf, respondError, type FieldErrors } from './api-errors';
import { secretKey } from './channel-tokens';
import { readConfig } from './config';
import { isoDate, jsonField } from './records';
import { recordOfPath, staffRoute } from './route-kit';

// Connecting a WhatsApp number from the app (admins): the channel's own fields checked with the form's schema, a
// verify token of its own for Meta's handshake, and "Check connection" against the Graph API.

const CHECK_TIMEOUT_S = 10;

/**
 * onRecordCreateRequest/onRecordUpdateRequest('channels'), after acceptWrittenToken: the number's fields must pass
 * the form's own schema; a new channel gets its verify token; a changed number or token forgets the last check.
 */
export function guardChannelConnection(e: core.RecordRequestEvent): void {
  const record = e.record!;
  const parsed = channelConnectionSchema.safeParse({
    name: record.getString('name'),
    phone_number_id: record.getString('phone_number_id'),
    waba_id: record.getString('waba_id'),
    timezone: record.getString('timezone') || 'UTC',
    disabled: record.getBool('disabled'),
  });
  const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error.issues, { topLevel: true, code: 'invalid-value' });
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const code = (issue as { params?: { code?: unknown } }).params?.code;
      const key = String(issue.path[0] ?? 'form');
      if (typeof code === 'string' && errors[key]) errors[key] = { code, message: issue.message };
    }
  // Validated on change: a number saved before the WABA id was asked keeps working until someone sets one.
  const previousWabaId = record.isNew() ? null : (record.original()?.getString('waba_id') ?? null);
  if (isWabaIdMissing(record.getString('waba_id'), previousWabaId)) errors.waba_id = { ...WABA_ID_REQUIRED };
  const token = record.getString('access_token');
  if (token && !isSealed(token)) {
    const checked = accessTokenSchema.safeParse(token);
    if (!checked.success) errors.access_token = { code: 'invalid-access-token', message: checked.error.issues[0]?.message ?? 'The access token is not valid.' };
  }
  if (Object.keys(errors).length) {
    respondError(e, 400, 'invalid-channel', 'Some fields of the number are invalid.', errors);
    return;
  }
  if (parsed.success) {
    record.set('name', parsed.data.name);
    record.set('phone_number_id', parsed.data.phone_number_id);
    record.set('waba_id', parsed.data.waba_id);
  }
  if (!record.getString('verify_token')) record.set('verify_token', $security.randomString(32));
  const original = record.original();
  if (original && (original.getString('phone_number_id') !== record.getString('phone_number_id') || (token && !isSealed(token)))) {
    record.set('connection_check', null);
    if (original.getString('phone_number_id') !== record.getString('phone_number_id')) record.set('webhook_verified_at', '');
  }
  e.next();
}

function storedCheck(channel: core.Record): ConnectionCheck | null {
  const parsed = connectionCheckSchema.safeParse(jsonField<unknown>(channel, 'connection_check', null));
  return parsed.success ? parsed.data : null;
}

/** GET /api/pocketdesk/channels/{id}/connection — what the admin pastes into Meta, and whether Meta has verified it. */
export const handleChannelConnection = staffRoute({ roles: ['admin'] }, (e) => {
  const channel = recordOfPath(e, 'channels', 'number');
  if (!channel) return;
  e.json(200, {
    verifyToken: channel.getString('verify_token'),
    webhookVerifiedAt: channel.getString('webhook_verified_at') || null,
    accessTokenSet: channel.getString('access_token') !== '',
    disabled: channel.getBool('disabled'),
    check: storedCheck(channel),
  });
});

/** The stored token opened with the server's key, or null when none is stored (or it cannot be opened). */
export function openToken(channel: core.Record): string | null {
  const value = channel.getString('access_token');
  if (!value) return null;
  if (!isSealed(value)) return value;
  const key = secretKey();
  if (!key) return null;
  try {
    const opened: unknown = $security.decrypt(value.slice(SEALED_PREFIX.length), key);
    return typeof opened === 'string' ? opened : toString(opened);
  } catch {
    return null;
  }
}

function askGraph(phoneNumberId: string, token: string): ConnectionOutcome {
  const config = readConfig();
  const url = `${config.graphUrl}/${config.graphVersion}/${encodeURIComponent(phoneNumberId)}?fields=display_phone_number,verified_name,quality_rating`;
  try {
    const answer = $http.send({ url, method: 'GET', headers: { Authorization: `Bearer ${token}` }, timeout: CHECK_TIMEOUT_S });
    let body: unknown = null;
    try {
      body = JSON.parse(toString(answer.body));
    } catch {
      body = null;
    }
    return interpretConnectionCheck({ status: answer.statusCode, body });
  } catch {
    return interpretConnectionCheck({ status: 0, body: null });
  }
}

/**
 * POST /api/pocketdesk/channels/{id}/check-connection — asks the Graph API for the number with the stored token
 * (the one place the hooks open a token: the worker is not involved in an admin's check) and keeps the outcome.
 */
export const handleCheckConnection = staffRoute({ roles: ['admin'] }, (e) => {
  const channel = recordOfPath(e, 'channels', 'number');
  if (!channel) return;
  const token = openToken(channel);
  const outcome: ConnectionOutcome =
    token === null ? { ok: false, reason: 'no-token', code: null, subcode: null, metaMessage: '' } : askGraph(channel.getString('phone_number_id'), token);
  const check: ConnectionCheck = {
    reason: outcome.reason,
    at: isoDate(Date.now()),
    code: outcome.ok ? null : outcome.code,
    subcode: outcome.ok ? null : outcome.subcode,
    metaMessage: outcome.ok ? '' : outcome.metaMessage,
    displayPhoneNumber: outcome.ok ? outcome.displayPhoneNumber : '',
    verifiedName: outcome.ok ? outcome.verifiedName : '',
    qualityRating: outcome.ok ? outcome.qualityRating : '',
  };
  // The check's own write, not an admin's edit: no request hooks (guards, audit) run for it. Read and saved in one
  // transaction (the Graph call stays outside), so an edit committed during the call is not written back.
  $app.runInTransaction((txApp) => {
    const fresh = txApp.findRecordById('channels', channel.id);
    fresh.set('connection_check', check);
    if (outcome.ok && !fresh.getString('display_phone_number'))
      fresh.set('display_phone_number', outcome.displayPhoneNumber.replace(/[^0-9]/g, '').slice(0, 32));
    txApp.save(fresh);
  });
  e.json(200, check);
});
