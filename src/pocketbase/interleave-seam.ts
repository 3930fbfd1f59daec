import { sweepPresence } from './agent-presence';
import { expireOffers } from './offers';
import { sweepBacklog } from './routing';
import { sweepSla } from './sla';
import { sweepSnoozes } from './snooze';

// Tests only (registered when POCKETDESK_TEST_INTERLEAVE=1): runs a sweep between PocketBase's read of a record for a
// records-API update and that update's save — the moment a sweep or the worker really can commit in between, which
// no outside ordering of requests reproduces. tests/integration/narrow-writes.test.ts drives it.

const SWEEPS: Record<string, (app: core.App, now: number) => number> = {
  presence: sweepPresence,
  backlog: sweepBacklog,
  sla: sweepSla,
  snooze: sweepSnoozes,
  offers: expireOffers,
};

/** onRecordUpdateRequest: with `X-Test-Interleave: <sweep>[@epoch ms]`, that sweep runs and commits first. */
export function runInterleavedSweep(e: core.RecordRequestEvent): void {
  // The generated types promise `e.request` here, but the VM exposes the embedded *RequestEvent only by name.
  const request = (e as unknown as { requestEvent: core.RequestEvent }).requestEvent.request!;
  const [name = '', at = ''] = request.header.get('X-Test-Interleave').split('@');
  const sweep = SWEEPS[name];
  if (sweep) $app.runInTransaction((txApp) => void sweep(txApp, at ? Number(at) : Date.now()));
  e.next();
}
