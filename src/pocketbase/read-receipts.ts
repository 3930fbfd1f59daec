import { respondError } from './api-errors';
import { authorizeDesk, respondDeskRefusal } from './desk-access';
import { findOne } from './records';
import { signedInStaff } from './staff-auth';

/**
 * POST /api/pocketdesk/conversations/{id}/read — the agent opened the conversation: clear the unread badge and
 * ask the worker to mark the newest customer message read on WhatsApp (blue ticks for the customer).
 */
export function handleMarkRead(e: core.RequestEvent): void {
  const staff = signedInStaff(e);
  if (!staff) {
    respondError(e, 401, 'sign-in-required', 'Sign in as an agent.');
    return;
  }
  const id = e.request!.pathValue('id');
  const visible = $app.findRecordsByFilter('conversations', 'id = {:id}', '', 1, 0, { id } as dbx.Params)[0];
  if (!visible) {
    respondError(e, 404, 'not-found', 'No such conversation.');
    return;
  }
  // The desk's rule mirrors the conversations view rule: agents can only mark what they can see.
  const decision = authorizeDesk($app as unknown as core.App, staff, visible, { action: 'mark-read' });
  if (!decision.ok) {
    respondDeskRefusal(e, decision);
    return;
  }
  $app.runInTransaction((txApp) => {
    const conversation = txApp.findRecordById('conversations', id);
    const newest = findOne(txApp, 'messages', 'conversation = {:c} && direction = "in" && wamid != ""', { c: id }, '-timestamp');
    conversation.set('unread_count', 0);
    if (newest && newest.getString('wamid') !== conversation.getString('read_receipt_sent_wamid')) conversation.set('read_receipt_wamid', newest.getString('wamid'));
    txApp.save(conversation);
  });
  e.json(200, { ok: true });
}

/** POST /api/pocketdesk/worker/claim-read-receipts — pending read receipts for the worker (superuser only). */
export function claimReadReceipts(e: core.RequestEvent): void {
  if (!e.hasSuperuserAuth()) {
    respondError(e, 403, 'superuser-only', 'Only the delivery worker may call this route.');
    return;
  }
  const items = $app.findRecordsByFilter('conversations', 'read_receipt_wamid != ""', 'updated', 50, 0).flatMap((conversation) => {
    if (!conversation) return [];
    const channel = $app.findRecordById('channels', conversation.getString('channel'));
    return [{ conversationId: conversation.id, wamid: conversation.getString('read_receipt_wamid'), phoneNumberId: channel.getString('phone_number_id'), sealedToken: channel.getString('access_token') || null }];
  });
  e.json(200, { items });
}

/** POST /api/pocketdesk/worker/read-receipt-sent — records a delivered receipt unless a newer one was requested meanwhile. */
export function recordReadReceipt(e: core.RequestEvent): void {
  if (!e.hasSuperuserAuth()) {
    respondError(e, 403, 'superuser-only', 'Only the delivery worker may call this route.');
    return;
  }
  const body = JSON.parse(toString(e.request!.body) || '{}') as { conversationId?: string; wamid?: string };
  $app.runInTransaction((txApp) => {
    const conversation = txApp.findRecordById('conversations', String(body.conversationId));
    conversation.set('read_receipt_sent_wamid', String(body.wamid));
    if (conversation.getString('read_receipt_wamid') === body.wamid) conversation.set('read_receipt_wamid', '');
    txApp.save(conversation);
  });
  e.json(200, { ok: true });
}
