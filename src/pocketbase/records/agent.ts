import { storedDate } from './fields';

/** What the inbound path reads of an agent (`agents`); routing reads the rest through loadRoutingAgents. */
export interface AgentFacts {
  id: string;
  name: string;
  notifyNewMessages: boolean;
}

export function readAgent(record: core.Record): AgentFacts {
  return { id: record.id, name: record.getString('name'), notifyNewMessages: record.getBool('notify_new_messages') };
}

/** Round robin's clock: the agent was handed (or offered) a conversation at `now`. */
export function markAssigned(record: core.Record, now: number): void {
  record.set('last_assigned_at', storedDate(now));
}
