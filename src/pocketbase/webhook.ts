import { planWebhook, type WebhookPlan } from '../lib/domain/inbound/plan-webhook';
import { parseWebhook } from '../lib/schemas/webhook';
import { respondError, type FieldErrors } from './api-errors';
import { readConfig } from './config';
import { findOne, newRecord } from './records';
import { applyStoredEvent, hasBacklog } from './webhook-apply';

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

type Stored = { duplicate: true } | { duplicate: false; eventId: string; mustWait: boolean };

/** Keeps the exact bytes as a pending event; the same delivery again (Meta's retries) is a success that changes nothing. */
function storeEvent(raw: string, plan: WebhookPlan): Stored {
  const bodyHash = $security.sha256(raw);
  let stored: Stored = { duplicate: true };
  $app.runInTransaction((txApp) => {
    if (findOne(txApp, 'webhook_events', 'body_hash = {:h}', { h: bodyHash })) return;
    const event = newRecord(txApp, 'webhook_events', {
      raw,
      body_hash: bodyHash,
      status: 'pending',
      attempts: 0,
      fields: plan.fields,
      phone_number_ids: plan.phoneNumberIds,
    });
    txApp.save(event);
    stored = { duplicate: false, eventId: event.id, mustWait: hasBacklog(txApp, event.id, Date.now()) };
  });
  return stored;
}

/**
 * POST: verifies Meta's signature over the raw bytes and validates everything before writing anything (bad input
 * is a 4xx with nothing stored), then stores the body and answers 200 once it is committed. When nothing else is
 * waiting the event is applied right here, before answering; otherwise it waits its turn and the worker drains the
 * queue in order, so Meta never waits on a backlog and nothing acknowledged is lost.
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
  const stored = storeEvent(raw, planned.plan);
  if (stored.duplicate) {
    e.json(200, { ok: true, duplicate: true, applied: false });
    return;
  }
  const applied = !stored.mustWait && applyStoredEvent($app as unknown as core.App, stored.eventId, planned.plan) === 'applied';
  e.json(200, { ok: true, duplicate: false, applied });
}
