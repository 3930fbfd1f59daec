import type { SlaPolicy } from './sla-policy';
import type { SlaTarget, SlaTargetStatus } from './sla-status';

/** What the sweep knows about a conversation besides its SLA status. */
export interface EscalationCandidate {
  conversation: { id: string; priority: number | null; assigneeId: string | null };
  status: readonly SlaTargetStatus[];
}

interface ActionBase {
  conversationId: string;
  target: SlaTarget;
  breachedAt: number;
  /** Stable per breach and action: store it (unique) with the action so a later sweep skips it. */
  dedupeKey: string;
}

/** One thing the caller carries out because a target was missed. */
export type SlaEscalationAction =
  | (ActionBase & { kind: 'notify-manager' })
  | (ActionBase & { kind: 'raise-priority'; priority: number })
  | (ActionBase & { kind: 'reassign'; fromAgentId: string });

/**
 * The escalations the policy asks for on targets that are breached and still running, each at most once per breach:
 * keys in `alreadyEscalated` are skipped, and priority and reassignment happen once per conversation per sweep even
 * when several targets broke together.
 */
export function planSlaEscalations(candidates: readonly EscalationCandidate[], policy: SlaPolicy, alreadyEscalated: Iterable<string>): SlaEscalationAction[] {
  const done = new Set(alreadyEscalated);
  const claim = (key: string): boolean => {
    if (done.has(key)) return false;
    done.add(key);
    return true;
  };
  const actions: SlaEscalationAction[] = [];
  const { notifyManager, raisePriorityTo, reassign } = policy.escalation;
  for (const { conversation, status } of candidates) {
    let raised = false;
    let reassigned = false;
    for (const entry of status) {
      // A late reply already happened: escalating it would change nothing for the customer.
      if (!entry.breached || entry.breachedAt === null || entry.stoppedAt !== null) continue;
      const base = { conversationId: conversation.id, target: entry.target, breachedAt: entry.breachedAt };
      // The clock's start, not its due time, names the breach: editing the policy must not escalate it again.
      const keyOf = (kind: SlaEscalationAction['kind']) => `sla:${conversation.id}:${entry.target}:${entry.startedAt}:${kind}`;
      if (notifyManager && claim(keyOf('notify-manager'))) actions.push({ kind: 'notify-manager', ...base, dedupeKey: keyOf('notify-manager') });
      if (raisePriorityTo !== null && !raised && (conversation.priority ?? 0) < raisePriorityTo && claim(keyOf('raise-priority'))) {
        raised = true;
        actions.push({ kind: 'raise-priority', ...base, priority: raisePriorityTo, dedupeKey: keyOf('raise-priority') });
      }
      if (reassign && !reassigned && conversation.assigneeId !== null && claim(keyOf('reassign'))) {
        reassigned = true;
        actions.push({ kind: 'reassign', ...base, fromAgentId: conversation.assigneeId, dedupeKey: keyOf('reassign') });
      }
    }
  }
  return actions;
}
