import { describe, expect, it } from 'vitest';
import { routingSettingsSchema, type RoutingSettingsInput } from '../../schemas/routing';
import { screenAgents } from './agent-selection';
import { planBacklogSweep, type WaitingConversation } from './backlog-sweep';
import { decideRouting } from './routing-decision';
import type { RoutingAgent, RoutingInput } from './routing-input';
import { seededRandom } from '../../../../tests/support/seeded-random';

// An offer that is declined or lapses rolls on: the agents who passed on it are an input to routing.

const now = Date.UTC(2026, 10, 25, 15, 0, 0);
const settingsOf = (input: RoutingSettingsInput = {}) => routingSettingsSchema.parse(input);

function agent(id: string, over: Partial<RoutingAgent> = {}): RoutingAgent {
  return {
    id,
    status: 'online',
    shiftEndsAt: null,
    teams: ['sales'],
    skills: [],
    languages: [],
    maxOpen: 5,
    openCount: 0,
    lastAssignedAt: null,
    lastMessageAt: null,
    ...over,
  };
}

function input(declinedAgentIds: string[] | undefined, over: Partial<RoutingInput> = {}): RoutingInput {
  return {
    conversation: { id: 'c1', channelId: 'ch1', firstMessageText: 'Hello', createdAt: now, lastInboundAt: now, previousEscalations: 0, labels: [] },
    contact: { id: 'k1', ownerId: null, isNew: false, vip: false, labels: [], language: null, attributes: {} },
    agents: [agent('ana'), agent('ben', { lastAssignedAt: now - 1 }), agent('cy', { lastAssignedAt: now })],
    settings: settingsOf({ newCustomer: { agentsOnline: { teamId: 'sales', algorithm: 'in_order' } } }),
    insideBusinessHours: true,
    localMinutes: 600,
    ...(declinedAgentIds ? { declinedAgentIds } : {}),
    ...over,
  };
}

describe('declined agents in a routing decision', () => {
  it.each([
    [undefined, 'ana'],
    [['ana'], 'ben'],
    [['ana', 'ben'], 'cy'],
  ] as const)('with %j declined, round robin offers it to %s', (declined, expected) => {
    expect(decideRouting(input(declined ? [...declined] : undefined), now, 0.5).agentId).toBe(expected);
  });

  it('queues the conversation once everyone eligible declined, and says why each was passed over', () => {
    const decision = decideRouting(input(['ana', 'ben', 'cy']), now, 0.5);
    expect(decision).toMatchObject({ outcome: 'queued', agentId: null, candidates: [] });
    expect(decision.excluded).toEqual([
      { agentId: 'ana', reason: 'declined' },
      { agentId: 'ben', reason: 'declined' },
      { agentId: 'cy', reason: 'declined' },
    ]);
  });

  it('passes over a customer’s usual agent who declined, to the team', () => {
    const withOwner = (declined: string[]) => input(declined, { contact: { ...input(undefined).contact, ownerId: 'cy' } });
    expect(decideRouting(withOwner([]), now, 0.5)).toMatchObject({ agentId: 'cy', path: 'owner-online' });
    expect(decideRouting(withOwner(['cy']), now, 0.5)).toMatchObject({ agentId: 'ana', path: 'team' });
  });

  it('skips a rule naming an agent who declined', () => {
    const settings = settingsOf({ newCustomer: { agentsOnline: { teamId: 'sales', algorithm: 'in_order' } }, rules: [{ name: 'to cy', agentId: 'cy' }] });
    const decision = decideRouting(input(['cy'], { settings }), now, 0.5);
    expect(decision.agentId).toBe('ana');
    expect(decision.skippedRules).toEqual([expect.objectContaining({ name: 'to cy', reason: 'agent-unavailable', detail: 'cy: declined' })]);
  });

  it('never offers a conversation to an agent who declined it, over generated workloads', () => {
    const random = seededRandom(11);
    for (let i = 0; i < 500; i++) {
      const agents = Array.from({ length: 1 + Math.floor(random() * 6) }, (_, n) =>
        agent(`a${n}`, { status: random() < 0.8 ? 'online' : 'away', openCount: Math.floor(random() * 6), lastAssignedAt: now - Math.floor(random() * 1000) }),
      );
      const declined = agents.filter(() => random() < 0.5).map((a) => a.id);
      const algorithm = (['random', 'in_order', 'most_waiting', 'least_chats'] as const)[i % 4];
      const decision = decideRouting(
        input(declined, { agents, settings: settingsOf({ newCustomer: { agentsOnline: { teamId: 'sales', algorithm } } }) }),
        now,
        random(),
      );
      if (decision.agentId !== null) expect(declined).not.toContain(decision.agentId);
    }
  });
});

describe('declined agents when screening and sweeping', () => {
  it('excludes declined agents before any other reason', () => {
    const { candidates, excluded } = screenAgents([agent('ana', { status: 'away' }), agent('ben')], { teamId: 'sales', skills: [], declined: ['ana'] }, now, 5);
    expect(candidates.map((a) => a.id)).toEqual(['ben']);
    expect(excluded).toEqual([{ agentId: 'ana', reason: 'declined' }]);
  });

  it('does not hand a waiting conversation back to the agents who declined it, owner included', () => {
    const waiting = (over: Partial<WaitingConversation>): WaitingConversation => ({
      id: 'q1',
      teamId: 'sales',
      requiredSkills: [],
      priority: 100,
      waitingSince: now - 1000,
      ownerId: null,
      ...over,
    });
    const agents = [agent('ana'), agent('ben', { lastAssignedAt: now - 5 })];
    const plan = (over: Partial<WaitingConversation>) =>
      planBacklogSweep([waiting(over)], agents, settingsOf({ backlog: { algorithm: 'in_order' } }), now, Math.random).assignments.map((a) => a.agentId);
    expect(plan({})).toEqual(['ana']);
    expect(plan({ declinedAgentIds: ['ana'] })).toEqual(['ben']);
    expect(plan({ ownerId: 'ana', declinedAgentIds: ['ana'] })).toEqual(['ben']);
    expect(plan({ declinedAgentIds: ['ana', 'ben'] })).toEqual([]);
  });
});
