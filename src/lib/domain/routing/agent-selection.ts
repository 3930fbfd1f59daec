import type { RoutingAlgorithm } from '../../schemas/routing';
import { availabilityOf, capacityOf, hasSkill } from './agent-availability';
import type { RoutingAgent } from './routing-input';

export type ExclusionReason = 'offline' | 'away' | 'at-capacity' | 'missing-skill' | 'not-in-team' | 'shift-ended' | 'declined';

export interface Exclusion {
  agentId: string;
  reason: ExclusionReason;
}

/** An eligible agent as the decision reports it. */
export interface CandidateSummary {
  agentId: string;
  openCount: number;
  maxOpen: number;
  lastAssignedAt: number | null;
  lastMessageAt: number | null;
}

/** What settled a tie on the algorithm's own measure: nothing needed to, the least recently assigned, or the id. */
export type TieBreak = 'none' | 'least-recently-assigned' | 'id';

export interface Need {
  /** null accepts agents of any team. */
  teamId: string | null;
  skills: readonly string[];
  /** Agents who declined (or let lapse) an offer of this conversation: it rolls on past them. */
  declined?: readonly string[];
}

/** The first reason an agent cannot take this conversation, or null when it can. */
export function exclusionOf(agent: RoutingAgent, need: Need, now: number, defaultMaxOpen: number): ExclusionReason | null {
  if (need.declined !== undefined && need.declined.includes(agent.id)) return 'declined';
  // The only person on the desk answers every team and every skill: nobody else could.
  const anyWork = agent.soleAgent === true;
  if (need.teamId !== null && !anyWork && !agent.teams.includes(need.teamId)) return 'not-in-team';
  const availability = availabilityOf(agent, now);
  if (availability !== 'assignable') return availability;
  for (let i = 0; i < need.skills.length && !anyWork; i++) if (!hasSkill(agent, need.skills[i])) return 'missing-skill';
  if (agent.openCount >= capacityOf(agent, defaultMaxOpen)) return 'at-capacity';
  return null;
}

/** Splits agents into those who may take the conversation and those who may not, with why. */
export function screenAgents(
  agents: readonly RoutingAgent[],
  need: Need,
  now: number,
  defaultMaxOpen: number,
): { candidates: RoutingAgent[]; excluded: Exclusion[] } {
  const candidates: RoutingAgent[] = [];
  const excluded: Exclusion[] = [];
  // Indexed loops here and below: this runs per agent per decision, and for-of is slow in the hooks' interpreter.
  for (let i = 0; i < agents.length; i++) {
    const agent = agents[i];
    const reason = exclusionOf(agent, need, now, defaultMaxOpen);
    if (reason === null) candidates.push(agent);
    else excluded.push({ agentId: agent.id, reason });
  }
  return { candidates, excluded };
}

/** Reports a contender for the decision's explanation. */
export function summarize(agent: RoutingAgent, defaultMaxOpen: number): CandidateSummary {
  return {
    agentId: agent.id,
    openCount: agent.openCount,
    maxOpen: capacityOf(agent, defaultMaxOpen),
    lastAssignedAt: agent.lastAssignedAt,
    lastMessageAt: agent.lastMessageAt,
  };
}

/**
 * Ranks agents a plan assigned at the same instant (higher: more recent), so round robin keeps turning inside
 * one backlog sweep; a single decision has no such ties to settle.
 */
export type TurnOf = (agent: RoutingAgent) => number;

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const recency = (a: RoutingAgent): number => a.lastAssignedAt ?? -Infinity;

/** The algorithm's own measure, lower first; round robin's measure is recency itself. */
const measures: Record<Exclude<RoutingAlgorithm, 'random'>, (a: RoutingAgent) => number> = {
  in_order: recency,
  // Quiet the longest: the later of the agent's last message and last assignment, earliest first.
  most_waiting: (a) => Math.max(a.lastMessageAt ?? -Infinity, recency(a)),
  least_chats: (a) => a.openCount,
};

/** Picks one candidate by the algorithm; ties go to the least recently assigned, then the smallest id. `random` is in [0,1). */
export function pickAgent(
  candidates: readonly RoutingAgent[],
  algorithm: RoutingAlgorithm,
  random: number,
  turnOf?: TurnOf,
): { winner: RoutingAgent; tieBreak: TieBreak } | null {
  if (candidates.length === 0) return null;
  if (algorithm === 'random') {
    // Sorted first so the same random number picks the same agent whatever order the agents were loaded in.
    const sorted = [...candidates].sort((a, b) => compareIds(a.id, b.id));
    const r = Number.isFinite(random) ? Math.min(Math.max(random, 0), 1 - Number.EPSILON) : 0;
    return { winner: sorted[Math.floor(r * sorted.length)], tieBreak: 'none' };
  }
  const measure = measures[algorithm];
  let winner = candidates[0];
  let best = measure(winner);
  let bestRecency = recency(winner);
  let bestTurn = turnOf ? turnOf(winner) : 0;
  // Whether someone matched the current winner on the measure, and also on recency: that says what broke the tie.
  let tiedOnMeasure = false;
  let tiedOnRecency = false;
  for (let i = 1; i < candidates.length; i++) {
    const c = candidates[i];
    const value = measure(c);
    if (value > best) continue;
    if (value < best) {
      winner = c;
      best = value;
      bestRecency = recency(c);
      bestTurn = turnOf ? turnOf(c) : 0;
      tiedOnMeasure = tiedOnRecency = false;
      continue;
    }
    tiedOnMeasure = true;
    const r = recency(c);
    const turn = turnOf ? turnOf(c) : 0;
    if (r > bestRecency || (r === bestRecency && turn > bestTurn)) continue;
    if (r < bestRecency || turn < bestTurn) {
      winner = c;
      bestRecency = r;
      bestTurn = turn;
      tiedOnRecency = false;
      continue;
    }
    tiedOnRecency = true;
    if (c.id < winner.id) winner = c;
  }
  // Round robin's measure is recency, so a tie it settles without the id was settled by turn, not a tie-break rule.
  const tieBreak: TieBreak = tiedOnRecency ? 'id' : tiedOnMeasure && algorithm !== 'in_order' ? 'least-recently-assigned' : 'none';
  return { winner, tieBreak };
}
