// Snooze: the route that snoozes or wakes a conversation, the sweep that wakes due ones each minute, and the wake a
// customer's message causes. Every wake tells the owner with a `snooze` push, so a conversation comes back to a
// phone that was off when it was snoozed.
import { decideSnooze, isSnoozed, NOT_SNOOZED, type SnoozeState } from '../lib/domain/tickets/snooze';
import { snoozeRequestSchema } from '../lib/schemas/snooze';
import { respondError } from './api-errors';
import { writeNotification } from './assignment';
import { authorizeDesk, respondDeskRefusal } from './desk-access';
import { immediateWriter, type Writer } from './effects';
import type { InboundContext } from './inbound/context';
import { readChannel } from './records/channel';
import { readConversation, writeConversation } from './records/conversation';
import { findOne, isoDate } from './records';
import { currentApp, EVERY_ROLE, staffRoute } from './route-kit';
import { GoTimeZone } from './time-zone';
import { timedSweepRoute } from './timed-sweeps';

const REFUSALS: Record<string, { status: number; message: string }> = {
  resolved: { status: 409, message: 'A resolved conversation cannot be snoozed.' },
  'too-soon': { status: 400, message: 'Pick a time at least five minutes from now.' },
  'too-far': { status: 400, message: 'Pick a time within the next 90 days.' },
  'preset-unavailable': { status: 400, message: 'That time has already passed today.' },
};

const DUE = "snooze_reason = 'until-time' && snoozed_until != '' && snoozed_until <= {:now}";

function writeSnooze(conversation: core.Record, state: SnoozeState): void {
  writeConversation(conversation, { snoozeReason: state.reason, snoozedUntil: state.until });
}

/** Clears the snooze and tells the owner (an unassigned or resolved conversation tells nobody). */
function wake(app: core.App, conversation: core.Record, writer: Writer, contact?: core.Record): void {
  writeSnooze(conversation, NOT_SNOOZED);
  const ticket = readConversation(conversation);
  if (!ticket.assigneeId || ticket.status === 'resolved') return;
  writeNotification(
    app,
    ticket.assigneeId,
    conversation,
    contact ?? app.findRecordById('contacts', ticket.contactId),
    'snooze',
    conversation.getString('last_message_preview'),
    writer,
  );
}

/** POST /api/pocketdesk/conversations/{id}/snooze — {preset} | {until} | {untilCustomerWrites: true} | {wake: true}. */
export const handleSnooze = staffRoute(
  {
    roles: EVERY_ROLE,
    body: snoozeRequestSchema,
    invalid: { reason: 'invalid-snooze', message: 'Say until when: a preset, a time, until the customer writes, or wake.' },
  },
  (e, { staff, body }) => {
    const id = e.request!.pathValue('id');
    const found = findOne(currentApp(), 'conversations', 'id = {:id}', { id });
    if (!found) {
      respondError(e, 404, 'not-found', 'No such conversation.');
      return;
    }
    const decision = authorizeDesk(currentApp(), staff, found, { action: 'snooze' });
    if (!decision.ok) {
      respondDeskRefusal(e, decision);
      return;
    }
    let answer: { status: number; body: Record<string, unknown> } = { status: 500, body: {} };
    $app.runInTransaction((txApp) => {
      const conversation = txApp.findRecordById('conversations', id);
      if ('wake' in body) {
        // The agent woke it by hand: no push to the phone in their hand.
        writeSnooze(conversation, NOT_SNOOZED);
        txApp.save(conversation);
        answer = { status: 200, body: { ok: true, reason: null, until: null } };
        return;
      }
      const port = new GoTimeZone();
      const channel = readChannel(txApp.findRecordById('channels', conversation.getString('channel')), port);
      const snooze = decideSnooze(body, conversation.getString('status'), Date.now(), { zone: channel.timezone, schedule: channel.settings.schedule, port });
      if (!snooze.ok) {
        answer = { status: REFUSALS[snooze.reason].status, body: { reason: snooze.reason } };
        return;
      }
      writeSnooze(conversation, snooze.state);
      txApp.save(conversation);
      answer = { status: 200, body: { ok: true, reason: snooze.state.reason, until: snooze.state.until } };
    });
    if (answer.status === 200) e.json(200, answer.body);
    else respondError(e, answer.status, String(answer.body.reason), REFUSALS[String(answer.body.reason)].message);
  },
);

/** Wakes every conversation whose snooze ran out by `now`; returns how many. */
export function sweepSnoozes(app: core.App, now: number): number {
  const due = app.findRecordsByFilter('conversations', DUE, 'snoozed_until', 500, 0, { now: isoDate(now) } as dbx.Params).filter((r): r is core.Record => !!r);
  const writer = immediateWriter(app);
  for (const conversation of due) {
    wake(app, conversation, writer);
    app.save(conversation);
  }
  return due.length;
}

/** Cron entry: once a minute, so a snooze comes back within a minute of its time whether or not any phone is on. */
export function runSnoozeSweep(): void {
  $app.runInTransaction((txApp) => void sweepSnoozes(txApp, Date.now()));
}

/** POST /api/pocketdesk/worker/snooze-sweep {now?} — see timedSweepRoute. */
export const handleSnoozeSweep = timedSweepRoute(sweepSnoozes);

/** A customer's message wakes a snoozed conversation at once (written with the message; the caller saves the record). */
export function wakeOnCustomerMessage(ctx: InboundContext, conversation: core.Record): void {
  if (isSnoozed(readConversation(conversation).snooze)) wake(ctx.app, conversation, ctx.writer, ctx.contactOf(conversation));
}

/** Resolving ends a snooze: a resolved conversation has nothing to come back for (part of the resolving save). */
export function clearSnoozeOnResolve(conversation: core.Record): void {
  if (isSnoozed(readConversation(conversation).snooze)) writeSnooze(conversation, NOT_SNOOZED);
}
