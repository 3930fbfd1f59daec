import type { PushWording } from '../lib/domain/notifications/push-wording';
import { slaAlertRecipients, type AlertStaff } from '../lib/domain/sla/sla-alert-recipients';
import { planSlaEscalations, type EscalationCandidate } from '../lib/domain/sla/sla-escalation';
import { pickSlaPolicy } from '../lib/domain/sla/sla-policy';
import { slaStatus } from '../lib/domain/sla/sla-status';
import { checkSlaSettings, DEFAULT_SLA_SETTINGS } from '../lib/schemas/sla';
import { applyAssignment } from './assignment';
import { scheduleOf } from './auto-replies';
import { loadTimelines } from './metrics-timelines';
import { isoDate, jsonField, newRecord } from './records';
import { reassignOverdueReplies } from './reply-overdue';
import { deskPersonOf } from './routing-context';
import { sweepBacklog } from './routing';
import { timedSweepRoute } from './timed-sweeps';
import { writeConversation } from './records/conversation';
import { GoTimeZone } from './time-zone';
import { rescoreClosingWindows } from './window-priority';

const LOOKBACK_MS = 60 * 86_400_000;

function alertStaffOf(agent: core.Record): AlertStaff {
  return { ...deskPersonOf(agent), role: agent.getString('role') as AlertStaff['role'], teams: agent.getStringSlice('teams') };
}

/** What the sweep may change on a ticket, as one comparable value. */
const slaFieldsOf = (conversation: core.Record) =>
  `${conversation.getString('sla_due_at')}|${conversation.getBool('sla_breached')}|${conversation.getInt('priority')}`;

/**
 * Runs every minute. Measures every open ticket against its channel/team SLA policy, stores the next deadline (the queue shows time
 * left) and carries out the policy's escalations once per breach: notify the team's managers, raise priority, or
 * hand the ticket back to routing. The alert goes to the team's managers, else the admins, else a one-person
 * desk's owner (slaAlertRecipients). Also applies the routing settings' reply-overdue reassignment and re-scores
 * the window-closing priority points as customers' 24 h windows run out.
 */
export function sweepSla(app: core.App, now: number): number {
  const port = new GoTimeZone();
  // Open tickets only: loading every ticket of the lookback with its messages took minutes on 100k conversations,
  // inside the cron's transaction, and every webhook waited for it.
  const timelines = loadTimelines(app, { from: now - LOOKBACK_MS, to: now + 1, openOnly: true }).filter((t) => t.resolvedAt === null);
  let escalations = 0;
  let freed = false;
  // Read once, on the first breach of the sweep: most minutes have none.
  let staff: AlertStaff[] | null = null;
  const channels = new Map<string, core.Record>();
  for (const timeline of timelines) {
    if (!channels.has(timeline.channelId)) channels.set(timeline.channelId, app.findRecordById('channels', timeline.channelId));
    const channel = channels.get(timeline.channelId)!;
    const stored = jsonField<{ sla?: unknown } | null>(channel, 'service', null)?.sla;
    const settings =
      stored === undefined
        ? DEFAULT_SLA_SETTINGS
        : (() => {
            const checked = checkSlaSettings(stored, port);
            return checked.ok ? checked.settings : DEFAULT_SLA_SETTINGS;
          })();
    const policy = pickSlaPolicy(settings.policies, { channelId: timeline.channelId, teamId: timeline.teamId });
    if (!policy) continue;
    const statuses = slaStatus(timeline, policy, now, scheduleOf(channel, port), port);
    const conversation = app.findRecordById('conversations', timeline.id);
    const running = statuses.filter((s) => s.stoppedAt === null);
    const nextDue = running.length ? Math.min(...running.map((s) => s.dueAt ?? Infinity)) : Infinity;
    const before = slaFieldsOf(conversation);
    conversation.set('sla_due_at', Number.isFinite(nextDue) ? isoDate(nextDue) : '');
    conversation.set(
      'sla_breached',
      running.some((s) => s.breached),
    );
    const done = jsonField<string[]>(conversation, 'sla_escalations', []);
    const candidate: EscalationCandidate = {
      conversation: { id: timeline.id, priority: conversation.getInt('priority'), assigneeId: timeline.assigneeId },
      status: statuses,
    };
    const actions = planSlaEscalations([candidate], policy, done);
    for (const action of actions) {
      if (action.kind === 'raise-priority') {
        conversation.set('priority', action.priority);
        // The raised level is the new base: window-closing points go on top of it, and never come off below it.
        writeConversation(conversation, { windowPoints: 0 });
      } else if (action.kind === 'notify-manager') {
        staff ??= app.findAllRecords('agents').flatMap((agent) => (agent ? [alertStaffOf(agent)] : []));
        for (const agentId of slaAlertRecipients(staff, timeline.teamId).agentIds) {
          app.save(
            newRecord(app, 'notifications', {
              agent: agentId,
              conversation: timeline.id,
              kind: 'sla',
              title: 'SLA missed',
              body: `${action.target.replace('-', ' ')} overdue`,
              wording: { key: 'sla-missed', target: action.target } satisfies PushWording,
              url: `/conversations/${timeline.id}`,
              status: 'pending',
              attempts: 0,
            }),
          );
        }
      } else {
        app.save(conversation);
        applyAssignment(app, conversation, { trigger: 'unassign', agentId: null, teamId: null, outcome: 'queued', reason: `sla-${action.target}` }, now);
        freed = true;
      }
      done.push(action.dedupeKey);
      escalations++;
    }
    // Most minutes change nothing on most tickets: saving them anyway wrote every open ticket (and woke every
    // subscriber) once a minute.
    if (actions.length === 0 && slaFieldsOf(conversation) === before) continue;
    conversation.set('sla_escalations', done.slice(-100));
    app.save(conversation);
  }
  const overdue = reassignOverdueReplies(app, now);
  // Re-scored before the backlog is handed out, so a window about to close is served first.
  rescoreClosingWindows(app, now);
  if (freed || overdue) sweepBacklog(app, now);
  return escalations + overdue;
}

/** Cron entry: once a minute. */
export function runSlaSweep(): void {
  $app.runInTransaction((txApp) => void sweepSla(txApp, Date.now()));
}

/** POST /api/pocketdesk/worker/sla-sweep {now?} — see timedSweepRoute. */
export const handleSlaSweep = timedSweepRoute(sweepSla);
