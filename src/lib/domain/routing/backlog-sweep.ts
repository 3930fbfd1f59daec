import type { RoutingAlgorithm, RoutingSettings } from '../../schemas/routing';
import { capacityOf } from './agent-availability';
import { exclusionOf, pickAgent, screenAgents, type TieBreak } from './agent-selection';
import { compareQueue } from './priority-score';
import type { RoutingAgent } from './routing-input';

/** A queued conversation, as routing left it. */
export interface WaitingConversation {
  id: string;
  teamId: string | null;
  requiredSkills: readonly string[];
  priority: number;
  waitingSince: number;
  /** The contact's owner, who gets it first when they can take it. */
  ownerId: string | null;
  /** Agents who declined or let lapse an offer of it: the sweep does not hand it back to them. */
  declinedAgentIds?: readonly string[];
  /** Routing queued it because nobody was online: it is handed out by that branch's algorithm, not the backlog's. */
  queuedNobodyOnline?: boolean;
}

export interface PlannedAssignment {
  conversationId: string;
  agentId: string;
  teamId: string | null;
  /** `owner` when the contact's owner took it back. */
  algorithm: RoutingAlgorithm | 'owner';
  tieBreak: TieBreak;
}

export interface BacklogPlan {
  assignments: PlannedAssignment[];
  /** Conversations nobody eligible could take, still in queue order. */
  stillWaiting: string[];
}

/** The algorithm that hands out a queued conversation: the nobody-online branch's for those it queued, else the backlog's. */
export function backlogAlgorithmFor(conversation: Pick<WaitingConversation, 'queuedNobodyOnline'>, settings: RoutingSettings): RoutingAlgorithm {
  return conversation.queuedNobodyOnline ? settings.newCustomer.agentsOffline.algorithm : settings.backlog.algorithm;
}

/**
 * Hands out queued conversations, highest priority and longest waiting first, to agents who can take them now,
 * counting each planned assignment against the agent's capacity; `random` is called only for the random algorithm.
 */
export function planBacklogSweep(
  waiting: readonly WaitingConversation[],
  agents: readonly RoutingAgent[],
  settings: RoutingSettings,
  now: number,
  random: () => number,
): BacklogPlan {
  const defaultMaxOpen = settings.capacity.defaultMaxOpen;
  const anyTeam = { teamId: null, skills: [] };
  // The plan's own view of the agents: copies with the load and recency its assignments add up to.
  const current = [...agents];
  const position = new Map(agents.map((a, i) => [a.id, i]));
  // Everyone assigned in this sweep shares `now`; the turn keeps their order for round robin.
  const turns = new Map<string, number>();
  let turn = 0;
  const turnOf = (agent: RoutingAgent): number => turns.get(agent.id) ?? 0;
  const queue = [...waiting].sort(compareQueue);
  const assignments: PlannedAssignment[] = [];
  const stillWaiting: string[] = [];
  // Once every assignable agent is full nothing else can move, however long the queue.
  let roomLeft = agents.filter((a) => exclusionOf(a, anyTeam, now, defaultMaxOpen) === null).length;

  const take = (agent: RoutingAgent): void => {
    const updated = { ...agent, openCount: agent.openCount + 1, lastAssignedAt: now };
    current[position.get(agent.id)!] = updated;
    turns.set(agent.id, ++turn);
    if (updated.openCount >= capacityOf(updated, defaultMaxOpen)) roomLeft -= 1;
  };

  for (const conversation of queue) {
    if (roomLeft <= 0) {
      stillWaiting.push(conversation.id);
      continue;
    }
    const ownerAt = conversation.ownerId === null ? undefined : position.get(conversation.ownerId);
    const owner = ownerAt === undefined ? undefined : current[ownerAt];
    const declined = conversation.declinedAgentIds ?? [];
    if (owner && exclusionOf(owner, { ...anyTeam, declined }, now, defaultMaxOpen) === null) {
      take(owner);
      assignments.push({ conversationId: conversation.id, agentId: owner.id, teamId: conversation.teamId, algorithm: 'owner', tieBreak: 'none' });
      continue;
    }
    const algorithm = backlogAlgorithmFor(conversation, settings);
    const { candidates } = screenAgents(current, { teamId: conversation.teamId, skills: conversation.requiredSkills, declined }, now, defaultMaxOpen);
    const picked = pickAgent(candidates, algorithm, algorithm === 'random' && candidates.length > 0 ? random() : 0, turnOf);
    if (!picked) {
      stillWaiting.push(conversation.id);
      continue;
    }
    take(picked.winner);
    assignments.push({ conversationId: conversation.id, agentId: picked.winner.id, teamId: conversation.teamId, algorithm, tieBreak: picked.tieBreak });
  }
  return { assignments, stillWaiting };
}
