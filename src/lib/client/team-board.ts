// The manager's backlog board: per team and per agent, from the conversations the device holds (a manager's
// device holds every open conversation of their teams; an admin's, all of them).
import type { ConversationRecord } from '../schemas/conversation';
import type { AgentRecord, TeamRecord } from '../schemas/directory';

/** The capacity an agent without `max_open` gets (the channels' routing default). */
export const DEFAULT_MAX_OPEN = 10;

export const BOARD_FILTERS = ['all', 'unassigned', 'no-response'] as const;
export type BoardFilter = (typeof BOARD_FILTERS)[number];

type Counted = Pick<ConversationRecord, 'status' | 'assignee' | 'team' | 'channel' | 'last_inbound_at' | 'last_outbound_at' | 'first_response_at' | 'created'>;

export interface TeamRow {
  /** '' for conversations without a team. */
  teamId: string;
  name: string;
  open: number;
  unassigned: number;
  /** When the longest-waiting customer wrote without an answer since; null when nobody waits. */
  oldestWaitingSince: number | null;
  noFirstResponse: number;
}

export interface AgentRow {
  agent: AgentRecord;
  open: number;
  capacity: number;
}

const isOpen = (c: Counted) => c.status !== 'resolved';

/** The customer wrote last: someone owes them an answer. */
export function isAwaitingReply(c: Counted): boolean {
  return isOpen(c) && c.last_inbound_at !== null && (c.last_outbound_at ?? 0) < c.last_inbound_at;
}

/** Open conversations per assignee. */
export function openLoads(conversations: readonly Counted[]): Map<string, number> {
  const loads = new Map<string, number>();
  for (const c of conversations) if (isOpen(c) && c.assignee) loads.set(c.assignee, (loads.get(c.assignee) ?? 0) + 1);
  return loads;
}

export function capacityOf(agent: Pick<AgentRecord, 'max_open'>): number {
  return agent.max_open >= 1 ? agent.max_open : DEFAULT_MAX_OPEN;
}

/** One row per team that has open conversations or is listed in `teamIds`, busiest first. */
export function teamRows(conversations: readonly Counted[], teams: readonly TeamRecord[], teamIds: readonly string[]): TeamRow[] {
  const rows = new Map<string, TeamRow>();
  const row = (teamId: string): TeamRow => {
    let found = rows.get(teamId);
    if (!found) {
      found = { teamId, name: teams.find((t) => t.id === teamId)?.name ?? '', open: 0, unassigned: 0, oldestWaitingSince: null, noFirstResponse: 0 };
      rows.set(teamId, found);
    }
    return found;
  };
  for (const id of teamIds) row(id);
  for (const c of conversations) {
    if (!isOpen(c)) continue;
    const r = row(c.team);
    r.open++;
    if (!c.assignee) r.unassigned++;
    if (c.first_response_at === null) r.noFirstResponse++;
    if (isAwaitingReply(c) && (r.oldestWaitingSince === null || c.last_inbound_at! < r.oldestWaitingSince)) r.oldestWaitingSince = c.last_inbound_at;
  }
  return [...rows.values()].sort((a, b) => b.open - a.open || a.name.localeCompare(b.name));
}

/** Agents of the given teams (every agent when `teamIds` is null) with their load, fullest first. */
export function agentRows(conversations: readonly Counted[], agents: readonly AgentRecord[], teamIds: readonly string[] | null): AgentRow[] {
  const loads = openLoads(conversations);
  return agents
    .filter((agent) => teamIds === null || agent.teams.some((team) => teamIds.includes(team)))
    .map((agent) => ({ agent, open: loads.get(agent.id) ?? 0, capacity: capacityOf(agent) }))
    .sort((a, b) => b.open / b.capacity - a.open / a.capacity || a.agent.name.localeCompare(b.agent.name));
}

/** Open conversations matching the channel and filter, the longest-waiting first. */
export function boardConversations<T extends Counted>(conversations: readonly T[], channel: string, filter: BoardFilter): T[] {
  const waitingSince = (c: T) => (isAwaitingReply(c) ? c.last_inbound_at! : Infinity);
  return conversations
    .filter((c) => isOpen(c) && (!channel || c.channel === channel))
    .filter((c) => filter === 'all' || (filter === 'unassigned' ? !c.assignee : c.first_response_at === null))
    .sort((a, b) => waitingSince(a) - waitingSince(b) || (a.created ?? 0) - (b.created ?? 0));
}
