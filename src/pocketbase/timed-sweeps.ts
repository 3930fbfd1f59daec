import { respondError } from './api-errors';

/**
 * A superuser-only route that runs a periodic job once, at the time given in the body (`{now}`, epoch ms) or now:
 * operators can catch up by hand and tests inject time instead of waiting for the cron.
 */
export function runTimedSweep(e: core.RequestEvent, label: string, sweep: (app: core.App, now: number) => number): void {
  if (!e.hasSuperuserAuth()) {
    respondError(e, 403, 'superuser-only', `Only superusers may run the ${label}.`);
    return;
  }
  let body: { now?: unknown } = {};
  try {
    body = JSON.parse(toString(e.request!.body) || '{}') ?? {};
  } catch {
    respondError(e, 400, 'invalid-json', 'The body is not valid JSON.');
    return;
  }
  const now = typeof body.now === 'number' && Number.isFinite(body.now) ? body.now : Date.now();
  let count = 0;
  $app.runInTransaction((txApp) => void (count = sweep(txApp, now)));
  e.json(200, { count });
}
