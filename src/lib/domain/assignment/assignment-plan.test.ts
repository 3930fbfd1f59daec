import { describe, expect, it } from 'vitest';
import type { AssignAction } from '../../schemas/assignment';
import { DEFAULT_ROUTING_SETTINGS, type RoutingSettings } from '../../schemas/routing';
import type { AssignableConversation } from '../routing/manual-assignment';
import type { RoutingAgent } from '../routing/routing-input';
import { planAssignment, type AssignmentAsk, type EscalationFacts } from './assignment-plan';

const now = Date.UTC(2026, 10, 25, 12, 0, 0);

function agent(id: string, over: Partial<RoutingAgent> = {}): RoutingAgent {
  return {
    id,
    status: 'online',
    shiftEndsAt: null,
    teams: ['sales'],
    skills: [],
    languages: [],
    maxOpen: 3,
    openCount: 0,
    lastAssignedAt: null,
    lastMessageAt: null,
    ...over,
  };
}

const settings: RoutingSettings = { ...DEFAULT_ROUTING_SETTINGS, capacity: { ...DEFAULT_ROUTING_SETTINGS.capacity, defaultMaxOpen: 3 } };

function facts(over: Partial<EscalationFacts['contact']> = {}): EscalationFacts {
  return {
    conversation: {
      id: 'c1',
      channelId: 'ch',
      firstMessageText: 'where is my order',
      createdAt: now - 60_000,
      lastInboundAt: now - 60_000,
      previousEscalations: 0,
      labels: [],
    },
    contact: { id: 'k1', ownerId: null, isNew: false, vip: false, labels: [], language: null, attributes: {}, ...over },
    insideBusinessHours: true,
    localMinutes: 720,
  };
}

/** Ana acts; Ben is a colleague in sales; Cy is in billing; Dee is away; Eve is full. */
const team = [agent('ana'), agent('ben'), agent('cy', { teams: ['billing'] }), agent('dee', { status: 'away' }), agent('eve', { openCount: 3 })];

function ask(
  action: AssignAction,
  conversation: Partial<AssignableConversation>,
  target: Partial<AssignmentAsk['target']> = {},
  over: Partial<AssignmentAsk> = {},
): AssignmentAsk {
  return {
    action,
    actor: { id: 'ana', role: 'manager' },
    conversation: { id: 'c1', assigneeId: null, teamId: 'sales', status: 'open', requiredSkills: [], ...conversation },
    agents: team,
    target: { agentId: null, teamId: null, teamExists: false, ...target },
    settings,
    escalation: action === 'escalate' ? facts() : undefined,
    random: 0,
    ...over,
  };
}

type Row = [string, AssignAction, Partial<AssignableConversation>, Partial<AssignmentAsk['target']>, string];

describe('planAssignment', () => {
  // Expected: `agent/outcome/reason` for a change, `409 reason` for a refusal.
  it.each<Row>([
    ['claims an unassigned conversation of their team', 'claim', {}, {}, 'ana/assigned/claimed'],
    ['cannot claim what someone else has', 'claim', { assigneeId: 'ben' }, {}, '409 already-assigned'],
    ['cannot claim their own', 'claim', { assigneeId: 'ana' }, {}, '409 already-yours'],
    ['cannot claim a resolved conversation', 'claim', { status: 'resolved' }, {}, '409 conversation-resolved'],
    ['cannot claim another team’s conversation', 'claim', { teamId: 'billing' }, {}, '409 not-in-team'],
    ['cannot claim without the skill', 'claim', { requiredSkills: ['pt'] }, {}, '409 missing-skill'],
    ['assigns to a colleague with room', 'assign', {}, { agentId: 'ben' }, 'ben/assigned/by-manager'],
    ['assigns to someone away (it waits for them)', 'assign', {}, { agentId: 'dee' }, 'dee/assigned/by-manager'],
    ['cannot assign to someone full', 'assign', {}, { agentId: 'eve' }, '409 at-capacity'],
    ['cannot assign to an unknown agent', 'assign', {}, { agentId: null }, '409 unknown-agent'],
    ['cannot assign to the current assignee', 'assign', { assigneeId: 'ben' }, { agentId: 'ben' }, '409 no-change'],
    ['reassigns from one agent to another', 'assign', { assigneeId: 'cy' }, { agentId: 'ben' }, 'ben/assigned/by-manager'],
    ['unassigns to the queue', 'unassign', { assigneeId: 'ben' }, {}, '-/queued/by-manager'],
    ['cannot unassign nobody', 'unassign', {}, {}, '409 no-change'],
    ['cannot unassign a resolved conversation', 'unassign', { assigneeId: 'ben', status: 'resolved' }, {}, '409 conversation-resolved'],
    ['hands their own over to an online colleague', 'handover', { assigneeId: 'ana' }, { agentId: 'ben' }, 'ben/assigned/handed-over'],
    ['hands over outside the team', 'handover', { assigneeId: 'ana' }, { agentId: 'cy' }, 'cy/assigned/handed-over'],
    ['cannot hand over to someone away', 'handover', { assigneeId: 'ana' }, { agentId: 'dee' }, '409 recipient-away'],
    ['cannot hand over to someone full', 'handover', { assigneeId: 'ana' }, { agentId: 'eve' }, '409 recipient-at-capacity'],
    ['cannot hand over what is not theirs', 'handover', { assigneeId: 'ben' }, { agentId: 'cy' }, '409 not-assignee'],
    ['cannot hand over to nobody', 'handover', { assigneeId: 'ana' }, {}, '409 unknown-agent'],
    ['escalates to its own team, routed to a colleague', 'escalate', { assigneeId: 'ana' }, {}, 'ben/assigned/escalated'],
    ['escalates to another team, routed within it', 'escalate', { assigneeId: 'ana' }, { teamId: 'billing', teamExists: true }, 'cy/assigned/escalated'],
    ['escalates to a team nobody can take now: queued there', 'escalate', { assigneeId: 'ana' }, { teamId: 'empty', teamExists: true }, '-/queued/escalated'],
    ['cannot escalate to a team that does not exist', 'escalate', { assigneeId: 'ana' }, { teamId: 'ghost', teamExists: false }, '409 unknown-team'],
  ])('%s', (_, action, conversation, target, expected) => {
    const plan = planAssignment(ask(action, conversation, target), now);
    const seen = plan.ok ? `${plan.change.agentId ?? '-'}/${plan.change.outcome}/${plan.change.reason}` : `${plan.status} ${plan.reason}`;
    expect(seen).toBe(expected);
  });

  it.each<[AssignAction, Partial<AssignableConversation>, Partial<AssignmentAsk['target']>, boolean]>([
    ['claim', {}, {}, false],
    ['assign', {}, { agentId: 'ben' }, false],
    ['assign', { assigneeId: 'cy' }, { agentId: 'ben' }, true],
    ['unassign', { assigneeId: 'ben' }, {}, true],
    ['handover', { assigneeId: 'ana' }, { agentId: 'ben' }, true],
    ['escalate', { assigneeId: 'ana' }, {}, true],
    ['escalate', {}, {}, false],
  ])('%s from %o to %o frees the previous agent’s capacity: %s', (action, conversation, target, frees) => {
    const plan = planAssignment(ask(action, conversation, target), now);
    expect(plan.ok && plan.change.freesCapacity).toBe(frees);
  });

  it('writes the team only for an escalation, and returns it to the queue before routing picks', () => {
    const escalated = planAssignment(ask('escalate', { assigneeId: 'ana' }, { teamId: 'billing', teamExists: true }), now);
    expect(escalated).toMatchObject({ ok: true, change: { trigger: 'escalate', teamId: 'billing', requeueFirst: true, actorId: 'ana' } });
    const assigned = planAssignment(ask('assign', {}, { agentId: 'ben' }), now);
    expect(assigned).toMatchObject({ ok: true, change: { trigger: 'assign', teamId: null, requeueFirst: false, decision: null } });
  });

  it('escalates through the router: its decision, with the escalating agent left out, comes with the change', () => {
    const plan = planAssignment(ask('escalate', { assigneeId: 'ana' }), now);
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.change.decision).toMatchObject({ agentId: 'ben', teamId: 'sales', path: 'team' });
    expect(plan.change.decision!.candidates.map((c) => c.agentId)).not.toContain('ana');
  });

  it('does not let the customer’s usual agent pull an escalation back', () => {
    const plan = planAssignment(
      {
        ...ask('escalate', { assigneeId: 'ana' }),
        escalation: facts({ ownerId: 'ben' }),
        agents: [agent('ana'), agent('ben', { openCount: 2 }), agent('fay', { openCount: 0 })],
      },
      now,
    );
    expect(plan).toMatchObject({ ok: true, change: { decision: { path: 'team' } } });
  });

  it('escalates without a team when the conversation has none, as the channel routes it', () => {
    const plan = planAssignment(ask('escalate', { assigneeId: 'ana', teamId: null }), now);
    expect(plan).toMatchObject({ ok: true, change: { teamId: null, outcome: 'assigned' } });
  });

  it('refuses nothing for who asks: that is authorizeDeskAction’s question, asked before', () => {
    const asAgent = planAssignment({ ...ask('assign', {}, { agentId: 'ben' }), actor: { id: 'ana', role: 'agent' } }, now);
    expect(asAgent).toMatchObject({ ok: true, change: { reason: 'by-agent' } });
  });
});
