import { hasShifts, presenceAt } from '../lib/domain/presence/shift-presence';
import { writeAudit } from './audit';
import { readConfig } from './config';
import { readPresenceFacts, writePresence } from './records/agent';
import { sweepBacklog } from './routing';
import { handBackToOwner } from './shift-handback';
import { GoTimeZone } from './time-zone';
import { timedSweepRoute } from './timed-sweeps';

const summaries = {
  'on-shift': 'set online: shift started',
  'off-shift': 'set off: shift ended',
  silent: 'set away after a long silence',
  override: 'status kept: the agent’s own choice until the next shift boundary',
  toggle: 'status kept',
} as const;

/**
 * Applies presence at `now`: agents with a shift schedule follow it (their own toggle wins until the next boundary),
 * agents without one are set away when their app has been silent for hours (POCKETDESK_AWAY_AFTER_MINUTES). An agent
 * whose shift starts gets back what a cover took (teams with "hand back to the owner"), then the backlog is handed
 * out. Returns how many agents changed status.
 */
export function sweepPresence(app: core.App, now: number): number {
  const silenceMs = readConfig().awayAfterSilenceMs;
  const port = new GoTimeZone();
  const cameOnline: string[] = [];
  let changed = 0;
  for (const agent of app.findRecordsByFilter('agents', 'deactivated_at = ""', '', 0, 0)) {
    if (!agent) continue;
    const facts = readPresenceFacts(agent);
    const presence = presenceAt({ ...facts, schedule: hasShifts(facts.schedule) ? facts.schedule : null }, now, silenceMs, port);
    const overrideEnded = facts.overrideUntil !== null && presence.reason !== 'override';
    if (presence.status === facts.status && !overrideEnded) continue;
    writePresence(agent, { status: presence.status, overrideUntil: overrideEnded ? null : undefined });
    app.save(agent);
    if (presence.status === facts.status) continue;
    writeAudit(app, {
      actorId: null,
      actorKind: 'system',
      action: 'update',
      collection: 'agents',
      recordId: agent.id,
      summary: summaries[presence.reason],
      changes: { status: { from: facts.status, to: presence.status } },
    });
    changed++;
    if (presence.status === 'online') cameOnline.push(agent.id);
  }
  for (const agentId of cameOnline) handBackToOwner(app, agentId, now);
  // The agents' update hook sweeps too, after commit and at the wall clock; this one runs at the sweep's `now`.
  if (cameOnline.length > 0) sweepBacklog(app, now);
  return changed;
}

/** Cron entry: every minute, so a shift starts and ends on time. */
export function runPresenceSweep(): void {
  $app.runInTransaction((txApp) => void sweepPresence(txApp, Date.now()));
}

/** POST /api/pocketdesk/worker/presence-sweep {now?} — see timedSweepRoute. */
export const handlePresenceSweep = timedSweepRoute(sweepPresence);
