// Which assignment actions the PWA offers on a conversation, and to whom. The server decides in the end; this
// only keeps the agent from choosing what would certainly be refused.
import type { ConversationRecord } from '../schemas/conversation';
import type { AgentRecord, StaffRole } from '../schemas/directory';

export const TRANSFER_KINDS = ['handover', 'escalate', 'assign', 'unassign'] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

type Conversation = Pick<ConversationRecord, 'status' | 'assignee' | 'team'>;
interface Viewer {
  id: string;
  role: StaffRole | string;
}

export function isStaff(viewer: Viewer): boolean {
  return viewer.role === 'manager' || viewer.role === 'admin';
}

/** An open conversation nobody has: anyone in its team may take it. */
export function canClaim(conversation: Conversation): boolean {
  return conversation.status !== 'resolved' && !conversation.assignee;
}

/** Agents pass on and escalate their own conversations; managers and admins also assign and unassign. */
export function transferKinds(conversation: Conversation, viewer: Viewer): TransferKind[] {
  if (conversation.status === 'resolved') return [];
  const mine = conversation.assignee === viewer.id;
  const staff = isStaff(viewer);
  return TRANSFER_KINDS.filter((kind) => {
    if (kind === 'handover') return mine;
    if (kind === 'escalate') return mine || staff;
    if (kind === 'assign') return staff;
    return staff && !!conversation.assignee;
  });
}

const byName = (a: AgentRecord, b: AgentRecord) => a.name.localeCompare(b.name);

/** Colleagues who can take a handover now: online, and not the agent handing over. */
export function handoverTargets(agents: readonly AgentRecord[], viewer: Viewer): AgentRecord[] {
  return agents.filter((agent) => agent.status === 'online' && agent.id !== viewer.id).sort(byName);
}

/** Who a manager may assign to: the team's agents (everyone when it has no team), online first, never the current assignee. */
export function assignTargets(agents: readonly AgentRecord[], conversation: Conversation): AgentRecord[] {
  const rank = (agent: AgentRecord) => (agent.status === 'online' ? 0 : agent.status === 'away' ? 1 : 2);
  return agents
    .filter((agent) => agent.id !== conversation.assignee && (!conversation.team || agent.teams.includes(conversation.team)))
    .sort((a, b) => rank(a) - rank(b) || byName(a, b));
}
