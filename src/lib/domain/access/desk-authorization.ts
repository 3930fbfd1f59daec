// Who may do what to a conversation through the desk routes (/api/pocketdesk/conversations/{id}/...): one rule
// for every route, decided before any feasibility check (online, capacity, offer still open), which stays with
// the action's own module. Permission answers 404 when the actor may not know the conversation exists (the
// same answer as for an id that does not exist) and 403 when they see it but may not do this.

import type { StaffRole } from '../../schemas/directory';

export const DESK_ACTIONS = ['view', 'mark-read', 'claim', 'assign', 'unassign', 'handover', 'escalate', 'offer-answer', 'routing-preview', 'snooze'] as const;
export type DeskAction = (typeof DESK_ACTIONS)[number];

export interface DeskActor {
  id: string;
  role: StaffRole;
  teams: readonly string[];
}

/** The fields of a conversation that decide who may act on it. */
export interface DeskConversation {
  teamId: string | null;
  assigneeId: string | null;
  offeredTo: string | null;
  /** Who passed on the current offer round: they may still be told the offer moved on. */
  offerDeclined: readonly string[];
}

export interface DeskRequest {
  action: DeskAction;
  /** escalate: the team asked for; null or absent keeps the conversation's own team (its manager queue). */
  targetTeamId?: string | null;
  /** assign: the agent asked for, with their teams. */
  targetAgent?: { id: string; teams: readonly string[] } | null;
}

/** The channel's say: the teams its conversations may be escalated to by anyone who may escalate them. */
export interface DeskPolicy {
  escalationTeams: readonly string[];
}

export type DeskRefusal = 'not-found' | 'staff-only' | 'forbidden' | 'not-your-team' | 'not-assignee' | 'not-in-team' | 'escalation-target-not-allowed';

export type DeskDecision = { ok: true } | { ok: false; reason: DeskRefusal; status: 403 | 404 };

const allow: DeskDecision = { ok: true };
const notFound: DeskDecision = { ok: false, reason: 'not-found', status: 404 };
const forbid = (reason: Exclude<DeskRefusal, 'not-found'>): DeskDecision => ({ ok: false, reason, status: 403 });

/**
 * The conversations collection's view rule, clause for clause (`canSeeConversation` in
 * pb_migrations/1764000000_create_collections.js): admins; the assignee; an unassigned conversation's team members,
 * or anyone when it has no team; a manager of its team; the agent it is offered to. A conversation without a team
 * assigned to someone else is therefore seen by its assignee and admins only.
 */
export function canSeeConversation(actor: DeskActor, conversation: DeskConversation): boolean {
  if (actor.role === 'admin') return true;
  if (conversation.assigneeId === actor.id) return true;
  const inTeam = conversation.teamId !== null && actor.teams.includes(conversation.teamId);
  if (conversation.assigneeId === null && (conversation.teamId === null || inTeam)) return true;
  if (actor.role === 'manager' && inTeam) return true;
  return conversation.offeredTo === actor.id;
}

/** Whether a manager runs this conversation: it is in one of their teams, or has no team (and they can see it). */
function manages(actor: DeskActor, conversation: DeskConversation): boolean {
  return actor.role === 'manager' && (conversation.teamId === null || actor.teams.includes(conversation.teamId));
}

/**
 * Who may know the conversation exists for this action. Claims and offer answers race: the loser must hear 409
 * "already-assigned" or "offer-moved", not 404, so a member of its team (who saw it in the queue a moment ago) and
 * anyone who passed on its offer count as knowing it.
 */
function mayKnow(actor: DeskActor, conversation: DeskConversation, action: DeskAction): boolean {
  if (canSeeConversation(actor, conversation)) return true;
  if (action === 'claim' || action === 'offer-answer') {
    if (conversation.teamId !== null && actor.teams.includes(conversation.teamId)) return true;
    return action === 'offer-answer' && conversation.offerDeclined.includes(actor.id);
  }
  return false;
}

function decideEscalation(actor: DeskActor, conversation: DeskConversation, target: string | null, policy: DeskPolicy): DeskDecision {
  const managed = manages(actor, conversation);
  if (!managed && conversation.assigneeId !== actor.id) return forbid(actor.role === 'manager' ? 'not-your-team' : 'not-assignee');
  // No team asked for (or its own) means back to its team's manager queue, which anyone who may escalate may do.
  if (target === null || target === conversation.teamId) return allow;
  if (policy.escalationTeams.includes(target)) return allow;
  if (managed && actor.teams.includes(target)) return allow;
  return forbid('escalation-target-not-allowed');
}

/** Decides whether `actor` may do `request` to the conversation: admins everything, managers their teams, agents their own. */
export function authorizeDeskAction(actor: DeskActor, conversation: DeskConversation, request: DeskRequest, policy: DeskPolicy): DeskDecision {
  if (!mayKnow(actor, conversation, request.action)) return notFound;
  if (actor.role === 'admin') return allow;
  switch (request.action) {
    case 'view':
    case 'mark-read':
    case 'claim':
    case 'offer-answer':
      return allow;
    case 'handover':
      return conversation.assigneeId === actor.id ? allow : forbid('not-assignee');
    case 'snooze':
      // Snoozing hides the conversation from its owner's lists: the owner's call, or the manager who runs it.
      if (conversation.assigneeId === actor.id || manages(actor, conversation)) return allow;
      return forbid(actor.role === 'manager' ? 'not-your-team' : 'not-assignee');
    case 'escalate':
      return decideEscalation(actor, conversation, request.targetTeamId ?? null, policy);
    case 'routing-preview':
      if (actor.role === 'agent') return forbid('staff-only');
      return manages(actor, conversation) ? allow : forbid('not-your-team');
    case 'assign':
    case 'unassign':
      if (actor.role === 'agent') return forbid('forbidden');
      if (!manages(actor, conversation)) return forbid('not-your-team');
      // Within a team, the manager hands out work to its members; a conversation without a team to anyone.
      if (request.action === 'assign' && request.targetAgent && conversation.teamId !== null && !request.targetAgent.teams.includes(conversation.teamId))
        return forbid('not-in-team');
      return allow;
  }
}

/** A person whose shifts someone would change. */
export interface ShiftOwner {
  id: string;
  role: StaffRole;
  teams: readonly string[];
}

/**
 * Who may change an agent's weekly shifts: the person themself, an admin, or a manager for the agents of the teams
 * they manage (not for other managers or admins, whose shifts are theirs or an admin's to set).
 */
export function authorizeShiftEdit(actor: DeskActor, person: ShiftOwner): DeskDecision {
  if (actor.id === person.id || actor.role === 'admin') return allow;
  if (actor.role !== 'manager' || person.role !== 'agent') return forbid('forbidden');
  return person.teams.some((team) => actor.teams.includes(team)) ? allow : forbid('not-your-team');
}
