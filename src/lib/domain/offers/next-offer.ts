import type { RoutingAlgorithm } from '../../schemas/routing';
import { pickAgent, screenAgents, summarize, type CandidateSummary, type Exclusion, type TieBreak } from '../routing/agent-selection';
import type { RoutingAgent } from '../routing/routing-input';

// Who an offer rolls on to once its agent declined or let it lapse: the next eligible agent of the conversation's
// own team (where it already is), never anyone who passed on it this round.

export interface OfferRound {
  /** The conversation's team; null accepts agents of any team. */
  teamId: string | null;
  requiredSkills: readonly string[];
  declined: readonly string[];
}

export interface NextOffer {
  agentId: string | null;
  tieBreak: TieBreak | null;
  candidates: CandidateSummary[];
  excluded: Exclusion[];
}

/** Picks the next agent to offer the conversation to, with the explanation the routing log keeps; `random` is in [0,1). */
export function pickNextOffer(
  round: OfferRound,
  agents: readonly RoutingAgent[],
  algorithm: RoutingAlgorithm,
  now: number,
  defaultMaxOpen: number,
  random: number,
): NextOffer {
  const { candidates, excluded } = screenAgents(agents, { teamId: round.teamId, skills: round.requiredSkills, declined: round.declined }, now, defaultMaxOpen);
  const picked = pickAgent(candidates, algorithm, random);
  return {
    agentId: picked?.winner.id ?? null,
    tieBreak: picked?.tieBreak ?? null,
    candidates: candidates.map((c) => summarize(c, defaultMaxOpen)),
    excluded,
  };
}
