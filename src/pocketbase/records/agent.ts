import type { Writer } from '../effects';
import type { ShiftStatus } from '../../lib/domain/routing/routing-input';
import { dateOf, storedDate } from './fields';

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
