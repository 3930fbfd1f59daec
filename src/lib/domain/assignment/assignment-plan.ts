// What a person's claim, assign, unassign, handover or escalation changes, decided as data: the desk route loads
// the records, asks this plan, and writes the change (or answers the refusal). Who may ask is decided before, by
// authorizeDeskAction (src/lib/domain/access); this is whether it can happen now and what it writes.
import type { AssignAction } from '../../schemas/assignment';
import type { StaffRole } from '../../schemas/directory';
import type { RoutingSettings } from '../../schemas/routing';
import { canAssign, canClaim, canHandOver, type AssignableConversation, type AssignmentCheck } from '../routing/manual-assignment';
import { decideRouting, type RoutingDecision } from '../routing/routing-decision';
import type { RoutingAgent, RoutingInput } from '../routing/routing-input';

export interface AssignmentActor {
  id: string;
  role: StaffRole;
}

/** What the request names: the colleague (assign, handover) and the team (escalate), as found in the database. */
export interface AssignmentTarget {
  /** The agent asked for, when they exist (they are then among `agents`). */
  agentId: string | null;
  /** The team asked for; null keeps the conversation's own. */
  teamId: string | null;
  /** Whether `teamId` names a team that exists. */
  teamExists: boolean;
}

/** Routing's view of the conversation and its customer, for an escalation; agents and settings come with the ask. */
export type EscalationFacts = Omit<RoutingInput, 'agents' | 'settings' | 'escalationTeamId'>;

export interface AssignmentAsk {
  action: AssignAction;
  actor: AssignmentActor;
  conversation: AssignableConversation;
  /** Every agent with their current load; the actor among them. */
  agents: readonly RoutingAgent[];
  target: AssignmentTarget;
  /** The channel's routing settings (capacity default; an escalation's whole routing). */
  settings: RoutingSettings;
  /** escalate only. */
  escalation?: EscalationFacts;
  /** Routing's tie-break draw, in [0,1). */
  random: number;
}

/** What to write: the new owner (or none), the team, and the routing log's outcome and reason. */
export interface AssignmentChange {
  trigger: AssignAction;
  agentId: string | null;
  /** null keeps the conversation's team. */
  teamId: string | null;
  outcome: string;
  reason: string;
  actorId: string;
  /** The router's decision, for an escalation (its algorithm and candidates go to the routing log). */
  decision: RoutingDecision | null;
  /**
   * An escalation first returns the conversation to the queue and lets routing pick anew: whoever it picks gets
   * a fresh assignment, not a handover (handover_count, which routing reads as past escalations, stays).
   */
  requeueFirst: boolean;
  /** The current agent loses it: their capacity frees, so the backlog may move. */
  freesCapacity: boolean;
}

export type AssignmentPlan = { ok: true; change: AssignmentChange } | { ok: false; reason: string; status: 409 };

const refuse = (reason: string): AssignmentPlan => ({ ok: false, reason, status: 409 });

function agentIn(agents: readonly RoutingAgent[], id: string | null): RoutingAgent | null {
  return id === null ? null : (agents.find((agent) => agent.id === id) ?? null);
}

type Draft = Omit<AssignmentChange, 'trigger' | 'actorId' | 'freesCapacity' | 'requeueFirst' | 'decision'> & { decision?: RoutingDecision };

/** Decides what a manual assignment action changes, or why it cannot happen now (409). */
export function planAssignment(ask: AssignmentAsk, now: number): AssignmentPlan {
  const { action, actor, conversation, agents, target, settings } = ask;
  const me = agentIn(agents, actor.id);
  if (!me) throw new Error(`the acting agent ${actor.id} is not among the agents`);
  const colleague = agentIn(agents, target.agentId);
  const defaultMaxOpen = settings.capacity.defaultMaxOpen;

  let check: AssignmentCheck;
  let draft: Draft;
  switch (action) {
    case 'claim':
      check = canClaim(me, conversation, defaultMaxOpen);
      draft = { agentId: me.id, teamId: null, outcome: 'assigned', reason: 'claimed' };
      break;
    case 'assign':
      if (!colleague) return refuse('unknown-agent');
      check = canAssign(colleague, conversation, defaultMaxOpen);
      draft = { agentId: colleague.id, teamId: null, outcome: 'assigned', reason: `by-${actor.role}` };
      break;
    case 'unassign':
      check = canAssign(null, conversation, defaultMaxOpen);
      draft = { agentId: null, teamId: null, outcome: 'queued', reason: `by-${actor.role}` };
      break;
    case 'handover':
      if (!colleague) return refuse('unknown-agent');
      check = canHandOver(me, colleague, conversation, defaultMaxOpen);
      draft = { agentId: colleague.id, teamId: null, outcome: 'assigned', reason: 'handed-over' };
      break;
    case 'escalate': {
      if (target.teamId !== null && !target.teamExists) return refuse('unknown-team');
      if (!ask.escalation) throw new Error('an escalation needs routing facts');
      // No team asked for: back to its own team's queue. The escalating agent is not picked again, and the
      // customer's usual agent does not pull it back.
      const teamId = target.teamId ?? conversation.teamId;
      const decision = decideRouting(
        {
          ...ask.escalation,
          contact: { ...ask.escalation.contact, ownerId: null },
          agents: agents.filter((agent) => agent.id !== me.id),
          settings,
          escalationTeamId: teamId,
        },
        now,
        ask.random,
      );
      check = { ok: true };
      draft = { agentId: decision.agentId, teamId, outcome: decision.outcome, reason: 'escalated', decision };
      break;
    }
  }
  if (!check.ok) return refuse(check.reason);
  return {
    ok: true,
    change: {
      ...draft,
      trigger: action,
      actorId: actor.id,
      decision: draft.decision ?? null,
      requeueFirst: action === 'escalate',
      freesCapacity: conversation.assigneeId !== null && draft.agentId !== conversation.assigneeId,
    },
  };
}
