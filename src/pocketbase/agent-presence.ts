import { shouldMarkAway } from '../lib/domain/routing/agent-availability';
import { writeAudit } from './audit';
import { readConfig } from './config';
import { epochMs } from './records';
import { timedSweepRoute } from './timed-sweeps';


/** Sets online agents whose app has been silent for hours to away: they keep their tickets but get nothing new. */
export function markSilentAgentsAway(app: core.App, now: number): number {
  // POCKETDESK_AWAY_AFTER_MINUTES: how long an online agent's app may stay silent before they are set away.
  const silenceMs = readConfig().awayAfterSilenceMs;
  let marked = 0;
  for (const agent of app.findRecordsByFilter('agents', 'status = "online" && last_seen != ""', '', 0, 0)) {
    if (!agent || !shouldMarkAway(epochMs(agent, 'last_seen'), now, silenceMs)) continue;
    agent.set('status', 'away');
    app.save(agent);
    writeAudit(app, { actorId: null, actorKind: 'system', action: 'update', collection: 'agents', recordId: agent.id, summary: 'set away after a long silence', changes: { status: { from: 'online', to: 'away' } } });
    marked++;
  }
  return marked;
}

/** Cron entry: every 15 minutes. */
export function runPresenceSweep(): void {
  $app.runInTransaction((txApp) => void markSilentAgentsAway(txApp, Date.now()));
}

/** POST /api/pocketdesk/worker/presence-sweep {now?} — see timedSweepRoute. */
export const handlePresenceSweep = timedSweepRoute(markSilentAgentsAway);
