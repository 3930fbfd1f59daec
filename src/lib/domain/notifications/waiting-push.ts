import { isAssignable } from '../routing/agent-availability';
import type { RoutingAgent } from '../routing/routing-input';

// "3 customers waiting": when customers wait unassigned because nobody of their team is online, the team's
// subscribed agents get one push per burst, not one per customer, and at most one per team every N minutes.

/** A team's setting (teams.settings.waitingPush); conversations without a team use the defaults. */
export interface WaitingPushSettings {
  enabled: boolean;
  /** The least time between two pushes for the same team. */
  everyMinutes: number;
}

export const DEFAULT_WAITING_PUSH: WaitingPushSettings = { enabled: true, everyMinutes: 15 };

/** A conversation waiting for a person: unassigned, not offered to anyone, not with the FAQ bot. */
export interface WaitingConversationFacts {
  id: string;
  priority: number;
  /** The customer's latest message (epoch ms). */
  waitingSince: number;
}

/** A member of the team (for conversations without a team: every active person on the desk). */
export interface WaitingTeamMember extends Pick<RoutingAgent, 'id' | 'status' | 'shiftEndsAt' | 'soleAgent'> {
  /** Has at least one device that accepts pushes. */
  subscribed: boolean;
}

export interface WaitingQueue {
  waiting: readonly WaitingConversationFacts[];
  members: readonly WaitingTeamMember[];
  /** When the team's last waiting push was written (epoch ms), or null. */
  lastPushAt: number | null;
}

export type WaitingPushSkip = 'off' | 'nobody-waiting' | 'someone-online' | 'too-soon' | 'nothing-new' | 'nobody-subscribed';

export type WaitingPushPlan =
  | { push: false; reason: WaitingPushSkip }
  | {
      push: true;
      /** How many customers wait now: the push's words. */
      count: number;
      /** The first in line (highest priority, then the longest waiting): what Claim takes. */
      conversationId: string;
      agentIds: string[];
    };

const MINUTE_MS = 60_000;

/** Whether the team's agents get a waiting push now, and who; the caller writes one notification per agent. */
export function planWaitingPush(queue: WaitingQueue, settings: WaitingPushSettings, now: number): WaitingPushPlan {
  if (!settings.enabled) return { push: false, reason: 'off' };
  if (queue.waiting.length === 0) return { push: false, reason: 'nobody-waiting' };
  // Someone who can take work now gets it from routing and the backlog sweep: no need to wake anyone.
  if (queue.members.some((member) => isAssignable(member, now))) return { push: false, reason: 'someone-online' };
  const last = queue.lastPushAt;
  if (last !== null && now - last < settings.everyMinutes * MINUTE_MS) return { push: false, reason: 'too-soon' };
  // The same customers are not announced all night: only a newcomer since the last push wakes the team again.
  if (last !== null && queue.waiting.every((conversation) => conversation.waitingSince <= last)) return { push: false, reason: 'nothing-new' };
  const agentIds = queue.members.filter((member) => member.subscribed).map((member) => member.id);
  if (agentIds.length === 0) return { push: false, reason: 'nobody-subscribed' };
  const first = [...queue.waiting].sort((a, b) => b.priority - a.priority || a.waitingSince - b.waitingSince || (a.id < b.id ? -1 : 1))[0];
  return { push: true, count: queue.waiting.length, conversationId: first.id, agentIds };
}
