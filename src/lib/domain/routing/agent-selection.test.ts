import { describe, expect, it } from 'vitest';
import { pickAgent, screenAgents } from './agent-selection';
import type { RoutingAgent } from './routing-input';
import { seededRandom } from '../../../../tests/support/seeded-random';

// Generated cases run thousands of decisions; give them room on a loaded CI machine.
const GENERATED = { timeout: 30_000 };

const now = 1_000_000;

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

/** `ana:2@5~7`: ana with 2 open conversations, last assigned at 5, last message at 7 (both optional). */
function pool(...specs: string[]): RoutingAgent[] {
  return specs.map((spec) => {
    const m = /^(\w+):(\d+)(?:@(\d+))?(?:~(\d+))?$/.exec(spec);
    if (!m) throw new Error(`bad spec ${spec}`);
    return agent(m[1], { openCount: Number(m[2]), lastAssignedAt: m[3] ? Number(m[3]) : null, lastMessageAt: m[4] ? Number(m[4]) : null });
  });
}

describe('pickAgent', () => {
  it.each([
    ['least_chats', ['ana:2@5', 'ben:0@9', 'cy:1@1'], 'ben', 'none'],
    ['least_chats', ['ana:1@5', 'ben:1@3', 'cy:4'], 'ben', 'least-recently-assigned'],
    ['least_chats', ['ben:1@3', 'ana:1@3'], 'ana', 'id'],
    ['in_order', ['ana:0@5', 'ben:9@3', 'cy:0@4'], 'ben', 'none'],
    ['in_order', ['ana:0@5', 'new:3'], 'new', 'none'],
    ['in_order', ['bo:0', 'al:0'], 'al', 'id'],
    ['most_waiting', ['ana:0@5~1', 'ben:0@2~8', 'cy:0@3~3'], 'cy', 'none'],
    ['most_waiting', ['ana:0@1~4', 'ben:0@4~2'], 'ana', 'least-recently-assigned'],
    ['most_waiting', ['ana:0~4', 'ben:0~9', 'cy:0'], 'cy', 'none'],
    ['most_waiting', ['ben:0@4', 'ana:0~4'], 'ana', 'least-recently-assigned'],
  ] as const)('with %s among %j picks %s (tie-break: %s)', (algorithm, specs, expected, tieBreak) => {
    const picked = pickAgent(pool(...specs), algorithm, 0.5);
    expect(picked?.winner.id).toBe(expected);
    expect(picked?.tieBreak).toBe(tieBreak);
  });

  it.each([
    [0, 'ana'],
    [0.33, 'ana'],
    [0.34, 'ben'],
    [0.999999, 'cy'],
    [1, 'cy'],
    [-3, 'ana'],
    [Number.NaN, 'ana'],
  ])('with random %s picks %s whatever order the agents came in', (random, expected) => {
    expect(pickAgent(pool('cy:0', 'ana:0', 'ben:0'), 'random', random)?.winner.id).toBe(expected);
    expect(pickAgent(pool('ben:0', 'cy:0', 'ana:0'), 'random', random)?.winner.id).toBe(expected);
  });

  it('returns null when there is nobody to pick', () => {
    expect(pickAgent([], 'least_chats', 0.5)).toBeNull();
  });

  it('gives the same answer for any order of the same candidates', GENERATED, () => {
    const next = seededRandom(7);
    for (let round = 0; round < 500; round++) {
      const specs = Array.from({ length: 1 + Math.floor(next() * 8) }, (_, i) => {
        const assigned = next() < 0.8 ? `@${Math.floor(next() * 4)}` : '';
        const spoke = next() < 0.5 ? `~${Math.floor(next() * 4)}` : '';
        return `a${i}:${Math.floor(next() * 3)}${assigned}${spoke}`;
      });
      const shuffled = [...specs].sort(() => next() - 0.5);
      for (const algorithm of ['least_chats', 'in_order', 'most_waiting', 'random'] as const) {
        const r = next();
        expect(pickAgent(pool(...shuffled), algorithm, r)).toEqual(pickAgent(pool(...specs), algorithm, r));
      }
    }
  });

  it('keeps round robin exactly fair over 10,000 sequential assignments', GENERATED, () => {
    const contenders = pool('a:0', 'b:0@10', 'c:0@3', 'd:0', 'e:0@7', 'f:0@1', 'g:0@2');
    const counts = new Map<string, number>();
    for (let step = 0; step < 10_000; step++) {
      const picked = pickAgent(contenders, 'in_order', 0)!;
      picked.winner.lastAssignedAt = 100 + step;
      counts.set(picked.winner.id, (counts.get(picked.winner.id) ?? 0) + 1);
    }
    expect(Math.max(...counts.values()) - Math.min(...counts.values())).toBeLessThanOrEqual(1);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(10_000);
  });

  it('stays fair while agents come and go: nobody is served twice while an eligible colleague waits', GENERATED, () => {
    const next = seededRandom(42);
    const all = pool(...Array.from({ length: 9 }, (_, i) => `a${i}:0`));
    const online = new Set(all.map((c) => c.id));
    // For each continuously online agent: who has been served since their own last turn.
    const servedSince = new Map<string, Set<string>>(all.map((c) => [c.id, new Set<string>()]));
    for (let step = 0; step < 10_000; step++) {
      for (const c of all) {
        if (next() < 0.03) {
          if (online.has(c.id)) online.delete(c.id);
          else online.add(c.id);
          servedSince.get(c.id)!.clear();
        }
      }
      const candidates = all.filter((c) => online.has(c.id));
      const picked = pickAgent(candidates, 'in_order', 0);
      if (!picked) continue;
      const winner = picked.winner.id;
      for (const c of candidates) {
        if (c.id === winner) continue;
        const served = servedSince.get(c.id)!;
        expect(served.has(winner), `${winner} served twice while ${c.id} waited`).toBe(false);
        served.add(winner);
      }
      servedSince.get(winner)!.clear();
      picked.winner.lastAssignedAt = 100 + step;
    }
  });
});

describe('screenAgents', () => {
  const need = { teamId: 'sales', skills: ['es', 'billing'] };

  it.each([
    ['not-in-team', { teams: ['support'] }],
    ['offline', { status: 'offline' as const }],
    ['away', { status: 'away' as const }],
    ['shift-ended', { shiftEndsAt: now }],
    ['missing-skill', { languages: ['pt'] }],
    ['at-capacity', { openCount: 5 }],
    ['at-capacity', { maxOpen: null, openCount: 3 }],
  ])('excludes an agent with reason %s', (reason, over) => {
    const screened = screenAgents([agent('x', { skills: ['billing'], languages: ['es'], ...over })], need, now, 3);
    expect(screened).toEqual({ candidates: [], excluded: [{ agentId: 'x', reason }] });
  });

  it('keeps an agent who meets every need, counting languages as skills case-insensitively', () => {
    const screened = screenAgents([agent('x', { skills: ['Billing'], languages: ['ES'], shiftEndsAt: now + 1, openCount: 4 })], need, now, 3);
    expect(screened.candidates.map((c) => c.id)).toEqual(['x']);
    expect(screened.excluded).toEqual([]);
  });

  it('accepts agents of any team when no team is needed', () => {
    const screened = screenAgents([agent('x', { teams: [] })], { teamId: null, skills: [] }, now, 3);
    expect(screened.candidates).toHaveLength(1);
  });

  it('reports the first reason in a fixed order: team, then availability, then skills, then capacity', () => {
    const screened = screenAgents([agent('x', { teams: [], status: 'offline', openCount: 9 })], need, now, 3);
    expect(screened.excluded).toEqual([{ agentId: 'x', reason: 'not-in-team' }]);
  });
});
