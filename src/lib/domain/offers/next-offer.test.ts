import { describe, expect, it } from 'vitest';
import type { RoutingAgent } from '../routing/routing-input';
import { pickNextOffer, type OfferRound } from './next-offer';
import { seededRandom } from '../../../../tests/support/seeded-random';

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

const round = (declined: string[], over: Partial<OfferRound> = {}): OfferRound => ({ teamId: 'sales', requiredSkills: [], declined, ...over });
const team = [
  agent('ana', { lastAssignedAt: 1 }),
  agent('ben', { lastAssignedAt: 2 }),
  agent('cy', { lastAssignedAt: 3 }),
  agent('dee', { teams: ['billing'] }),
];

describe('pickNextOffer', () => {
  it('rolls on through the team in the algorithm’s order, skipping whoever declined', () => {
    expect(pickNextOffer(round(['ana']), team, 'in_order', now, 5, 0).agentId).toBe('ben');
    expect(pickNextOffer(round(['ana', 'ben']), team, 'in_order', now, 5, 0).agentId).toBe('cy');
  });

  it('finds nobody once the whole team declined, and explains each exclusion', () => {
    const next = pickNextOffer(round(['ana', 'ben', 'cy']), team, 'in_order', now, 5, 0);
    expect(next).toMatchObject({ agentId: null, tieBreak: null, candidates: [] });
    expect(next.excluded).toEqual([
      { agentId: 'ana', reason: 'declined' },
      { agentId: 'ben', reason: 'declined' },
      { agentId: 'cy', reason: 'declined' },
      { agentId: 'dee', reason: 'not-in-team' },
    ]);
  });

  it('keeps the team, skills, availability and capacity rules', () => {
    const agents = [
      agent('ana', { status: 'away' }),
      agent('ben', { openCount: 3 }),
      agent('cy', { skills: ['es'] }),
      agent('dee', { teams: ['billing'], skills: ['es'] }),
    ];
    expect(pickNextOffer(round([], { requiredSkills: ['es'] }), agents, 'least_chats', now, 5, 0).agentId).toBe('cy');
    expect(pickNextOffer(round(['cy'], { requiredSkills: ['es'] }), agents, 'least_chats', now, 5, 0).agentId).toBeNull();
    expect(pickNextOffer(round(['cy'], { teamId: null, requiredSkills: ['es'] }), agents, 'least_chats', now, 5, 0).agentId).toBe('dee');
  });

  it('never picks a declined, ineligible or full agent over generated teams', () => {
    const random = seededRandom(3);
    for (let i = 0; i < 1000; i++) {
      const agents = Array.from({ length: 1 + Math.floor(random() * 8) }, (_, n) =>
        agent(`a${n}`, { status: random() < 0.8 ? 'online' : 'offline', openCount: Math.floor(random() * 4), teams: random() < 0.8 ? ['sales'] : ['billing'] }),
      );
      const declined = agents.filter(() => random() < 0.4).map((a) => a.id);
      const next = pickNextOffer(round(declined), agents, (['random', 'in_order', 'most_waiting', 'least_chats'] as const)[i % 4], now, 5, random());
      const picked = agents.find((a) => a.id === next.agentId);
      if (!picked) {
        expect(next.candidates).toEqual([]);
        continue;
      }
      expect(declined).not.toContain(picked.id);
      expect(picked).toMatchObject({ status: 'online', teams: ['sales'] });
      expect(picked.openCount).toBeLessThan(3);
    }
  });
});
