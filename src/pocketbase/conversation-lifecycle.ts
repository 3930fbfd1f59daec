// What happens around a conversation's own saves, whoever makes them (an agent, the bot, a sweep): resolving stamps
// when and by whom, a resolution asks the customer for CSAT, and capacity freed by a resolution, an unassignment or
// an agent coming online hands out the waiting backlog.
import { requestCsat } from './csat';
import { isoDate } from './records';
import { sweepBacklog } from './routing';
import { clearSnoozeOnResolve } from './snooze';

/** After an agent's shift state changes to online (or their capacity grows), waiting conversations flow to them. */
export function afterAgentUpdate(e: core.RecordEvent): void {
  e.next();
  const record = e.record!;
  const original = record.original();
  const cameOnline = record.getString('status') === 'online' && original.getString('status') !== 'online';
  const moreRoom = record.getInt('max_open') > original.getInt('max_open');
  if (cameOnline || moreRoom) $app.runInTransaction((txApp) => void sweepBacklog(txApp, Date.now()));
}

/** Stamps resolution time as part of the same save, whoever resolves (agent, bot or system). */
export function beforeConversationUpdate(e: core.RecordEvent): void {
  const record = e.record!;
  const original = record.original();
  if (record.getString('status') === 'resolved' && original.getString('status') !== 'resolved') {
    record.set('resolved_at', isoDate(Date.now()));
    if (!record.getString('resolved_by')) record.set('resolved_by', 'agent');
    clearSnoozeOnResolve(record);
    // An upset reaction warns while the conversation is open; the resolution answers it.
    record.set('upset_at', '');
  }
  if (record.getString('status') !== 'resolved' && original.getString('status') === 'resolved') record.set('resolved_at', '');
  e.next();
}

/** A resolved conversation asks for CSAT; a resolved or unassigned one frees its agent's capacity: hand out the backlog. */
export function afterConversationUpdate(e: core.RecordEvent): void {
  e.next();
  const record = e.record!;
  const original = record.original();
  const resolved = record.getString('status') === 'resolved' && original.getString('status') !== 'resolved';
  const unassigned = !record.getString('assignee') && !!original.getString('assignee');
  if (resolved || unassigned) {
    $app.runInTransaction((txApp) => {
      if (resolved) requestCsat(txApp, txApp.findRecordById('conversations', record.id), Date.now());
      sweepBacklog(txApp, Date.now());
    });
  }
}
