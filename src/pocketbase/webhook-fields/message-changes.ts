import type { MessageChange } from '../../lib/domain/inbound/message-extras';
import type { NormalizedInbound } from '../../lib/domain/inbound/normalized-message';
import { epochMs, findOne, isoDate, jsonField, newRecord } from '../records';

// Edits and deletes (`revoke`) of an earlier message, from the customer or from the owner's Business app (issue #19).
// The message keeps its place; its text becomes the edited one, or it is marked deleted. What it said before stays
// in `payload.previous` (the desk's own record, not shown by default). Each change applies once (its wamid is listed
// in `payload.changes`); a change that arrives before its message waits as a hidden `edit`/`revoke` row and is
// applied when the message arrives.

export type ChangeOutcome = 'edited' | 'revoked' | 'duplicate' | 'stale' | 'waiting';

interface Previous {
  text: string;
  at: string;
  change: string;
}

function applyTo(app: core.App, target: core.Record, change: MessageChange, changeWamid: string, timestamp: number): ChangeOutcome {
  const payload = jsonField<Record<string, unknown>>(target, 'payload', {}) ?? {};
  const applied = Array.isArray(payload.changes) ? (payload.changes as string[]) : [];
  if (applied.includes(changeWamid)) return 'duplicate';
  const previous = Array.isArray(payload.previous) ? (payload.previous as Previous[]) : [];
  const at = isoDate(timestamp);
  payload.changes = [...applied, changeWamid].slice(-50);
  if (change.kind === 'revoke') {
    if (!target.getString('deleted_at')) {
      previous.push({ text: target.getString('text'), at, change: 'revoke' });
      target.set('deleted_at', at);
      target.set('text', '');
    }
  } else {
    // Out of order: an older edit never overwrites a newer one, and a deleted message stays deleted.
    const editedAt = epochMs(target, 'edited_at');
    if (target.getString('deleted_at') || (editedAt !== null && editedAt > timestamp)) {
      previous.push({ text: change.text ?? '', at, change: 'edit' });
      payload.previous = previous.slice(-20);
      target.set('payload', payload);
      app.save(target);
      return 'stale';
    }
    previous.push({ text: target.getString('text'), at, change: 'edit' });
    target.set('text', change.text ?? '');
    target.set('edited_at', at);
  }
  payload.previous = previous.slice(-20);
  target.set('payload', payload);
  app.save(target);
  return change.kind === 'revoke' ? 'revoked' : 'edited';
}

/**
 * Applies an edit or delete to its message; when the message is not here yet, keeps the change in `conversationId`
 * (when known) as a hidden row to apply on its arrival.
 */
export function applyMessageChange(app: core.App, message: NormalizedInbound, conversationId: string | null): ChangeOutcome {
  const change = message.change!;
  const target = findOne(app, 'messages', 'wamid = {:w}', { w: change.targetWamid });
  if (target) return applyTo(app, target, change, message.wamid, message.timestamp);
  if (findOne(app, 'messages', 'wamid = {:w}', { w: message.wamid })) return 'duplicate';
  if (!conversationId) return 'waiting';
  // Hidden from the timeline and from the figures: not `in` (first response), not an agent's (replies).
  app.save(
    newRecord(app, 'messages', {
      conversation: conversationId,
      direction: 'out',
      sender: 'system',
      type: change.kind,
      text: change.text ?? '',
      payload: { change },
      wamid: message.wamid,
      status: 'received',
      timestamp: isoDate(message.timestamp),
      context_wamid: change.targetWamid,
      media_status: 'none',
    }),
  );
  return 'waiting';
}

/** Applies the edits and deletes that arrived before the message `wamid`, oldest first. */
export function applyWaitingChanges(app: core.App, wamid: string): void {
  const waiting = app.findRecordsByFilter('messages', "context_wamid = {:w} && (type = 'edit' || type = 'revoke') && sender = 'system'", 'timestamp', 50, 0, {
    w: wamid,
  } as dbx.Params);
  if (!waiting.length) return;
  const target = findOne(app, 'messages', 'wamid = {:w}', { w: wamid });
  if (!target) return;
  for (const row of waiting) {
    if (!row) continue;
    const change = jsonField<{ change?: MessageChange }>(row, 'payload', {}).change;
    if (change) applyTo(app, target, change, row.getString('wamid'), epochMs(row, 'timestamp') ?? 0);
  }
}
