import { messageIdFromCallbackData } from '../lib/domain/delivery/outbound-request';
import { clampMs, isClaimable, LEASE_MS, RECLAIM_GRACE_MS } from '../lib/domain/delivery/outbox-lease';
import type { SendOutcome } from '../lib/domain/delivery/send-outcome';
import { advanceStatus } from '../lib/domain/delivery/delivery-status';
import * as z from 'zod/mini';
import { epochMs, isoDate, jsonField } from './records';
import { claimLimit, loose, workerRoute } from './route-kit';

// Routes the delivery worker uses. Claims happen inside one transaction so several workers never take the same row.

// Numbers are read leniently (clamped or defaulted by claimLimit and clampMs): tests shorten leases this way.
const claimBody = z.object({ limit: loose, worker: z.optional(z.string()), leaseMs: loose, graceMs: loose });
const beginSendBody = z.object({ id: z.optional(z.string()), worker: z.optional(z.string()), leaseMs: loose });
const resultBody = z.object({ id: z.string().check(z.minLength(1)), outcome: z.custom<SendOutcome>((value) => typeof value === 'object' && value !== null) });

function outboundView(app: core.App, message: core.Record): Record<string, unknown> {
  const conversation = app.findRecordById('conversations', message.getString('conversation'));
  const contact = app.findRecordById('contacts', conversation.getString('contact'));
  const channel = app.findRecordById('channels', conversation.getString('channel'));
  const templateId = message.getString('template');
  const template = templateId ? app.findRecordById('templates', templateId) : null;
  return {
    id: message.id,
    type: message.getString('type'),
    text: message.getString('text'),
    attempts: message.getInt('attempts'),
    waId: contact.getString('wa_id') || null,
    userId: contact.getString('user_id') || null,
    contextWamid: message.getString('context_wamid') || null,
    mediaId: message.getString('media_id') || null,
    mediaFile: message.getString('media') || null,
    mediaMime: message.getString('media_mime') || null,
    mediaFilename: message.getString('media_filename') || null,
    payload: jsonField(message, 'payload', {}),
    template: template
      ? {
          name: template.getString('name'),
          language: template.getString('language'),
          parameterFormat: template.getString('parameter_format'),
          params: jsonField(message, 'template_params', []),
          headerParams: jsonField<{ header_params?: Record<string, string> | string[] }>(message, 'payload', {}).header_params ?? [],
        }
      : null,
    phoneNumberId: channel.getString('phone_number_id'),
    // Per-number token for multi-account setups, still sealed: only the worker opens it (it falls back to
    // WHATSAPP_ACCESS_TOKEN when there is none).
    sealedToken: channel.getString('access_token') || null,
  };
}

/** POST /api/pocketdesk/worker/claim-outbound: leases due outbound messages to one worker. */
export const claimOutbound = workerRoute({ body: claimBody }, (e, body) => {
  const now = Date.now();
  const leaseMs = clampMs(body.leaseMs, LEASE_MS);
  const graceMs = clampMs(body.graceMs, RECLAIM_GRACE_MS);
  const claimed: Array<Record<string, unknown>> = [];
  $app.runInTransaction((txApp) => {
    const rows = txApp.findRecordsByFilter(
      'messages',
      'direction = "out" && ((status = "queued" && (next_attempt_at = "" || next_attempt_at <= {:now}) && (claimed_until = "" || claimed_until <= {:now}))' +
        ' || (status = "sending" && wamid = "" && claimed_until <= {:reclaim}))' +
        // A number an admin switched off sends nothing: its messages wait, queued, until it is switched on again.
        ' && conversation.channel.disabled != true',
      'created',
      claimLimit(body.limit),
      0,
      { now: isoDate(now), reclaim: isoDate(now - graceMs) } as dbx.Params,
    );
    for (const row of rows) {
      if (!row) continue;
      const lease = {
        status: row.getString('status'),
        wamid: row.getString('wamid'),
        nextAttemptAt: epochMs(row, 'next_attempt_at'),
        claimedUntil: epochMs(row, 'claimed_until'),
      };
      if (!isClaimable(lease, now, graceMs)) continue;
      // Stays `queued` until the send starts: a worker that dies before then only costs the lease.
      row.set('status', 'queued');
      row.set('claimed_by', String(body.worker ?? 'worker'));
      row.set('claimed_until', isoDate(now + leaseMs));
      txApp.save(row);
      claimed.push(outboundView(txApp, row));
    }
  });
  e.json(200, { items: claimed });
});

/** POST /api/pocketdesk/worker/begin-send: marks a claimed message in flight, right before the Graph call. */
export const beginSend = workerRoute({ body: beginSendBody }, (e, body) => {
  let started = false;
  $app.runInTransaction((txApp) => {
    const message = txApp.findRecordById('messages', String(body.id));
    // Another worker took it over after our lease ran out: do not send it twice.
    if (message.getString('status') !== 'queued' || message.getString('claimed_by') !== String(body.worker ?? 'worker')) return;
    message.set('status', 'sending');
    message.set('claimed_until', isoDate(Date.now() + clampMs(body.leaseMs, LEASE_MS)));
    txApp.save(message);
    started = true;
  });
  e.json(200, { started });
});

/** POST /api/pocketdesk/worker/outbound-result: records a send attempt without regressing a status a webhook already advanced. */
export const recordOutboundResult = workerRoute(
  { body: resultBody, invalid: { reason: 'invalid-result', message: 'id and outcome are required.' } },
  (e, body) => {
    const outcome = body.outcome;
    $app.runInTransaction((txApp) => {
      const message = txApp.findRecordById('messages', body.id);
      message.set('claimed_until', '');
      if (outcome.status === 'sent') {
        message.set('wamid', outcome.wamid);
        const next = advanceStatus(message.getString('status'), 'sent');
        if (next) message.set('status', next);
        if (!message.getString('sent_at')) message.set('sent_at', isoDate(Date.now()));
      } else if (outcome.status === 'queued') {
        message.set('status', 'queued');
        message.set('attempts', outcome.attempts);
        message.set('next_attempt_at', isoDate(outcome.nextAttemptAt));
        message.set('error_reason', outcome.reason);
      } else {
        message.set('status', 'failed');
        message.set('attempts', outcome.attempts);
        message.set('error_code', outcome.errorCode);
        message.set('error_title', outcome.errorTitle);
        message.set('error_reason', outcome.reason);
      }
      txApp.save(message);
    });
    e.json(200, { ok: true });
  },
);

/** Finds the outbound message a status webhook is about, even when its send result was never recorded. */
export function findOutboundForStatus(app: core.App, wamid: string, callbackData: string | undefined): core.Record | null {
  const byWamid = app.findRecordsByFilter('messages', 'wamid = {:w} && direction = "out"', '', 1, 0, { w: wamid } as dbx.Params)[0];
  if (byWamid) return byWamid;
  const id = messageIdFromCallbackData(callbackData);
  if (!id) return null;
  const byId = app.findRecordsByFilter('messages', 'id = {:id} && direction = "out" && wamid = ""', '', 1, 0, { id } as dbx.Params)[0];
  if (!byId) return null;
  byId.set('wamid', wamid);
  return byId;
}

/** POST /api/pocketdesk/worker/claim-media: leases inbound messages whose media still has to be downloaded. */
export const claimMedia = workerRoute({ body: claimBody }, (e, body) => {
  const now = Date.now();
  const claimed: Array<Record<string, unknown>> = [];
  $app.runInTransaction((txApp) => {
    const rows = txApp.findRecordsByFilter(
      'messages',
      'direction = "in" && media_status = "pending" && media_id != "" && (next_attempt_at = "" || next_attempt_at <= {:now}) && (claimed_until = "" || claimed_until <= {:now})',
      'created',
      claimLimit(body.limit),
      0,
      { now: isoDate(now) } as dbx.Params,
    );
    for (const row of rows) {
      if (!row) continue;
      row.set('claimed_until', isoDate(now + LEASE_MS));
      txApp.save(row);
      const conversation = txApp.findRecordById('conversations', row.getString('conversation'));
      const channel = txApp.findRecordById('channels', conversation.getString('channel'));
      claimed.push({
        id: row.id,
        type: row.getString('type'),
        mediaId: row.getString('media_id'),
        mime: row.getString('media_mime'),
        filename: row.getString('media_filename'),
        attempts: row.getInt('attempts'),
        phoneNumberId: channel.getString('phone_number_id'),
        sealedToken: channel.getString('access_token') || null,
      });
    }
  });
  e.json(200, { items: claimed });
});
