import { planWebhook } from '../lib/domain/inbound/plan-webhook';
import { parseWebhook } from '../lib/schemas/webhook';
import { respondError, type FieldErrors } from './api-errors';
import { readConfig } from './config';
import { isoDate } from './records';
import { appBundle } from './app-bundle';
import { preparedQuery } from './prepared-query';
import { adoptQueuedEvents, enqueue, type InboxEntry, REPLAY_BATCH } from './webhook-inbox';

/** GET: Meta's subscription handshake; echoes the challenge byte-for-byte when the token matches. */
export function handleWebhookVerify(e: core.RequestEvent): void {
  const query = e.request!.url!.query();
  const expected = readConfig().verifyToken;
  const token = query.get('hub.verify_token');
  if (query.get('hub.mode') === 'subscribe' && expected !== '' && $security.equal(token, expected)) {
    e.string(200, query.get('hub.challenge'));
    return;
  }
  respondError(e, 403, 'verify-token-mismatch', 'The verify token does not match.');
}

type Stored = { duplicate: true } | { duplicate: false; entry: InboxEntry; receivedAt: string; mustWait: boolean };

/**
 * Keeps the exact bytes in the inbox; the same delivery again (Meta's retries) is a success that changes nothing,
 * whether it still waits there or was applied long ago.
 */
function storeEvent(raw: string): Stored {
  const app = $app as unknown as core.App;
  const bodyHash = $security.sha256(raw);
  const seen = appliedOrQueued(bodyHash);
  if (seen.applied) return { duplicate: true };
  if (seen.queuedForReplay) adoptQueuedEvents(app, REPLAY_BATCH);
  const now = Date.now();
  const receivedAt = isoDate(now);
  const queued = enqueue(raw, bodyHash, receivedAt, now);
  if (queued === null) return { duplicate: true };
  return { duplicate: false, entry: { seq: queued.seq, bodyHash, attempts: 0 }, receivedAt, mustWait: queued.behindOthers };
}

/**
 * One prepared query instead of two record lookups: every acknowledgement asks it, and PocketBase's filter parser
 * and record decoding cost more than the lookups themselves.
 */
function appliedOrQueued(bodyHash: string): { applied: boolean; queuedForReplay: boolean } {
  const row = new DynamicModel({ applied: 0, queued: 0 });
  preparedQuery(
    'main',
    "SELECT EXISTS (SELECT 1 FROM webhook_events WHERE body_hash = {:hash}) AS applied, EXISTS (SELECT 1 FROM webhook_events WHERE status = 'pending') AS queued",
  )
    .bind({ hash: bodyHash } as dbx.Params)
    .one(row);
  const found = row as unknown as { applied: number; queued: number };
  return { applied: found.applied === 1, queuedForReplay: found.queued === 1 };
}

/**
 * POST: verifies Meta's signature over the raw bytes and validates everything before writing anything (bad input
 * is a 4xx with nothing stored), then stores the body in the inbox and answers 200 once it is committed. When
 * nothing else is waiting the event is applied right here, before answering; otherwise it waits its turn and the
 * worker drains the queue in order, so Meta never waits on a backlog and nothing acknowledged is lost.
 */
export function handleWebhookPost(e: core.RequestEvent): void {
  const config = readConfig();
  if (e.request!.contentLength > config.maxWebhookBytes) {
    respondError(e, 413, 'body-too-large', 'Webhook bodies are limited to 3 MB.');
    return;
  }
  const raw = toString(e.request!.body, config.maxWebhookBytes + 1);
  if (raw.length > config.maxWebhookBytes) {
    respondError(e, 413, 'body-too-large', 'Webhook bodies are limited to 3 MB.');
    return;
  }
  const signature = e.request!.header.get('X-Hub-Signature-256');
  if (!config.appSecret || !signature || !$security.equal(signature, `sha256=${$security.hs256(raw, config.appSecret)}`)) {
    console.log('[webhook] refused: missing or invalid X-Hub-Signature-256');
    respondError(e, 401, 'invalid-signature', 'Missing or invalid X-Hub-Signature-256.');
    return;
  }
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    console.log('[webhook] refused: malformed JSON');
    respondError(e, 400, 'invalid-json', 'The body is not valid JSON.');
    return;
  }
  const envelope = parseWebhook(body);
  if (!envelope.ok) {
    const data: FieldErrors = {};
    for (const issue of envelope.issues) data[issue.path] = { code: issue.code, message: issue.message };
    console.log(`[webhook] refused: ${Object.keys(data).join(', ')}`);
    respondError(e, 400, 'invalid-payload', 'The payload is not a WhatsApp Business Account webhook.', data);
    return;
  }
  const planned = planWebhook(envelope.envelope);
  if (!planned.ok) {
    console.log(`[webhook] refused: ${planned.path}: ${planned.message}`);
    respondError(e, 400, planned.reason, 'A change in the payload is invalid.', { [planned.path]: { code: planned.reason, message: planned.message } });
    return;
  }
  const stored = storeEvent(raw);
  if (stored.duplicate) {
    e.json(200, { ok: true, duplicate: true, applied: false });
    return;
  }
  const applied = !stored.mustWait && appBundle().applyInboxEntry($app as unknown as core.App, stored.entry, { raw, receivedAt: stored.receivedAt, plan: planned.plan }) === 'applied';
  e.json(200, { ok: true, duplicate: false, applied });
}
