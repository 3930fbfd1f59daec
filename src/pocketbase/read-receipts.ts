import * as z from 'zod/mini';
import { respondError } from './api-errors';
import { authorizeDesk, respondDeskRefusal } from './desk-access';
import { findOne } from './records';
import { currentApp, EVERY_ROLE, staffRoute, workerRoute } from './route-kit';

const receiptSentBody = z.object({ conversationId: z.optional(z.string()), wamid: z.optional(z.string()) });

/**
 * POST /api/pocketdesk/conversations/{id}/read — the agent opened the conversation: clear the unread badge and
 * ask the worker to mark the newest customer message read on WhatsApp (blue ticks for the customer).
 */
export const handleMarkRead = staffRoute({ roles: EVERY_ROLE }, (e, { staff }) => {
  const id = e.request!.pathValue('id');
  const visible = $app.findRecordsByFilter('conversations', 'id = {:id}', '', 1, 0, { id } as dbx.Params)[0];
  if (!visible) {
    respondError(e, 404, 'not-found', 'No such conversation.');
    return;
  }
  // The desk's rule mirrors the conversations view rule: agents can only mark what they can see.
  const decision = authorizeDesk(currentApp(), staff, visible, { action: 'mark-read' });
  if (!decision.ok) {
    respondDeskRefusal(e, decision);
    return;
  }
  $app.runInTransaction((txApp) => {
    const conversation = txApp.findRecordById('conversations', id);
    const newest = findOne(txApp, 'messages', 'conversation = {:c} && direction = "in" && wamid != ""', { c: id }, '-timestamp');
    conversation.set('unread_count', 0);
    if (newest && newest.getString('wamid') !== conversation.getString('read_receipt_sent_wamid'))
      conversation.set('read_receipt_wamid', newest.getString('wamid'));
    txApp.save(conversation);
  });
  e.json(200, { ok: true });
});

/** POST /api/pocketdesk/worker/claim-read-receipts — pending read receipts for the worker (superuser only). */
export const claimReadReceipts = workerRoute({}, (e) => {
  const items = $app.findRecordsByFilter('conversations', 'read_receipt_wamid != ""', 'updated', 50, 0).flatMap((conversation) => {
    if (!conversation) return [];
    const channel = $app.findRecordById('channels', conversation.getString('channel'));
    return [
      {
        conversationId: conversation.id,
        wamid: conversation.getString('read_receipt_wamid'),
        phoneNumberId: channel.getString('phone_number_id'),
        sealedToken: channel.getString('access_token') || null,
      },
    ];
  });
  e.json(200, { items });
});

/** POST /api/pocketdesk/worker/read-receipt-sent — records a delivered receipt unless a newer one was requested meanwhile. */
export const recordReadReceipt = workerRoute({ body: receiptSentBody }, (e, body) => {
  $app.runInTransaction((txApp) => {
    const conversation = txApp.findRecordById('conversations', String(body.conversationId));
    conversation.set('read_receipt_sent_wamid', String(body.wamid));
    if (conversation.getString('read_receipt_wamid') === body.wamid) conversation.set('read_receipt_wamid', '');
    txApp.save(conversation);
  });
  e.json(200, { ok: true });
});
