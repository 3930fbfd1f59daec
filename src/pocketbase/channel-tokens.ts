import { isSealed, SEALED_PREFIX, SECRET_KEY_FILE } from '../lib/domain/secrets/sealed-secret';
import { readConfig } from './config';

// A channel's access token is write-only: an admin writes it in plain text, it is sealed (AES-256-GCM with
// POCKETDESK_SECRET_KEY) before it reaches the database, no API answer ever carries it, and only the worker opens it
// to send (src/worker/channel-tokens.ts). The hooks open a token only to check the key at start and for an admin's
// "Check connection" (src/pocketbase/channel-connection.ts), whose answer never carries it.

const FIELD = 'access_token';

/** POCKETDESK_SECRET_KEY, or null when unset; a malformed key is a startup error, not a silent fallback. */
export function secretKey(): string | null {
  return readConfig().secretKey || null;
}

export function seal(plaintext: string, key: string): string {
  return SEALED_PREFIX + $security.encrypt(plaintext, key);
}

/** The token in a request's own body (JSON or multipart), or undefined when the request does not write it. */
function writtenToken(e: core.RecordRequestEvent): string | undefined {
  // The generated types promise `e.request` here, but the VM exposes the embedded *RequestEvent only by name.
  const request = (e as unknown as { requestEvent: core.RequestEvent }).requestEvent.request!;
  if (request.header.get('Content-Type').startsWith('multipart/form-data')) {
    const values = request.multipartForm?.value?.[FIELD];
    return values && values.length ? String(values[values.length - 1]) : undefined;
  }
  try {
    const body = JSON.parse(toString(request.body) || '{}');
    return typeof body?.[FIELD] === 'string' ? body[FIELD] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * onRecordCreateRequest/onRecordUpdateRequest('channels'): PocketBase drops hidden fields from non-superusers'
 * requests, so an admin's token is taken from the body here (the collection's rules still decide who may write).
 */
export function acceptWrittenToken(e: core.RecordRequestEvent): void {
  if (!e.hasSuperuserAuth()) {
    const token = writtenToken(e);
    if (token !== undefined) e.record!.set(FIELD, token);
  }
  e.next();
}

/** onRecordCreate/onRecordUpdate('channels'): a token written in plain text is sealed before it is stored. */
export function sealChannelToken(e: core.RecordEvent): void {
  const record = e.record!;
  const value = record.getString(FIELD);
  if (value && !isSealed(value)) {
    const key = secretKey();
    if (!key) {
      const message = 'The server has no POCKETDESK_SECRET_KEY, so it cannot store access tokens.';
      throw new BadRequestError(message, { [FIELD]: new ValidationError('secret-key-missing', message) });
    }
    record.set(FIELD, seal(value, key));
  }
  e.next();
}

/**
 * onRecordEnrich('channels'): every answer (list, view, expand, realtime, create/update responses) leaves the token
 * out, superusers' included, and says whether one is set. PocketBase unhides hidden fields for superusers inside
 * `e.next()`, so the token is hidden after it.
 */
export function hideChannelToken(e: core.RecordEnrichEvent): void {
  e.next();
  const record = e.record!;
  const isSet = record.getString(FIELD) !== '';
  record.hide(FIELD);
  record.withCustomData(true);
  record.set('access_token_set', isSet);
}

/**
 * onBootstrap: refuses to start with a key that cannot open the stored tokens (a lost key file or a changed
 * variable would otherwise surface as failed sends), and seals tokens stored in plain text before sealing existed.
 */
export function sealStoredTokensAfterBootstrap(e: core.BootstrapEvent): void {
  e.next();
  let channels: Array<core.Record | undefined>;
  try {
    channels = e.app.findAllRecords('channels');
  } catch {
    return; // a fresh data dir before its first migration
  }
  const key = secretKey();
  for (const channel of channels) {
    const value = channel?.getString(FIELD) ?? '';
    if (!channel || !value) continue;
    if (!key) {
      if (isSealed(value)) throw new Error(`channel ${channel.id} has a sealed access token but POCKETDESK_SECRET_KEY is not set`);
      e.app.logger().warn('channel access token stored in plain text: set POCKETDESK_SECRET_KEY to seal it', 'channel', channel.id);
      continue;
    }
    if (isSealed(value)) {
      try {
        $security.decrypt(value.slice(SEALED_PREFIX.length), key);
      } catch {
        throw new Error(
          `POCKETDESK_SECRET_KEY does not open channel ${channel.id}'s access token: it is not the key the tokens were sealed with (restore the key file or the variable, or write the tokens again)`,
        );
      }
      continue;
    }
    channel.set(FIELD, seal(value, key));
    e.app.saveNoValidate(channel);
  }
}

/**
 * onBackupCreate/onBackupRestore: a generated key file stays out of PocketBase's backups (a copied backup then
 * holds only sealed tokens) and stays in place through a restore (the restored tokens still open).
 */
export function keepKeyFileOutOfBackups(e: core.BackupEvent): void {
  const exclude: string[] = [];
  for (let i = 0; i < e.exclude.length; i++) exclude.push(e.exclude[i]);
  exclude.push(SECRET_KEY_FILE);
  e.exclude = exclude;
  e.next();
}
