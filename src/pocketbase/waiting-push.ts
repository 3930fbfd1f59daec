import { planWaitingPush, type WaitingConversationFacts, type WaitingTeamMember } from '../lib/domain/notifications/waiting-push';
import { waitingPushSettingsOf } from '../lib/schemas/waiting-push';
import { epochMs, jsonField, newRecord } from './records';
import { deskPersonOf, loadRoutingAgents } from './routing-context';
import { timedSweepRoute } from './timed-sweeps';

// Push for waiting work: once a minute, per team (and once for conversations without a team), customers waiting for
// a person while nobody of the team is online earn the team's subscribed agents one `waiting` notification. The
// rows are written in the sweep's transaction and are themselves the record of the team's last push, so an
// overlapping or repeated sweep sees them and never pushes twice; the worker delivers them like every notification.

/** What waits for a person, as the backlog sweep reads it: unassigned, not offered, not with the FAQ bot. */
const WAITING = 'status != "resolved" && assignee = "" && offered_to = "" && bot_active != true';

/** When the team's (or, for '', the teamless queue's) last waiting push was written. */
function lastPushAt(app: core.App, teamId: string): number | null {
  const last = app.findRecordsByFilter('notifications', 'kind = "waiting" && team = {:team}', '-created', 1, 0, { team: teamId } as dbx.Params)[0];
  return last ? epochMs(last, 'created') : null;
}

function subscribedAgents(app: core.App): Set<string> {
  const rows = arrayOf(new DynamicModel({ agent: '' }));
  app.db().newQuery('SELECT DISTINCT agent FROM push_subscriptions').all(rows);
  return new Set(rows.map((row) => String(row.agent)));
}

/** Writes the waiting pushes now due; returns how many notifications it wrote. */
export function sweepWaitingPush(app: core.App, now: number): number {
  interface Queue {
    waiting: WaitingConversationFacts[];
    records: Map<string, core.Record>;
  }
  const byTeam = new Map<string, Queue>();
  for (const conversation of app.findRecordsByFilter('conversations', WAITING, '-priority,last_inbound_at', 1000, 0)) {
    if (!conversation) continue;
    const team = conversation.getString('team');
    const group: Queue = byTeam.get(team) ?? { waiting: [], records: new Map() };
    // WhatsApp stamps messages to the second: the conversation's own creation breaks ties and keeps a newcomer
    // from reading as older than a push written in the same second.
    const waitingSince = Math.max(epochMs(conversation, 'last_inbound_at') ?? 0, epochMs(conversation, 'created') ?? 0) || now;
    group.waiting.push({ id: conversation.id, priority: conversation.getInt('priority'), waitingSince });
    group.records.set(conversation.id, conversation);
    byTeam.set(team, group);
  }
  if (byTeam.size === 0) return 0;
  const people = new Map(app.findAllRecords('agents').flatMap((agent) => (agent && deskPersonOf(agent).active ? [[agent.id, agent] as const] : [])));
  const agents = loadRoutingAgents(app, now).filter((agent) => people.has(agent.id));
  const subscribed = subscribedAgents(app);
  let written = 0;
  for (const [teamId, group] of byTeam) {
    const team = teamId ? app.findRecordsByFilter('teams', 'id = {:id}', '', 1, 0, { id: teamId } as dbx.Params)[0] : null;
    // A conversation without a team is routed among every agent: every active person is its team.
    const members: WaitingTeamMember[] = agents
      .filter((agent) => !teamId || agent.teams.includes(teamId))
      .map((agent) => ({ ...agent, subscribed: subscribed.has(agent.id) }));
    const settings = waitingPushSettingsOf(team ? jsonField<unknown>(team, 'settings', null) : null);
    const plan = planWaitingPush({ waiting: group.waiting, members, lastPushAt: lastPushAt(app, teamId) }, settings, now);
    if (!plan.push) continue;
    const first = group.records.get(plan.conversationId)!;
    for (const agentId of plan.agentIds) {
      app.save(
        newRecord(app, 'notifications', {
          agent: agentId,
          conversation: first.id,
          team: teamId,
          kind: 'waiting',
          count: plan.count,
          title: '',
          body: first.getString('last_message_preview').slice(0, 500),
          url: `/conversations/${first.id}`,
          status: 'pending',
          attempts: 0,
        }),
      );
      written++;
    }
  }
  return written;
}

/** Cron entry: once a minute. */
export function runWaitingPushSweep(): void {
  $app.runInTransaction((txApp) => void sweepWaitingPush(txApp, Date.now()));
}

/** POST /api/pocketdesk/worker/waiting-push-sweep {now?} — see timedSweepRoute. */
export const handleWaitingPushSweep = timedSweepRoute(sweepWaitingPush);
