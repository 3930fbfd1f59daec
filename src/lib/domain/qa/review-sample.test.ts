import { describe, expect, it } from 'vitest';
import { DEFAULT_QA_SETTINGS, type QaSettings } from './qa-settings';
import { sampleForReview, type ClosedConversation } from './review-sample';
import { seededRandom } from '../../../../tests/support/seeded-random';

const DAY = 86_400_000;
const start = Date.UTC(2026, 5, 15);
const end = start + 7 * DAY;
const on = { ...DEFAULT_QA_SETTINGS, enabled: true };

// Compact rows: 'ana:c1@2' is c1, assigned to ana, resolved two days into the period.
const closed = (...specs: string[]): ClosedConversation[] =>
  specs.map((spec) => {
    const [agent, rest] = spec.split(':') as [string, string];
    const [id, day] = rest.split('@') as [string, string];
    return { id, assigneeId: agent === '-' ? null : agent, resolvedAt: start + Number(day) * DAY };
  });
const week = closed('ana:a1@0', 'ana:a2@1', 'ana:a3@2', 'ana:a4@3', 'ana:a5@4', 'ben:b1@1', 'ben:b2@2', 'zoe:z1@6');

describe('sampleForReview', () => {
  it('picks up to the sample size per agent, agents in id order', () => {
    const sample = sampleForReview(week, on, start, end, seededRandom(1));
    expect(sample.map((s) => [s.agentId, s.conversationIds.length, s.available])).toEqual([
      ['ana', 3, 5],
      ['ben', 2, 2],
      ['zoe', 1, 1],
    ]);
  });

  it('draws from the sorted candidates in agent order, one draw per pick', () => {
    const draws = [0, 0.5, 0.99, 0.6, 0, 0];
    const scripted = () => draws.shift() ?? 0;
    expect(sampleForReview(week, on, start, end, scripted).map((s) => s.conversationIds)).toEqual([['a1', 'a4', 'a5'], ['b2', 'b1'], ['z1']]);
    expect(draws).toEqual([]);
  });

  it('gives the same sample for the same random sequence, whatever order the rows came in', () => {
    const first = sampleForReview(week, on, start, end, seededRandom(42));
    expect(sampleForReview([...week].reverse(), on, start, end, seededRandom(42))).toEqual(first);
  });

  it('never picks a conversation twice, even when a row is repeated', () => {
    for (let seed = 0; seed < 500; seed++) {
      for (const pick of sampleForReview([...week, ...week], { ...on, samplePerAgent: 4 }, start, end, seededRandom(seed))) {
        expect(new Set(pick.conversationIds).size).toBe(pick.conversationIds.length);
      }
    }
  });

  it('gives every conversation the same chance', () => {
    const picks = new Map<string, number>();
    const random = seededRandom(7);
    const runs = 20_000;
    for (let run = 0; run < runs; run++) {
      for (const id of sampleForReview(week, on, start, end, random)[0]?.conversationIds ?? []) picks.set(id, (picks.get(id) ?? 0) + 1);
    }
    // Three of five: each is picked in 60% of runs (±1.5 points is over 4 standard deviations at 20k runs).
    for (const id of ['a1', 'a2', 'a3', 'a4', 'a5']) expect(Math.abs((picks.get(id) ?? 0) / runs - 0.6)).toBeLessThan(0.015);
  });

  it.each([
    ['resolved at the start of the period', 'ana:c@0', 1],
    ['resolved the instant it ends', 'ana:c@7', 0],
    ['resolved the day before', 'ana:c@-1', 0],
  ])('counts a conversation %s: %i', (_, spec, count) => {
    expect(sampleForReview(closed(spec), on, start, end, seededRandom(1)).flatMap((s) => s.conversationIds)).toHaveLength(count);
  });

  it('leaves out unassigned and unresolved conversations', () => {
    const rows = [...closed('-:x@1'), { id: 'open', assigneeId: 'ana', resolvedAt: null }];
    expect(sampleForReview(rows, on, start, end, seededRandom(1))).toEqual([]);
  });

  it.each<[string, QaSettings]>([
    ['QA is off', DEFAULT_QA_SETTINGS],
    ['the sample size is 0', { ...on, samplePerAgent: 0 }],
  ])('picks nothing when %s', (_, settings) => {
    expect(sampleForReview(week, settings, start, end, seededRandom(1)).flatMap((s) => s.conversationIds)).toEqual([]);
  });

  it.each([
    ['always 0', () => 0],
    ['always 1 (out of contract)', () => 1],
    ['NaN', () => Number.NaN],
  ])('still picks distinct conversations when the generator returns %s', (_, random) => {
    const ana = sampleForReview(week, on, start, end, random)[0];
    expect(new Set(ana?.conversationIds).size).toBe(3);
  });
});
