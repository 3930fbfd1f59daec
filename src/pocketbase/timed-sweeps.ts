import * as z from 'zod/mini';
import { currentApp, loose, workerRoute } from './route-kit';

const sweepBody = z.object({ now: loose });

/**
 * A superuser-only route that runs a periodic job once, at the time given in the body (`{now}`, epoch ms) or now:
 * operators can catch up by hand and tests inject time instead of waiting for the cron.
 */
export function timedSweepRoute(sweep: (app: core.App, now: number) => number): (e: core.RequestEvent) => void {
  return workerRoute({ body: sweepBody }, (e, body) => {
    const now = typeof body.now === 'number' && Number.isFinite(body.now) ? body.now : Date.now();
    let count = 0;
    currentApp().runInTransaction((txApp) => void (count = sweep(txApp, now)));
    e.json(200, { count });
  });
}
