import { describe, expect, it } from 'vitest';
import { routingSettingsSchema, type RoutingSettingsInput } from '../../schemas/routing';
import { capacityOf, hasSkill, isAssignable } from './agent-availability';
import { planBacklogSweep, type WaitingConversation } from './backlog-sweep';
import type { RoutingAgent } from './routing-input';
import { seededRandom } from '../../../../tests/support/seeded-random';

// Generated cases run thousands of decisions; give them room on a loaded CI machine.
const GENERATED = { timeout: 30_000 };

const now = Date.UTC(2026, 10, 25, 9, 0, 0);
const settingsOf = (input: RoutingSettingsInput = {}) => routingSettingsSchema.parse(input);

function agent(id: string, over: Partial<RoutingAgent> = {}): RoutingAgent {
  return {
    id,
    status: 'online',
    shiftEndsAt: null,
    teams: ['sales'],
    skills: [],
    languages: [],
    maxOpen: 2,
    openCount: 0,
    lastAssignedAt: null,
    lastMessageAt: null,
    ...over,
  };
}

function waiting(id: string, over: Partial<WaitingConversation> = {}): WaitingConversation {
  return { id, teamId: 'sales', requiredSkills: [], priority: 100, waitingSince: now - 60_000, ownerId: null, ...over };
}

const never = (): number => {
  throw new Error('random was not needed');
};

describe('planBacklogSweep', () => {
  it.each([
    ['in_order', 'ana'],
    ['least_chats', 'ben'],
  ] as const)("hands a conversation queued while nobody was online out by that branch's algorithm (%s gives it to %s)", (offline, winner) => {
    // Ana has waited longest for a customer but holds more chats: the two algorithms disagree.
    const agents = [agent('ana', { maxOpen: 5, openCount: 2, lastAssignedAt: now - 90_000 }), agent('ben', { maxOpen: 5, lastAssignedAt: now - 10_000 })];
    const settings = settingsOf({
      backlog: { algorithm: offline === 'in_order' ? 'least_chats' : 'in_order' },
      newCustomer: { agentsOffline: { algorithm: offline } },
    });
    const plan = planBacklogSweep([waiting('night', { queuedNobodyOnline: true })], agents, settings, now, never);
    expect(plan.assignments).toEqual([{ conversationId: 'night', agentId: winner, teamId: 'sales', algorithm: offline, tieBreak: 'none' }]);
  });

  it('hands any other queued conversation out by the backlog algorithm', () => {
    const agents = [agent('ana', { maxOpen: 5, openCount: 2, lastAssignedAt: now - 90_000 }), agent('ben', { maxOpen: 5, lastAssignedAt: now - 10_000 })];
    const settings = settingsOf({ backlog: { algorithm: 'least_chats' }, newCustomer: { agentsOffline: { algorithm: 'in_order' } } });
    expect(planBacklogSweep([waiting('full-desk')], agents, settings, now, never).assignments.map((a) => a.agentId)).toEqual(['ben']);
  });

  it('serves the highest priority first, then the longest waiting, until capacity runs out', () => {
    const plan = planBacklogSweep(
      [
        waiting('late-normal', { waitingSince: now - 1_000 }),
        waiting('early-normal', { waitingSince: now - 9_000 }),
        waiting('vip', { priority: 350, waitingSince: now - 10 }),
        waiting('low', { priority: 0, waitingSince: now - 99_000 }),
      ],
      [agent('ana', { maxOpen: 2, openCount: 1 }), agent('ben', { maxOpen: 1 })],
      settingsOf(),
      now,
      never,
    );
    expect(plan.assignments.map((a) => a.conversationId)).toEqual(['vip', 'early-normal']);
    expect(plan.stillWaiting).toEqual(['late-normal', 'low']);
  });

  it('counts each planned assignment against capacity, spreading load by least chats', () => {
    const plan = planBacklogSweep(
      ['q1', 'q2', 'q3', 'q4', 'q5'].map((id, i) => waiting(id, { waitingSince: now - 10_000 + i })),
      [agent('ana', { maxOpen: 3, openCount: 1 }), agent('ben', { maxOpen: 3 })],
      settingsOf({ backlog: { algorithm: 'least_chats' } }),
      now,
      never,
    );
    expect(plan.assignments.map((a) => `${a.conversationId}:${a.agentId}`)).toEqual(['q1:ben', 'q2:ana', 'q3:ben', 'q4:ana', 'q5:ben']);
    expect(plan.stillWaiting).toEqual([]);
  });

  it('keeps round robin turning inside one sweep', () => {
    const plan = planBacklogSweep(
      Array.from({ length: 7 }, (_, i) => waiting(`q${i}`, { waitingSince: now - 100 + i })),
      [agent('cy', { lastAssignedAt: now - 10 }), agent('ana', { lastAssignedAt: now - 30 }), agent('ben', { lastAssignedAt: now - 20 })].map((a) => ({
        ...a,
        maxOpen: 9,
      })),
      settingsOf({ backlog: { algorithm: 'in_order' } }),
      now,
      never,
    );
    expect(plan.assignments.map((a) => a.agentId)).toEqual(['ana', 'ben', 'cy', 'ana', 'ben', 'cy', 'ana']);
  });

  it('respects team and skills, and leaves what nobody can take', () => {
    const plan = planBacklogSweep(
      [
        waiting('es', { requiredSkills: ['es'], waitingSince: now - 3 }),
        waiting('billing', { teamId: 'billing', waitingSince: now - 2 }),
        waiting('any', { teamId: null, waitingSince: now - 1 }),
      ],
      [agent('ana', { languages: ['en'] }), agent('eva', { languages: ['es'], teams: ['support'] })],
      settingsOf(),
      now,
      never,
    );
    expect(plan.assignments.map((a) => `${a.conversationId}:${a.agentId}`)).toEqual(['any:ana']);
    expect(plan.stillWaiting).toEqual(['es', 'billing']);
  });

  it('gives a waiting conversation back to its owner when the owner can take it', () => {
    const plan = planBacklogSweep(
      [waiting('mine', { ownerId: 'ana', waitingSince: now - 2 }), waiting('full-owner', { ownerId: 'ben', waitingSince: now - 1 })],
      [agent('ana', { teams: ['elsewhere'] }), agent('ben', { openCount: 2 }), agent('cy')],
      settingsOf(),
      now,
      never,
    );
    expect(plan.assignments).toEqual([
      { conversationId: 'mine', agentId: 'ana', teamId: 'sales', algorithm: 'owner', tieBreak: 'none' },
      { conversationId: 'full-owner', agentId: 'cy', teamId: 'sales', algorithm: 'least_chats', tieBreak: 'none' },
    ]);
  });

  it('asks for a random number only when it picks at random', () => {
    let calls = 0;
    const counting = () => {
      calls += 1;
      return 0.99;
    };
    const plan = planBacklogSweep(
      [waiting('q1'), waiting('q2', { teamId: 'nobody' })],
      [agent('ana'), agent('ben')],
      settingsOf({ backlog: { algorithm: 'random' } }),
      now,
      counting,
    );
    expect(plan.assignments.map((a) => a.agentId)).toEqual(['ben']);
    expect(calls).toBe(1);
  });

  it('does nothing with an empty queue or nobody online, and does not change its input', () => {
    const agents = [agent('ana', { status: 'away' }), agent('ben', { status: 'offline' }), agent('cy', { shiftEndsAt: now })];
    const queue = [waiting('q1'), waiting('q2')];
    const before = structuredClone({ agents, queue });
    expect(planBacklogSweep([], agents, settingsOf(), now, never)).toEqual({ assignments: [], stillWaiting: [] });
    expect(planBacklogSweep(queue, agents, settingsOf(), now, never)).toEqual({ assignments: [], stillWaiting: ['q1', 'q2'] });
    expect({ agents, queue }).toEqual(before);
  });

  it('never exceeds capacity or breaks team, skill and availability rules over 2,000 generated backlogs', GENERATED, () => {
    const next = seededRandom(11);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
    for (let round = 0; round < 2000; round++) {
      const agents = Array.from({ length: Math.floor(next() * 10) }, (_, i) =>
        agent(`a${i}`, {
          status: pick(['online', 'online', 'away', 'offline'] as const),
          teams: ['sales', 'billing'].filter(() => next() < 0.6),
          languages: ['es', 'pt'].filter(() => next() < 0.4),
          maxOpen: next() < 0.2 ? null : 1 + Math.floor(next() * 3),
          openCount: Math.floor(next() * 3),
          lastAssignedAt: next() < 0.7 ? now - Math.floor(next() * 5) : null,
        }),
      );
      const queue = Array.from({ length: Math.floor(next() * 25) }, (_, i) =>
        waiting(`q${i}`, {
          teamId: pick(['sales', 'billing', null]),
          requiredSkills: ['es', 'pt'].filter(() => next() < 0.2),
          priority: pick([0, 100, 350]),
          waitingSince: now - Math.floor(next() * 1000),
          ownerId: next() < 0.2 ? pick(['a0', 'a1', 'ghost']) : null,
        }),
      );
      const settings = settingsOf({
        capacity: { defaultMaxOpen: 1 + Math.floor(next() * 3) },
        backlog: { algorithm: pick(['random', 'in_order', 'most_waiting', 'least_chats'] as const) },
      });
      const plan = planBacklogSweep(queue, agents, settings, now, next);
      const load = new Map(agents.map((a) => [a.id, a.openCount]));
      const assigned = new Set<string>();
      for (const a of plan.assignments) {
        const who = agents.find((x) => x.id === a.agentId)!;
        const conversation = queue.find((q) => q.id === a.conversationId)!;
        expect(assigned.has(a.conversationId)).toBe(false);
        assigned.add(a.conversationId);
        load.set(who.id, load.get(who.id)! + 1);
        expect(load.get(who.id)!).toBeLessThanOrEqual(capacityOf(who, settings.capacity.defaultMaxOpen));
        expect(isAssignable(who, now)).toBe(true);
        if (a.algorithm !== 'owner') {
          if (conversation.teamId !== null) expect(who.teams).toContain(conversation.teamId);
          for (const skill of conversation.requiredSkills) expect(hasSkill(who, skill)).toBe(true);
        } else expect(who.id).toBe(conversation.ownerId);
      }
      expect([...assigned, ...plan.stillWaiting].sort()).toEqual(queue.map((q) => q.id).sort());
    }
  });
});
