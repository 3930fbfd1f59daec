import { checkEndpointUrl } from '../lib/domain/integrations/endpoint-address';
import { CHAT_EVENT_TYPES, WEBHOOK_EVENT_TYPES } from '../lib/domain/integrations/event-types';
import { isSealed } from '../lib/domain/secrets/sealed-secret';
import { respondError } from './api-errors';
import { onlyRoles, staffRoute } from './route-kit';
import { writeAudit } from './audit';
import { seal, secretKey } from './channel-tokens';
import { findOne, jsonField, newRecord } from './records';

// Admins manage endpoints through the collection API (its rules: admins only); these hooks check what they write.
// An endpoint's signing secret is generated here, sealed like a channel token, never in an answer or the audit
// trail; an admin sees it once, from the rotate route, right after creating the endpoint or when rolling it.

const SECRET = 'secret';

/** POCKETDESK_ALLOW_PRIVATE_WEBHOOKS: lets endpoints point at loopback or private addresses (tests, on-premise receivers). */
export function allowsPrivateWebhooks(): boolean {
  return ['1', 'true', 'yes'].includes($os.getenv('POCKETDESK_ALLOW_PRIVATE_WEBHOOKS').toLowerCase());
}

function fail(field: string, code: string, message: string): never {
  throw new BadRequestError(message, { [field]: new ValidationError(code, message) });
}

function sealedNewSecret(): string {
  const key = secretKey();
  if (!key) fail(SECRET, 'secret-key-missing', 'The server has no POCKETDESK_SECRET_KEY, so it cannot store webhook secrets.');
  return seal(`whsec_${$security.randomString(40)}`, key);
}

/** onRecordCreateRequest/onRecordUpdateRequest('webhook_endpoints'): URL, events and pause bookkeeping. */
export function guardEndpoint(e: core.RecordRequestEvent): void {
  const record = e.record!;
  const original = record.isNew() ? null : record.original();
  const url = record.getString('url');
  const check = checkEndpointUrl(url, allowsPrivateWebhooks());
  if (!check.ok)
    fail(
      'url',
      check.reason,
      check.reason === 'private-address' ? 'This address is on this machine or a private network.' : 'Use an http:// or https:// address.',
    );
  const kind = record.getString('kind');
  const allowed: readonly string[] = kind === 'chat' ? CHAT_EVENT_TYPES : [...WEBHOOK_EVENT_TYPES, '*'];
  const events = jsonField<unknown>(record, 'events', []);
  if (!Array.isArray(events) || events.length === 0 || events.some((t) => typeof t !== 'string' || !allowed.includes(t)))
    fail('events', 'invalid-events', 'Choose at least one event from the list.');
  record.set('events', [...new Set(events as string[])]);
  if (original && original.getString('kind') !== kind) fail('kind', 'kind-locked', 'An endpoint cannot change its kind.');
  // The secret is ours to write: never taken from a request.
  record.set(SECRET, original ? original.getString(SECRET) : '');
  if (!original && kind === 'webhook') record.set(SECRET, sealedNewSecret());
  if (original && original.getBool('active') !== record.getBool('active')) {
    // Resuming clears the failure streak so a receiver gets a fresh 24 h; pausing by hand says so in the list.
    record.set('paused_reason', record.getBool('active') ? '' : 'paused-by-admin');
    if (record.getBool('active')) record.set('failing_since', '');
  }
  e.next();
}

/** onRecordEnrich('webhook_endpoints'): the secret never leaves, superusers included; says whether one is set. */
export function hideEndpointSecret(e: core.RecordEnrichEvent): void {
  e.next();
  const record = e.record!;
  const isSet = isSealed(record.getString(SECRET));
  record.hide(SECRET);
  record.withCustomData(true);
  record.set('secret_set', isSet);
}

/** Admins only; guests get the same 403. */
const ADMINS = { roles: ['admin'], refusal: { ...onlyRoles('admin'), message: 'Only admins manage integrations.' } } as const;

/**
 * POST /api/pocketdesk/integrations/endpoints/{id}/secret: makes a new signing secret and answers it, the only time
 * it is shown. The previous secret stops working at once.
 */
export const rotateEndpointSecret = staffRoute(ADMINS, (e, { staff }) => {
  const admin = staff.record;
  const endpoint = findOne($app as unknown as core.App, 'webhook_endpoints', 'id = {:id} && kind = "webhook"', { id: e.request!.pathValue('id') });
  if (!endpoint) return respondError(e, 404, 'not-found', 'No such webhook endpoint.');
  const key = secretKey();
  if (!key) return respondError(e, 409, 'secret-key-missing', 'The server has no POCKETDESK_SECRET_KEY, so it cannot store webhook secrets.');
  const secret = `whsec_${$security.randomString(40)}`;
  $app.runInTransaction((txApp) => {
    endpoint.set(SECRET, seal(secret, key));
    txApp.save(endpoint);
    writeAudit(txApp, {
      actorId: admin.id,
      actorKind: 'agent',
      action: 'rotate-secret',
      collection: 'webhook_endpoints',
      recordId: endpoint.id,
      summary: `new signing secret for ${endpoint.getString('name')}`,
    });
  });
  e.json(200, { secret });
});

/** POST /api/pocketdesk/integrations/deliveries/{id}/replay: sends a delivery's event to its endpoint once more. */
export const replayDelivery = staffRoute(ADMINS, (e, { staff }) => {
  const admin = staff.record;
  const original = findOne($app as unknown as core.App, 'webhook_deliveries', 'id = {:id}', { id: e.request!.pathValue('id') });
  if (!original) return respondError(e, 404, 'not-found', 'No such delivery.');
  if (original.getString('status') === 'dropped') return respondError(e, 409, 'delivery-dropped', 'This delivery carried data of an erased customer.');
  let replay: core.Record | null = null;
  $app.runInTransaction((txApp) => {
    // Same event, same place in its conversation's order: receivers dedupe on the event id they already know.
    replay = newRecord(txApp, 'webhook_deliveries', {
      endpoint: original.getString('endpoint'),
      event: original.getString('event'),
      type: original.getString('type'),
      seq: original.getInt('seq'),
      order_key: original.getString('order_key'),
      status: 'pending',
      attempts: 0,
    });
    txApp.save(replay);
    writeAudit(txApp, {
      actorId: admin.id,
      actorKind: 'agent',
      action: 'replay',
      collection: 'webhook_deliveries',
      recordId: original.id,
      summary: `replayed ${original.getString('type')}`,
    });
  });
  e.json(200, { id: (replay as core.Record | null)?.id ?? null });
});
