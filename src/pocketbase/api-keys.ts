import * as z from 'zod/mini';
import { accountRoleOf, API_KEY_ACCESS, checkKeyUse, keyLifetimeDays, type ApiKeyAccess } from '../lib/domain/integrations/api-key-access';
import { respondError } from './api-errors';
import { onlyRoles, staffRoute } from './route-kit';
import { writeAudit } from './audit';
import { epochMs, findOne, isoDate, newRecord } from './records';

// API keys (see src/lib/domain/integrations/api-key-access.ts for the mechanism). Routes for admins to create and
// revoke keys, and the request hooks that refuse a read-only key's writes and write one audit row per use.

const DAY_NS = 24 * 60 * 60 * 1e9;

const createSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)),
  access: z.enum(API_KEY_ACCESS),
  expiresInDays: z.number(),
  teams: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(40))).check(z.maxLength(50)), []),
});

/** Admins who are people: an API key's account, whatever its role, never manages keys (guests get the same 403). */
const ADMIN_PEOPLE = {
  roles: ['admin'],
  refuseKeys: true,
  refusal: { ...onlyRoles('admin'), message: 'Only admins (people, not keys) manage API keys.' },
} as const;

/** POST /api/pocketdesk/integrations/api-keys: creates a key and answers it, the only time it is shown. */
export const createApiKey = staffRoute(ADMIN_PEOPLE, (e, { staff, body }) => {
  const admin = staff.record;
  const parsed = createSchema.safeParse(body);
  const days = parsed.success ? keyLifetimeDays(parsed.data.expiresInDays) : null;
  if (!parsed.success || days === null) return respondError(e, 400, 'invalid-api-key', 'Give the key a name, an access level and a lifetime in days.');
  const { name, access, teams } = parsed.data;
  const expiresAt = Date.now() + days * 86_400_000;
  let token = '';
  let keyId = '';
  let accountId = '';
  $app.runInTransaction((txApp) => {
    const account = newRecord(txApp, 'agents', {
      name: `API key: ${name}`,
      email: `key-${$security.randomStringWithAlphabet(16, 'abcdefghijklmnopqrstuvwxyz0123456789')}@api-keys.pocketdesk.invalid`,
      role: accountRoleOf(access),
      status: 'offline',
      teams: access === 'agent' ? teams : [],
      max_open: 1000,
      api_key: true,
      verified: true,
    });
    // Nobody knows this password: the account signs in only with its key.
    account.setPassword($security.randomString(48));
    txApp.save(account);
    const key = newRecord(txApp, 'api_keys', { name, access, agent: account.id, created_by: admin.id, expires_at: isoDate(expiresAt) });
    txApp.save(key);
    token = account.newStaticAuthToken((days * DAY_NS) as unknown as time.Duration);
    keyId = key.id;
    accountId = account.id;
    writeAudit(txApp, {
      actorId: admin.id,
      actorKind: 'agent',
      action: 'create',
      collection: 'api_keys',
      recordId: key.id,
      summary: `created ${access} API key ${name} (${days} days)`,
    });
  });
  // agent_id: what the key writes as `author` of its replies.
  e.json(200, { id: keyId, key: token, agent_id: accountId, expires_at: new Date(expiresAt).toISOString() });
});

/** POST /api/pocketdesk/integrations/api-keys/{id}/revoke: the key stops working at once. */
export const revokeApiKey = staffRoute(ADMIN_PEOPLE, (e, { staff }) => {
  const admin = staff.record;
  const key = findOne($app as unknown as core.App, 'api_keys', 'id = {:id}', { id: e.request!.pathValue('id') });
  if (!key) return respondError(e, 404, 'not-found', 'No such API key.');
  $app.runInTransaction((txApp) => {
    const account = findOne(txApp, 'agents', 'id = {:id}', { id: key.getString('agent') });
    if (account) {
      // A new token key voids every token the account had: the key, whatever its expiry.
      account.refreshTokenKey();
      account.set('status', 'offline');
      txApp.save(account);
    }
    if (!key.getString('revoked_at')) key.set('revoked_at', isoDate(Date.now()));
    txApp.save(key);
    writeAudit(txApp, {
      actorId: admin.id,
      actorKind: 'agent',
      action: 'revoke',
      collection: 'api_keys',
      recordId: key.id,
      summary: `revoked API key ${key.getString('name')}`,
    });
  });
  e.json(200, { ok: true });
});

function keyOf(app: core.App, auth: core.Record | null | undefined): core.Record | null {
  if (!auth || auth.collection().name !== 'agents' || !auth.getBool('api_key')) return null;
  return findOne(app, 'api_keys', 'agent = {:a}', { a: auth.id });
}

/**
 * Checks and records one use of a key; throws (403) when the key may not do this. People pass untouched: one
 * field read. Called by the record request hooks below and by signedInStaff for the desk routes.
 */
export function auditKeyUse(
  app: core.App,
  auth: core.Record | null | undefined,
  request: { method: string; path: string },
  collection: string,
  recordId: string,
): void {
  const key = keyOf(app, auth);
  if (!key) return;
  const now = Date.now();
  const verdict = checkKeyUse(
    { access: key.getString('access') as ApiKeyAccess, expiresAt: epochMs(key, 'expires_at') ?? 0, revokedAt: epochMs(key, 'revoked_at') },
    request.method,
    now,
  );
  writeAudit(app, {
    actorId: auth!.id,
    actorKind: 'agent',
    action: verdict.ok ? 'api-key-use' : 'api-key-refused',
    collection,
    recordId,
    summary: `${key.getString('name')}: ${request.method} ${request.path}`.slice(0, 500),
  });
  // One column, not the key read above saved whole: an admin's revoke committed meanwhile would be written back
  // to "not revoked". Nothing in the app waits for this change in realtime.
  app
    .db()
    .newQuery('UPDATE api_keys SET last_used_at = {:at} WHERE id = {:id}')
    .bind({ at: isoDate(now), id: key.id } as dbx.Params)
    .execute();
  if (!verdict.ok)
    throw new ForbiddenError(verdict.reason === 'api-key-read-only' ? 'This API key is read-only.' : 'This API key no longer works.', {
      reason: verdict.reason,
    });
}

/** The HTTP request behind a record request event (the VM exposes the embedded *RequestEvent only by name). */
function requestOf(e: unknown): { method: string; path: string } {
  const request = (e as { requestEvent?: core.RequestEvent }).requestEvent?.request;
  return { method: request?.method ?? '', path: request?.url?.path ?? '' };
}

/** onRecordsListRequest (every collection): a key's reads are audited. */
export function auditKeyList(e: core.RecordsListRequestEvent): void {
  auditKeyUse(e.app, e.auth, requestOf(e), e.collection?.name ?? '', '');
  e.next();
}

/** onRecordViewRequest / onRecord{Create,Update,Delete}Request (every collection): a key's reads and writes. */
export function auditKeyRecordRequest(e: core.RecordRequestEvent): void {
  auditKeyUse(e.app, e.auth, requestOf(e), e.record?.collection().name ?? '', e.record?.id ?? '');
  e.next();
}

/** onRecordCreateRequest/onRecordUpdateRequest('agents'): the `api_key` flag is the key route's alone. */
export function guardApiKeyFlag(e: core.RecordRequestEvent): void {
  const record = e.record!;
  const before = record.isNew() ? false : record.original().getBool('api_key');
  if (record.getBool('api_key') !== before)
    throw new BadRequestError('API key accounts are made by the API key route.', {
      api_key: new ValidationError('api-key-flag-locked', 'Set by the API key route only.'),
    });
  e.next();
}
