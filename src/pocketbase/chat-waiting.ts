import { respondError } from './api-errors';
import { readJsonBody } from './route-kit';
import { conversationData, writeEvent } from './integration-events';
import { isoDate, jsonField } from './records';

// `conversation.waiting` for chat targets: a conversation still open without an agent N minutes after it started
// (N per target). Told once per conversation and target; only conversations started within the last day, so a
// target added to a busy desk is not flooded with its history. The cron runs it every minute.

const LOOKBACK_MS = 24 * 60 * 60_000;

/** Writes the waiting events now due; returns how many. */
export function sweepWaitingConversations(app: core.App, now: number): number {
  let written = 0;
  const targets = app.findRecordsByFilter('webhook_endpoints', 'kind = "chat" && active = true', '', 0, 0).flatMap((r) => (r ? [r] : []));
  for (const target of targets) {
    if (!jsonField<string[]>(target, 'events', []).includes('conversation.waiting')) continue;
    const waitMs = target.getInt('wait_minutes') * 60_000;
    const scope = [target.getString('channel') ? 'channel = {:channel}' : '', target.getString('team') ? 'team = {:team}' : ''].filter(Boolean);
    const filter = ['status = "open"', 'assignee = ""', 'created <= {:due}', 'created >= {:since}', ...scope].join(' && ');
    const params = { due: isoDate(now - waitMs), since: isoDate(now - LOOKBACK_MS), channel: target.getString('channel'), team: target.getString('team') };
    for (const conversation of app.findRecordsByFilter('conversations', filter, 'created', 200, 0, params as dbx.Params)) {
      if (!conversation) continue;
      // Checked under the writer lock: cron runs can overlap, and two runs that both checked first told twice.
      app.runInTransaction((txApp) => {
        const told = txApp.findRecordsByFilter('webhook_deliveries', 'endpoint = {:e} && type = "conversation.waiting" && order_key = {:c}', '', 1, 0, {
          e: target.id,
          c: conversation.id,
        } as dbx.Params);
        // Read again too: it may have been assigned since the list was read.
        const waiting = txApp.findRecordsByFilter('conversations', 'id = {:id} && status = "open" && assignee = ""', '', 1, 0, {
          id: conversation.id,
        } as dbx.Params)[0];
        if (told.length || !waiting) return;
        writeEvent(
          txApp,
          'conversation.waiting',
          {
            data: { conversation: conversationData(waiting) },
            orderKey: conversation.id,
            contact: conversation.getString('contact'),
            conversation: conversation.id,
          },
          [target],
        );
        written++;
      });
    }
  }
  return written;
}

/** Cron entry point. */
export function runWaitingSweep(): void {
  sweepWaitingConversations($app as unknown as core.App, Date.now());
}

/** POST /api/pocketdesk/worker/integration-sweep: the same sweep on demand (superuser; tests and operators). */
export function handleWaitingSweep(e: core.RequestEvent): void {
  if (!e.hasSuperuserAuth()) return respondError(e, 403, 'superuser-only', 'Only the worker may run sweeps.');
  if (!readJsonBody(e).ok) return;
  e.json(200, { written: sweepWaitingConversations($app as unknown as core.App, Date.now()) });
}
