import { capacityOf, hasSkill } from './agent-availability';
import type { RoutingAgent } from './routing-input';

export type AssignmentCheck = { ok: true } | { ok: false; reason: string };

/** A conversation as the manual actions see it. */
export interface AssignableConversation {
  id: string;
  assigneeId: string | null;
  teamId: string | null;
  status: 'open' | 'pending' | 'resolved';
  requiredSkills: readonly string[];
}

const ok: AssignmentCheck = { ok: true };
const refuse = (reason: string): AssignmentCheck => ({ ok: false, reason });
const isFull = (agent: RoutingAgent, defaultMaxOpen: number): boolean => agent.openCount >= capacityOf(agent, defaultMaxOpen);

/** Whether an agent may take an unassigned conversation from the queue for themselves. */
export function canClaim(agent: RoutingAgent, conversation: AssignableConversation, defaultMaxOpen: number): AssignmentCheck {
  if (conversation.status === 'resolved') return refuse('conversation-resolved');
  if (conversation.assigneeId === agent.id) return refuse('already-yours');
  if (conversation.assigneeId !== null) return refuse('already-assigned');
  // Claiming is taking something new, which away and offline agents do not do; they go online first.
  if (agent.status !== 'online') return refuse(agent.status === 'away' ? 'away' : 'offline');
  if (conversation.teamId !== null && !agent.teams.includes(conversation.teamId)) return refuse('not-in-team');
  if (conversation.requiredSkills.some((skill) => !hasSkill(agent, skill))) return refuse('missing-skill');
  if (isFull(agent, defaultMaxOpen)) return refuse('at-capacity');
  return ok;
}

/** Whether the conversation's agent may pass it to a colleague, who must be online and have room. */
export function canHandOver(from: RoutingAgent, to: RoutingAgent, conversation: AssignableConversation, defaultMaxOpen: number): AssignmentCheck {
  if (conversation.status === 'resolved') return refuse('conversation-resolved');
  if (conversation.assigneeId !== from.id) return refuse('not-assignee');
  if (to.id === from.id) return refuse('same-agent');
  // Team and skills are the sender's call: a handover often goes to the specialist outside the team.
  if (to.status !== 'online') return refuse(to.status === 'away' ? 'recipient-away' : 'recipient-offline');
  if (isFull(to, defaultMaxOpen)) return refuse('recipient-at-capacity');
  return ok;
}

/**
 * Whether the conversation can be assigned to `target` (or unassigned, with `target` null) now. Who may do it is
 * decided before, by authorizeDeskAction (src/lib/domain/access).
 */
export function canAssign(target: RoutingAgent | null, conversation: AssignableConversation, defaultMaxOpen: number): AssignmentCheck {
  if (conversation.status === 'resolved') return refuse('conversation-resolved');
  if (target === null) return conversation.assigneeId === null ? refuse('no-change') : ok;
  if (conversation.assigneeId === target.id) return refuse('no-change');
  // Staff may assign to someone away or offline on purpose (it waits for them); capacity still holds.
  if (isFull(target, defaultMaxOpen)) return refuse('at-capacity');
  return ok;
}

export interface ReplyClock {
  assignedAt: number | null;
  lastInboundAt: number | null;
  lastAgentReplyAt: number | null;
}

/** Whether the customer has waited longer than the team's limit for the assigned agent's reply. */
export function isReplyOverdue(clock: ReplyClock, now: number, minutes: number): boolean {
  if (clock.lastInboundAt === null) return false;
  if (clock.lastAgentReplyAt !== null && clock.lastAgentReplyAt >= clock.lastInboundAt) return false;
  // A newly assigned agent gets the full time, however long the customer waited before.
  const since = Math.max(clock.lastInboundAt, clock.assignedAt ?? -Infinity);
  return now - since >= minutes * 60_000;
}

/** The reassign limit for a team, in minutes, or null when the team has none. */
export function reassignMinutesFor(reassign: ReadonlyArray<{ teamId: string; afterMinutes: number }>, teamId: string | null): number | null {
  if (teamId === null) return null;
  return reassign.find((entry) => entry.teamId === teamId)?.afterMinutes ?? null;
}
