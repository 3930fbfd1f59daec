import type { PresenceFacts, ShiftSchedule } from '../../lib/domain/presence/shift-presence';
import type { ShiftStatus } from '../../lib/domain/routing/routing-input';
import type { Writer } from '../effects';
import { dateOf, jsonOf, storedDate } from './fields';

/** What the inbound path reads of an agent (`agents`); routing reads the rest through loadRoutingAgents. */
export interface AgentFacts {
  id: string;
  name: string;
  notifyNewMessages: boolean;
}

export function readAgent(record: core.Record): AgentFacts {
  return { id: record.id, name: record.getString('name'), notifyNewMessages: record.getBool('notify_new_messages') };
}

/**
 * Round robin's clock: the agent was handed (or offered) a conversation at `now`. Written as one column by SQL:
 * a record save of an agent (an auth record) validated the whole account and fired the agents' update hook in
 * another VM, a quarter of the CPU of applying a new customer, for a value only routing reads.
 */
export function markAssigned(writer: Writer, agentId: string, now: number): void {
  writer.update({ collection: 'agents', id: agentId, column: 'last_assigned_at', value: storedDate(now) });
}

/** Who an agent is and whether they are at work now: what the customer may be told about them. */
export interface AgentPresence {
  name: string;
  status: ShiftStatus;
  shiftEndsAt: number | null;
}

export function readAgentPresence(record: core.Record): AgentPresence {
  return { name: record.getString('name'), status: (record.getString('status') || 'offline') as ShiftStatus, shiftEndsAt: dateOf(record, 'shift_ends_at') };
}

/** The agent's shift schedule, or null when none is set (or the stored value is not a schedule's shape). */
export function shiftScheduleOf(record: core.Record): ShiftSchedule | null {
  const value = jsonOf<unknown>(record, 'shift_schedule', null);
  if (typeof value !== 'object' || value === null) return null;
  const { timezone, weekly } = value as Partial<ShiftSchedule>;
  return typeof timezone === 'string' && timezone !== '' && typeof weekly === 'object' && weekly !== null ? (value as ShiftSchedule) : null;
}

/** What the presence sweep reads of an agent. */
export function readPresenceFacts(record: core.Record): PresenceFacts {
  return {
    schedule: shiftScheduleOf(record),
    status: (record.getString('status') || 'offline') as ShiftStatus,
    overrideUntil: dateOf(record, 'status_override_until'),
    lastSeen: dateOf(record, 'last_seen'),
  };
}

/** Sets the agent's presence; `overrideUntil` undefined leaves the override as it is. Saved by the caller. */
export function writePresence(record: core.Record, change: { status?: ShiftStatus; overrideUntil?: number | null }): void {
  if (change.status !== undefined) record.set('status', change.status);
  if (change.overrideUntil !== undefined) record.set('status_override_until', storedDate(change.overrideUntil));
}
