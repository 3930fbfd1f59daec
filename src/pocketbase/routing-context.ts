import { isOpenAt } from '../lib/domain/hours/business-hours';
import { soleAgentOf, type DeskPerson } from '../lib/domain/routing/agent-availability';
import type { RoutingAgent, ShiftStatus } from '../lib/domain/routing/routing-input';
import type { TimeZonePort } from '../lib/domain/hours/time-zone-port';
import type { RoutingSettings } from '../lib/schemas/routing';
import { hasShifts } from '../lib/domain/presence/shift-presence';
import { shiftScheduleOf } from './records/agent';
import { readChannel, type Channel } from './records/channel';
import { epochMs, isoDate, jsonField } from './records';
import { GoTimeZone } from './time-zone';

// Loads what a routing decision needs from the database, inside the caller's transaction.

/**
 * Open (not resolved) conversations per assignee, counted by SQL so capacity checks see the current truth. An
 * outstanding offer holds a seat too: otherwise a burst of customers would all be offered to the same agent. An
 * expired one does not, even before the sweep moves it on.
 */
function openCounts(app: core.App, now: number): Map<string, number> {
  // `IN` rather than `!= 'resolved'`: it walks idx_conversations_open_load over open tickets only.
  const rows = arrayOf(new DynamicModel({ assignee: '', n: 0 }));
  app
    .db()
    .newQuery(
      "SELECT assignee, COUNT(*) AS n FROM (SELECT assignee FROM conversations WHERE status IN ('open', 'pending') AND assignee != ''" +
        " UNION ALL SELECT offered_to AS assignee FROM conversations WHERE status IN ('open', 'pending') AND assignee = '' AND offered_to != '' AND offer_expires_at > {:now})" +
        ' GROUP BY assignee',
    )
    .bind({ now: isoDate(now) } as dbx.Params)
    .all(rows);
  return new Map(rows.map((row) => [String(row.assignee), Number(row.n)]));
}

/** A person on the desk: API-key accounts and deactivated people never count as the desk's staff. */
export function deskPersonOf(agent: core.Record): DeskPerson {
  return { id: agent.id, active: !agent.getString('deactivated_at') && !agent.getBool('api_key') };
}

/** Every agent as routing sees it; a caller that already holds the agents' records passes them. */
export function loadRoutingAgents(app: core.App, now: number = Date.now(), agentRecords?: core.Record[]): RoutingAgent[] {
  const counts = openCounts(app, now);
  const records = agentRecords ?? app.findAllRecords('agents').flatMap((agent) => (agent ? [agent] : []));
  const sole = soleAgentOf(records.map(deskPersonOf));
  return records.flatMap((agent) => {
    const maxOpen = agent.getInt('max_open');
    return [
      {
        id: agent.id,
        status: (agent.getString('status') || 'offline') as ShiftStatus,
        shiftEndsAt: epochMs(agent, 'shift_ends_at'),
        teams: agent.getStringSlice('teams'),
        skills: jsonField<string[]>(agent, 'skills', []),
        languages: jsonField<string[]>(agent, 'languages', []),
        maxOpen: maxOpen > 0 ? maxOpen : null,
        openCount: counts.get(agent.id) ?? 0,
        lastAssignedAt: epochMs(agent, 'last_assigned_at'),
        lastMessageAt: epochMs(agent, 'last_message_at'),
        offShift: agent.getString('status') === 'offline' && hasShifts(shiftScheduleOf(agent)),
        soleAgent: agent.id === sole,
      },
    ];
  });
}

/** The channel's routing settings (parsed once per channel version; see records/channel.ts for invalid ones). */
export function routingSettingsOf(channel: core.Record): RoutingSettings {
  return readChannel(channel, new GoTimeZone()).settings.routing;
}

/** Whether the channel is open now and the local minute of day, in the channel's time zone. */
export function clockOf(channel: Channel, now: number, port: TimeZonePort): { insideBusinessHours: boolean; localMinutes: number } {
  const local = port.toLocal(now, channel.timezone);
  const localMinutes = local.hour * 60 + local.minute;
  // No schedule (or one that no longer parses) means always open: a shop owner who never set hours still gets routing.
  const schedule = channel.settings.schedule;
  return { insideBusinessHours: schedule ? isOpenAt(schedule, now, port) : true, localMinutes };
}

export function channelClock(channel: core.Record, now: number): { insideBusinessHours: boolean; localMinutes: number } {
  const port = new GoTimeZone();
  return clockOf(readChannel(channel, port), now, port);
}
