import { describe, expect, it } from 'vitest';
import { routingSettingsSchema } from '../../schemas/routing';
import { availabilityOf, soleAgentOf } from './agent-availability';
import { planBacklogSweep } from './backlog-sweep';
import { decideRouting } from './routing-decision';
import type { RoutingAgent, RoutingInput } from './routing-input';

// The one-person shop: the owner is the desk's only active person and takes every conversation, online or not.

const now = Date.UTC(2026, 11, 7, 2, 0, 0);

function agent(id: string, over: Partial<RoutingAgent> = {}): RoutingAgent {
  return {
    id,
    status: 'offline',
    shiftEndsAt: null,
    teams: [],
    skills: [],
    languages: [],
    maxOpen: null,
    openCount: 0,
    lastAssignedAt: null,
    lastMessageAt: null,
    ...over,
  };
}

function input(agents: RoutingAgent[], ownerId: string | null = null, settings = {}): RoutingInput {
  return {
    conversation: {
      id: 'c1',
      channelId: 'ch1',
      firstMessageText: 'Hi, is the shop open tomorrow?',
      createdAt: now,
      lastInboundAt: now,
      previousEscalations: 0,
      labels: [],
    },
    contact: { id: 'k1', ownerId, isNew: ownerId === null, vip: false, labels: [], language: null, attributes: {} },
    agents,
    settings: routingSettingsSchema.parse(settings),
    insideBusinessHours: false,
    localMinutes: 120,
  };
}

describe('soleAgentOf', () => {
  it.each([
    ['one active person', [{ id: 'kofi', active: true }], 'kofi'],
    [
      'one active person beside a deactivated one and an API key',
      [
        { id: 'old', active: false },
        { id: 'kofi', active: true },
        { id: 'key', active: false },
      ],
      'kofi',
    ],
    [
      'two active people',
      [
        { id: 'kofi', active: true },
        { id: 'ama', active: true },
      ],
      null,
    ],
    ['nobody active', [{ id: 'old', active: false }], null],
    ['nobody at all', [], null],
  ])('finds the sole agent of a desk with %s', (_, people, expected) => {
    expect(soleAgentOf(people)).toBe(expected);
  });
});

describe('a desk with a single active agent', () => {
  it.each(['offline', 'away', 'online'] as const)('calls the sole agent assignable while %s', (status) => {
    expect(availabilityOf({ status, shiftEndsAt: null, soleAgent: true }, now)).toBe('assignable');
    expect(availabilityOf({ status: 'offline', shiftEndsAt: now - 1, soleAgent: true }, now)).toBe('assignable');
  });

  it('gives a new customer at night to the offline sole agent', () => {
    const decision = decideRouting(input([agent('kofi', { soleAgent: true })]), now, 0.5);
    expect(decision).toMatchObject({ outcome: 'assigned', agentId: 'kofi', path: 'team' });
  });

  it('names the nobody-online reply for the offline sole agent: nobody is there to answer in a moment', () => {
    expect(decideRouting(input([agent('kofi', { soleAgent: true, status: 'offline' })]), now, 0.5).autoReply?.kind).toBe('offline');
    expect(decideRouting(input([agent('kofi', { soleAgent: true, status: 'online' })]), now, 0.5).autoReply?.kind).toBe('welcome');
  });

  it('gives the sole agent conversations of a team and skill they were never given', () => {
    const rules = [{ name: 'Spanish', languages: ['es'], teamId: 'ventas000000001', skills: ['es'] }];
    const decision = decideRouting(
      { ...input([agent('kofi', { soleAgent: true })], null, { rules }), contact: { ...input([]).contact, language: 'es' } },
      now,
      0.5,
    );
    expect(decision).toMatchObject({ outcome: 'assigned', agentId: 'kofi', teamId: 'ventas000000001', requiredSkills: ['es'] });
  });

  it('gives a returning customer to their offline sole owner', () => {
    expect(decideRouting(input([agent('kofi', { soleAgent: true })], 'kofi'), now, 0.5)).toMatchObject({
      outcome: 'assigned',
      agentId: 'kofi',
      path: 'owner-online',
    });
  });

  it('still holds the sole agent to their capacity', () => {
    expect(decideRouting(input([agent('kofi', { soleAgent: true, maxOpen: 2, openCount: 2 })]), now, 0.5)).toMatchObject({ outcome: 'queued', agentId: null });
  });

  it('queues the conversation when the offline agent is one of two', () => {
    expect(decideRouting(input([agent('kofi'), agent('ama')]), now, 0.5)).toMatchObject({ outcome: 'queued', agentId: null });
  });

  it('hands the waiting backlog to the offline sole agent', () => {
    const queue = [1, 2, 3].map((n) => ({
      id: `c${n}`,
      teamId: null,
      requiredSkills: [],
      priority: 0,
      waitingSince: now - n * 60_000,
      ownerId: null,
      declinedAgentIds: [],
    }));
    const plan = planBacklogSweep(queue, [agent('kofi', { soleAgent: true })], routingSettingsSchema.parse({}), now, () => 0.5);
    expect(plan.assignments.map((a) => a.agentId)).toEqual(['kofi', 'kofi', 'kofi']);
  });
});
