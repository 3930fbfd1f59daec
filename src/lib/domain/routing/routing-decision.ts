import type { RoutingAlgorithm, RoutingSettings } from '../../schemas/routing';
import { capacityOf, isAssignable } from './agent-availability';
import { exclusionOf, pickAgent, screenAgents, summarize, type CandidateSummary, type Exclusion, type TieBreak } from './agent-selection';
import { NO_HISTORY } from '../signals/customer-history';
import { detectLanguage } from './language-detection';
import { PRIORITY_BASE, priorityFor, scorePriority, type PriorityReason } from './priority-score';
import type { RoutingAgent, RoutingInput } from './routing-input';
import { branchReplyOf, type BranchReply } from './branch-reply';
import { applyRules, type RuleEffects, type RuleRef, type SkippedRule } from './rule-evaluation';
import { foldText } from './text-folding';
import { decideIntent, type IntentUse } from './intent-routing';

export type RoutingOutcome = 'assigned' | 'queued' | 'kept-owner';

/** Which branch of the settings decided: useful in the routing log and in tests. */
export type RoutingPath = 'rule-agent' | 'owner-online' | 'owner-kept' | 'owner-everyone-offline' | 'team';

/** The routing branch's configured reply; routing only names it, the automatic voice decides what is said. */
export type AutoReply = BranchReply;

/** The settings branch that applied: a new customer with someone online, a new customer with nobody online, or a returning one. */
export type RoutingBranch = 'agents-online' | 'nobody-online' | 'returning';

export interface ResolvedLanguage {
  code: string;
  source: 'contact' | 'detected';
  confidence: number;
}

/** Everything routing decided and why; the caller writes it to the conversation and the routing log. */
export interface RoutingDecision {
  outcome: RoutingOutcome;
  agentId: string | null;
  teamId: string | null;
  path: RoutingPath;
  branch: RoutingBranch;
  priority: number;
  priorityReasons: PriorityReason[];
  /** Labels the rules add to the conversation. */
  labels: string[];
  requiredSkills: string[];
  language: ResolvedLanguage | null;
  /** The first rule that matched; every match is in matchedRules. */
  matchedRule: RuleRef | null;
  matchedRules: RuleRef[];
  /** null when the conversation went straight to a named agent. */
  algorithm: RoutingAlgorithm | null;
  tieBreak: TieBreak | null;
  candidates: CandidateSummary[];
  excluded: Exclusion[];
  autoReply: AutoReply | null;
  skippedRules: SkippedRule[];
  /** The predicted intent, how sure, the next three, and whether it routed (hybrid routing); null without a model. */
  intent: IntentUse | null;
}

type TeamRoute = RoutingSettings['newCustomer']['agentsOnline'];

function resolveLanguage(known: string | null, text: string, minConfidence: number): ResolvedLanguage | null {
  if (known !== null && known.trim() !== '') return { code: known.trim().toLowerCase(), source: 'contact', confidence: 1 };
  const detected = detectLanguage(text);
  if (detected === null || detected.confidence < minConfidence) return null;
  return { code: detected.language, source: 'detected', confidence: detected.confidence };
}

/** Decides who gets a new conversation, in what team, at what priority and with what auto-reply; `random` is in [0,1). */
export function decideRouting(input: RoutingInput, now: number, random: number): RoutingDecision {
  const { conversation, contact, settings } = input;
  const defaultMaxOpen = settings.capacity.defaultMaxOpen;
  const text = conversation.firstMessageText;
  const folded = foldText(text);
  const language = resolveLanguage(contact.language, text, settings.language.minConfidence);
  const effects: RuleEffects = applyRules(settings.rules, {
    text,
    folded,
    language: language?.code ?? null,
    channelId: conversation.channelId,
    vip: contact.vip,
    labels: [...contact.labels, ...conversation.labels],
    attributes: contact.attributes,
    insideBusinessHours: input.insideBusinessHours,
    localMinutes: input.localMinutes,
    history: { ...(conversation.history ?? NO_HISTORY), escalations: conversation.previousEscalations },
  });
  const level = effects.priority ?? 'normal';
  // Expected complexity counts only for a prediction the desk trusts (the same threshold that lets it route).
  const predicted = input.intent;
  const expected =
    predicted && predicted.confidence >= predicted.minConfidence && typeof predicted.medianHandleMinutes === 'number'
      ? { intentName: predicted.name, medianMinutes: predicted.medianHandleMinutes }
      : null;
  const score = scorePriority(
    {
      text,
      vip: contact.vip,
      previousEscalations: conversation.previousEscalations,
      lastInboundAt: conversation.lastInboundAt,
      history: conversation.history,
      expected,
    },
    now,
    settings.priority,
    folded,
  );
  const skippedRules = [...effects.skipped];
  const agents = input.agents;
  let anyoneOnline = false;
  for (let i = 0; i < agents.length && !anyoneOnline; i++) anyoneOnline = isAssignable(agents[i], now);
  // A one-person shop's owner takes everything even while offline; what the customer is told follows who is there.
  let someoneThere = false;
  for (let i = 0; i < agents.length && !someoneThere; i++) someoneThere = isAssignable({ ...agents[i], soleAgent: false }, now);
  const declined = input.declinedAgentIds ?? [];
  // An owner who declined the offer is passed over like anyone else who did.
  const owner =
    contact.ownerId === null || declined.includes(contact.ownerId) || effects.teamOverridesOwner ? undefined : agents.find((a) => a.id === contact.ownerId);
  const branchName: RoutingBranch = owner ? 'returning' : anyoneOnline ? 'agents-online' : 'nobody-online';
  const branch: TeamRoute = owner ? settings.returningCustomer : anyoneOnline ? settings.newCustomer.agentsOnline : settings.newCustomer.agentsOffline;
  const escalationTeamId = input.escalationTeamId ?? null;
  // Rules first; the model's intent only where no rule named a team or an agent, and only when it is sure enough.
  const decided = decideIntent(input.intent, { byRule: effects.teamId !== null || effects.agentId !== null, byEscalation: escalationTeamId !== null });
  // "Why is this mine?" says when the intent's expected complexity raised the priority.
  const complexityPoints = score.reasons.find((reason) => reason.code === 'long-intent')?.points ?? 0;
  const intent =
    decided && expected && complexityPoints > 0
      ? { ...decided, expectedComplexity: { medianMinutes: expected.medianMinutes, points: complexityPoints } }
      : decided;
  const intentTeamId = intent?.applied ? intent.teamId : null;
  const teamId = escalationTeamId ?? effects.teamId ?? intentTeamId ?? branch.teamId ?? settings.defaultTeamId;
  const greeting = branchReplyOf(settings, { isNew: contact.isNew, anyoneOnline: someoneThere, owner: owner ? 'owner-takes' : 'none' });

  const decide = (outcome: RoutingOutcome, path: RoutingPath, winner: RoutingAgent | null, rest: Partial<RoutingDecision> = {}): RoutingDecision => ({
    outcome,
    agentId: winner?.id ?? null,
    teamId,
    path,
    branch: branchName,
    priority: priorityFor(level, score),
    priorityReasons: [{ code: 'level', points: PRIORITY_BASE[level], detail: level }, ...score.reasons],
    labels: intent?.applied ? [...new Set([...effects.labels, ...intent.labels])] : effects.labels,
    requiredSkills: effects.skills,
    language,
    matchedRule: effects.matched[0] ?? null,
    matchedRules: effects.matched,
    algorithm: null,
    tieBreak: null,
    candidates: winner ? [summarize(winner, defaultMaxOpen)] : [],
    excluded: [],
    autoReply: greeting,
    skippedRules,
    intent,
    ...rest,
  });

  // A rule naming an agent overrides everything, but not the agent's availability or capacity.
  if (effects.agentId !== null && effects.agentRule !== null && escalationTeamId === null) {
    const named = agents.find((a) => a.id === effects.agentId);
    const reason = named ? exclusionOf(named, { teamId: null, skills: [], declined }, now, defaultMaxOpen) : null;
    if (named && reason === null) return decide('assigned', 'rule-agent', named);
    skippedRules.push(
      named
        ? { ...effects.agentRule, reason: 'agent-unavailable', detail: `${effects.agentId}: ${reason}` }
        : { ...effects.agentRule, reason: 'unknown-agent', detail: effects.agentId },
    );
  }

  if (owner) {
    // The relationship beats team rules and skills, but capacity holds even for the owner.
    const ownerReason = exclusionOf(owner, { teamId: null, skills: [] }, now, defaultMaxOpen);
    if (ownerReason === null) return decide('assigned', 'owner-online', owner);
    const ownerHasRoom = owner.openCount < capacityOf(owner, defaultMaxOpen);
    if (ownerHasRoom && !anyoneOnline) return decide('kept-owner', 'owner-everyone-offline', owner);
    // An owner whose shift has ended is not briefly away: a cover takes the customer (issue #15).
    if (ownerHasRoom && owner.offShift !== true && settings.returningCustomer.ownerUnavailable === 'keep-owner')
      return decide('kept-owner', 'owner-kept', owner);
  }

  const { candidates, excluded } = screenAgents(agents, { teamId, skills: effects.skills, declined }, now, defaultMaxOpen);
  const picked = pickAgent(candidates, branch.algorithm, random);
  const autoReply = owner ? branchReplyOf(settings, { isNew: contact.isNew, anyoneOnline: someoneThere, owner: 'colleague' }) : greeting;
  return decide(picked ? 'assigned' : 'queued', 'team', picked?.winner ?? null, {
    algorithm: branch.algorithm,
    tieBreak: picked?.tieBreak ?? null,
    candidates: candidates.map((c) => summarize(c, defaultMaxOpen)),
    excluded,
    autoReply,
  });
}
