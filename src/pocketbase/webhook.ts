import { respondError } from './api-errors';
import { readConfig } from './config';
import { isoDate } from './records';
import { appBundle } from './app-bundle';
import { preparedQuery } from './prepared-query';
import { recordVerification } from './webhook-verification';
import { isIntentClassifierListening } from './intent-listening';
import { adoptQueuedEvents, enqueue, type InboxEntry, REPLAY_BATCH } from './webhook-inbox';

/**
 * GET: Meta's subscription handshake; echoes the challenge byte-for-byte when the token is WHATSAPP_VERIFY_TOKEN or
 * a channel's own verify token (shown on its setup screen), and remembers when each channel was verified.
 */
export function handleWebhookVerify(e: core.RequestEvent): void {
  const query = e.request!.url!.query();
  const expected = readConfig().verifyToken;
  const token = query.get('hub.verify_token');
  const isDeploymentToken = expected !== '' && $security.equal(token, expected);
  if (query.get('hub.mode') === 'subscribe' && recordVerification($app as unknown as core.App, token, isDeploymentToken)) {
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
 * POST: verifies Meta's signature over the raw bytes, stores the body in the inbox and answers 200 once it is
 * committed. A signed body is never refused for what it says (not even for broken JSON): Meta would retry it for
 * days and then drop the valid parts batched with the bad one. Its parts are validated when it is applied, each
 * on its own (webhook-apply.ts). When nothing else is waiting the event is applied right here, before answering;
 * otherwise it waits its turn and the worker drains the queue in order, so Meta never waits on a backlog and
 * nothing acknowledged is lost.
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
  const stored = storeEvent(raw);
  if (stored.duplicate) {
    e.json(200, { ok: true, duplicate: true, applied: false });
    return;
  }
  // Hybrid routing: a worker holding the intent model predicts the message before applying it (intent-inbox.ts).
  const leaveToWorker = stored.mustWait || isIntentClassifierListening(Date.now());
  const applied =
    !leaveToWorker && appBundle().applyInboxEntry($app as unknown as core.App, stored.entry, { raw, receivedAt: stored.receivedAt }) === 'applied';
  e.json(200, { ok: true, duplicate: false, applied });
}
