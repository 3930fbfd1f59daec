import { describe, expect, it } from 'vitest';
import { planSlaEscalations, type EscalationCandidate } from './sla-escalation';
import { DEFAULT_SLA_POLICY, type SlaEscalationPolicy, type SlaPolicy } from './sla-policy';
import type { SlaTarget, SlaTargetStatus } from './sla-status';

const t0 = Date.UTC(2026, 5, 15, 8, 0);
const MIN = 60_000;
const policyWith = (escalation: Partial<SlaEscalationPolicy>): SlaPolicy => ({
  ...DEFAULT_SLA_POLICY,
  escalation: { notifyManager: true, raisePriorityTo: 500, reassign: true, ...escalation },
});
const everything = policyWith({});
function status(target: SlaTarget, over: Partial<SlaTargetStatus> = {}): SlaTargetStatus {
  const breached = over.breached ?? true;
  return {
    target,
    startedAt: t0,
    dueAt: t0 + 5 * MIN,
    stoppedAt: null,
    remainingMs: breached ? -MIN : MIN,
    breached,
    breachedAt: breached ? t0 + 5 * MIN : null,
    peak: false,
    ...over,
  };
}
function candidate(statuses: SlaTargetStatus[], over: Partial<EscalationCandidate['conversation']> = {}): EscalationCandidate {
  return { conversation: { id: 'c1', priority: 100, assigneeId: 'ana', ...over }, status: statuses };
}
const kinds = (actions: ReturnType<typeof planSlaEscalations>) => actions.map((action) => `${action.kind}:${action.target}`);

describe('planSlaEscalations', () => {
  it('notifies, raises the priority and reassigns once for a running breach', () => {
    expect(planSlaEscalations([candidate([status('first-response')])], everything, [])).toEqual([
      {
        kind: 'notify-manager',
        conversationId: 'c1',
        target: 'first-response',
        breachedAt: t0 + 5 * MIN,
        dedupeKey: `sla:c1:first-response:${t0}:notify-manager`,
      },
      {
        kind: 'raise-priority',
        conversationId: 'c1',
        target: 'first-response',
        breachedAt: t0 + 5 * MIN,
        priority: 500,
        dedupeKey: `sla:c1:first-response:${t0}:raise-priority`,
      },
      {
        kind: 'reassign',
        conversationId: 'c1',
        target: 'first-response',
        breachedAt: t0 + 5 * MIN,
        fromAgentId: 'ana',
        dedupeKey: `sla:c1:first-response:${t0}:reassign`,
      },
    ]);
  });

  it('plans nothing on the next sweep once the keys are stored', () => {
    const list = [candidate([status('first-response')])];
    const first = planSlaEscalations(list, everything, []);
    expect(
      planSlaEscalations(
        list,
        everything,
        first.map((action) => action.dedupeKey),
      ),
    ).toEqual([]);
  });

  it('escalates a new wait again, because its clock started later', () => {
    const stored = planSlaEscalations([candidate([status('next-response')])], everything, []).map((action) => action.dedupeKey);
    const later = candidate([status('next-response', { startedAt: t0 + 60 * MIN })], { priority: 0 });
    expect(kinds(planSlaEscalations([later], everything, stored))).toEqual([
      'notify-manager:next-response',
      'raise-priority:next-response',
      'reassign:next-response',
    ]);
  });

  it.each([
    ['a target not yet breached', status('first-response', { breached: false })],
    ['a breach already ended by a late reply', status('first-response', { stoppedAt: t0 + 9 * MIN })],
  ])('leaves alone %s', (_, entry) => {
    expect(planSlaEscalations([candidate([entry])], everything, [])).toEqual([]);
  });

  it('raises the priority and reassigns once when several targets broke together, but tells the manager about each', () => {
    const both = candidate([status('first-response'), status('resolution')]);
    expect(kinds(planSlaEscalations([both], everything, []))).toEqual([
      'notify-manager:first-response',
      'raise-priority:first-response',
      'reassign:first-response',
      'notify-manager:resolution',
    ]);
  });

  it.each([
    ['the priority is already that high', { priority: 500 }, ['notify-manager:first-response', 'reassign:first-response']],
    ['nobody holds the conversation', { assigneeId: null }, ['notify-manager:first-response', 'raise-priority:first-response']],
  ])('skips what would change nothing when %s', (_, over, expected) => {
    expect(kinds(planSlaEscalations([candidate([status('first-response')], over)], everything, []))).toEqual(expected);
  });

  it('does only what the policy asks', () => {
    const quiet = policyWith({ notifyManager: false, raisePriorityTo: null, reassign: false });
    expect(planSlaEscalations([candidate([status('first-response')])], quiet, [])).toEqual([]);
    expect(kinds(planSlaEscalations([candidate([status('first-response')])], policyWith({ raisePriorityTo: null, reassign: false }), []))).toEqual([
      'notify-manager:first-response',
    ]);
  });

  it('plans each conversation apart and a duplicate entry only once', () => {
    const notifyOnly = policyWith({ raisePriorityTo: null, reassign: false });
    const actions = planSlaEscalations(
      [candidate([status('first-response')]), candidate([status('first-response')], { id: 'c2' }), candidate([status('first-response')])],
      notifyOnly,
      [],
    );
    expect(actions.map((action) => action.conversationId)).toEqual(['c1', 'c2']);
  });
});
