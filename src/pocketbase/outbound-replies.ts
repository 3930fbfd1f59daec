import { checkAttachment } from '../lib/domain/delivery/attachment-rules';
import { canSendFreeform } from '../lib/domain/window/service-window';
import { replyDraftSchema } from '../lib/schemas/reply';
import { fieldErrorsOf, respondError } from './api-errors';
import { countCannedReplyUse } from './canned-reply-uses';
import { epochMs, isoDate } from './records';
import { templateConsentRefusal } from './template-consent';
import { prepareTemplateSend } from './template-sends';

function draftOf(record: core.Record): unknown {
  const type = record.getString('type');
  if (type === 'template')
    return { type, template: record.getString('template'), template_params: JSON.parse(record.getString('template_params') || '[]') ?? [] };
  return { type, text: record.getString('text') };
}

const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'document']);

/**
 * A media reply needs exactly its one file, of a type and size WhatsApp takes; a text or template reply none.
 * Records the size and name the worker needs for the upload. False when it answered with a refusal.
 */
function acceptMedia(e: core.RecordRequestEvent, record: core.Record, type: string): boolean {
  const file = record.getUnsavedFiles('media')[0];
  if (!MEDIA_TYPES.has(type)) {
    if (!file) return true;
    respondError(e, 400, 'unexpected-media', 'Only photo, video, audio and document replies carry a file.', {
      media: { code: 'unexpected-media', message: 'Remove the file.' },
    });
    return false;
  }
  if (!file) {
    respondError(e, 400, 'missing-media', 'Attach the file to send.', { media: { code: 'missing-media', message: 'A file is required.' } });
    return false;
  }
  // The declared MIME type is what Graph is told at upload, and Graph checks the bytes against it.
  const check = checkAttachment(record.getString('media_mime'), file.size);
  const reason = !check.ok ? check.reason : check.type !== type ? 'media-type-mismatch' : null;
  if (reason) {
    respondError(e, 400, reason, 'WhatsApp does not accept this file.', {
      media: { code: reason, message: "The file type or size is outside WhatsApp's limits." },
    });
    return false;
  }
  record.set('media_size', file.size);
  record.set('media_filename', record.getString('media_filename') || file.originalName);
  record.set('media_status', 'stored');
  return true;
}

/**
 * Checks an agent's reply before it is queued: valid draft, open 24 h window for free-form text.
 * Server-owned fields are reset so a client can't forge delivery state. Offline replies land here too, late.
 */
export function guardOutboundReply(e: core.RecordRequestEvent): void {
  if (e.hasSuperuserAuth()) {
    e.next();
    return;
  }
  const record = e.record!;
  const parsed = replyDraftSchema.safeParse(draftOf(record));
  if (!parsed.success) {
    respondError(e, 400, 'invalid-reply', 'The reply is not valid.', fieldErrorsOf(parsed.error.issues, { topLevel: true, root: 'type' }));
    return;
  }
  const conversation = e.app.findRecordById('conversations', record.getString('conversation'));
  if (e.app.findRecordById('channels', conversation.getString('channel')).getBool('disabled')) {
    respondError(e, 409, 'channel-disabled', 'This WhatsApp number is switched off: nothing can be sent from it.', {
      type: { code: 'channel-disabled', message: 'An admin switched this number off; replies wait until it is on again.' },
    });
    return;
  }
  const now = Date.now();
  if (parsed.data.type !== 'template' && !canSendFreeform(epochMs(conversation, 'last_inbound_at'), now)) {
    respondError(e, 400, 'window-closed', 'The 24-hour window is closed: send an approved template instead.', {
      type: { code: 'window-closed', message: 'Only templates can be sent outside the 24-hour window.' },
    });
    return;
  }
  if (!acceptMedia(e, record, parsed.data.type)) return;
  if (parsed.data.type === 'template') {
    const contact = e.app.findRecordById('contacts', conversation.getString('contact'));
    // Issue #19: a customer who stopped marketing messages gets no marketing template.
    if (templateConsentRefusal(e.app, parsed.data.template, contact)) {
      respondError(e, 400, 'marketing-opt-out', 'This customer stopped marketing messages on WhatsApp.', {
        template: { code: 'marketing-opt-out', message: 'The customer opted out of marketing messages: choose a utility template.' },
      });
      return;
    }
    const prepared = prepareTemplateSend(e.app, parsed.data.template, parsed.data.template_params, {
      customerName: contact.getString('name'),
      agentName: e.auth!.getString('name'),
    });
    if (!prepared.ok) {
      respondError(e, 400, prepared.reason, 'The template cannot be sent with these parameters.', {
        template_params: { code: prepared.reason, message: prepared.missing.length ? `Missing: ${prepared.missing.join(', ')}` : prepared.reason },
      });
      return;
    }
    record.set('template_params', prepared.params);
    // The header's values travel in the payload: `template_params` keeps the body's, as Meta names them.
    const headerCount = Array.isArray(prepared.headerParams) ? prepared.headerParams.length : Object.keys(prepared.headerParams).length;
    record.set('payload', headerCount ? { header_params: prepared.headerParams } : {});
    record.set('text', prepared.preview);
  }
  record.set('direction', 'out');
  record.set('sender', 'agent');
  record.set('author', e.auth!.id);
  record.set('status', 'queued');
  for (const field of [
    'wamid',
    'media_id',
    'error_title',
    'error_reason',
    'claimed_by',
    'claimed_until',
    'next_attempt_at',
    'sent_at',
    'delivered_at',
    'read_at',
  ])
    record.set(field, '');
  record.set('attempts', 0);
  record.set('error_code', 0);
  if (!MEDIA_TYPES.has(parsed.data.type)) record.set('media_status', 'none');
  e.app.runInTransaction((txApp) => {
    e.app = txApp;
    e.next();
    const fresh = txApp.findRecordById('conversations', conversation.id);
    if (!fresh.getString('first_response_at')) fresh.set('first_response_at', isoDate(now));
    fresh.set('last_outbound_at', isoDate(now));
    fresh.set('last_agent_reply_at', isoDate(now));
    fresh.set('last_message_at', isoDate(now));
    fresh.set('last_message_preview', (record.getString('text') || `[${parsed.data.type}]`).slice(0, 120));
    fresh.set('unread_count', 0);
    // Replying hands the turn to the customer: the ticket moves to "waiting on customer".
    if (fresh.getString('status') === 'open') fresh.set('status', 'pending');
    txApp.save(fresh);
    const author = txApp.findRecordById('agents', e.auth!.id);
    author.set('last_message_at', isoDate(now));
    txApp.save(author);
    // Issue #20: the composer suggests first the canned replies most sent for the conversation's intent.
    countCannedReplyUse(txApp, record.getString('canned_reply'), fresh.getString('intent'), now);
  });
}
