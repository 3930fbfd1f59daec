import { planWebhook, type WebhookItem } from '../lib/domain/inbound/plan-webhook';
import { parseWebhook } from '../lib/schemas/webhook';
import { respondError, type FieldErrors } from './api-errors';
import { applyStatus } from './apply-status';
import { readConfig } from './config';
import { ingestMessage } from './ingest-message';
import { findOne, newRecord } from './records';

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

interface Summary {
  messages: Record<string, number>;
  statuses: Record<string, number>;
  accountErrors: number[];
  otherFields: string[];
  unknownChannels: string[];
}

function applyItems(app: core.App, items: WebhookItem[], now: number): Summary {
  const summary: Summary = { messages: {}, statuses: {}, accountErrors: [], otherFields: [], unknownChannels: [] };
  const channels = new Map<string, core.Record | null>();
  const channelFor = (pnid: string) => {
    if (!channels.has(pnid)) channels.set(pnid, findOne(app, 'channels', 'phone_number_id = {:p}', { p: pnid }));
    return channels.get(pnid) ?? null;
  };
  const count = (bucket: Record<string, number>, key: string) => (bucket[key] = (bucket[key] ?? 0) + 1);
  for (const item of items) {
    if (item.kind === 'other-field') {
      summary.otherFields.push(item.field);
      continue;
    }
    const channel = channelFor(item.phoneNumberId);
    if (!channel) {
      if (!summary.unknownChannels.includes(item.phoneNumberId)) summary.unknownChannels.push(item.phoneNumberId);
      continue;
    }
    if (item.kind === 'message') count(summary.messages, ingestMessage(app, channel, item.customer, item.message, now));
    else if (item.kind === 'status') count(summary.statuses, applyStatus(app, item.status));
    else summary.accountErrors.push(item.error.code);
  }
  return summary;
}

function statusOf(summary: Summary, items: WebhookItem[]): string {
  if (summary.unknownChannels.length) return 'unknown_channel';
  return items.every((item) => item.kind === 'other-field') ? 'unsupported' : 'processed';
}

/**
 * POST: verifies Meta's signature over the raw bytes, validates, and stores everything in one transaction.
 * Answers 200 only after the commit, so Meta retries whatever we did not keep.
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
  const bodyHash = $security.sha256(raw);
  let duplicate = false;
  let summary: Summary | null = null;
  $app.runInTransaction((txApp) => {
    // Read the clock under the writer lock: decisions that queued behind another must see a later time
    // (round robin compares last-assigned times).
    const now = Date.now();
    // The same delivery again (Meta's retries, or several subscribed apps) is a success that changes nothing.
    if (findOne(txApp, 'webhook_events', 'body_hash = {:h}', { h: bodyHash })) {
      duplicate = true;
      return;
    }
    summary = applyItems(txApp, planned.plan.items, now);
    txApp.save(
      newRecord(txApp, 'webhook_events', {
        raw,
        body_hash: bodyHash,
        status: statusOf(summary, planned.plan.items),
        fields: planned.plan.fields,
        phone_number_ids: planned.plan.phoneNumberIds,
        summary,
      }),
    );
  });
  if (summary && (summary as Summary).unknownChannels.length) console.log(`[webhook] stored for unknown phone_number_id(s): ${(summary as Summary).unknownChannels.join(', ')}`);
  e.json(200, { ok: true, duplicate, summary });
}
