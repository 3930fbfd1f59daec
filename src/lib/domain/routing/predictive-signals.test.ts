import { describe, expect, it } from 'vitest';
import { priorityPolicySchema, routingRuleSchema, routingSettingsSchema, type RoutingRuleInput } from '../../schemas/routing';
import { NO_HISTORY, type CustomerHistory } from '../signals/customer-history';
import { scorePriority } from './priority-score';
import { decideRouting } from './routing-decision';
import type { RoutingAgent } from './routing-input';
import { applyRules, type RuleFacts } from './rule-evaluation';
import { foldText } from './text-folding';

// Issue #20: the message's own reading and the customer's past in the priority score and in rule conditions.

const now = Date.UTC(2026, 10, 25, 12, 0, 0);
const policy = priorityPolicySchema.parse({});
const calm = { text: 'Hello, a question about sizes', vip: false, previousEscalations: 0, lastInboundAt: now };
const past = (over: Partial<CustomerHistory>): CustomerHistory => ({ ...NO_HISTORY, ...over });

describe('scorePriority with message signals', () => {
  it.each([
    ['This is the worst service, I am furious', 'negative-message', 30],
    ['Estoy harto, nadie me responde', 'negative-message', 30],
    ['I need it as soon as possible', 'urgent-message', 40],
    ['Lo necesito ya mismo', 'urgent-message', 40],
  ])('scores "%s" with %s', (text, code, points) => {
    const scored = scorePriority({ ...calm, text }, now, policy);
    expect(scored.reasons.map((r) => [r.code, r.points])).toEqual([[code, points]]);
    expect(scored.score).toBe(points);
  });

  it('lists the cues a person is shown as the reason', () => {
    const scored = scorePriority({ ...calm, text: 'WHY DOES NOBODY ANSWER, THIS IS TERRIBLE!!!' }, now, policy);
    expect(scored.reasons).toEqual([{ code: 'negative-message', points: 30, detail: 'negative-words, shouting, exclamations' }]);
  });

  it("scores an urgent or angry message once when the admin's word or emoji list already did", () => {
    const scored = scorePriority({ ...calm, text: 'URGENT, the worst service 😡' }, now, policy);
    expect(scored.reasons.map((r) => r.code)).toEqual(['urgency-words', 'angry-emoji']);
  });

  it('adds nothing for a calm, polite or happy message', () => {
    for (const text of ['Where is my order?', 'Thank you so much!', 'No rush, whenever you can'])
      expect(scorePriority({ ...calm, text }, now, policy).score).toBe(0);
  });

  it('weighs message signals with the points the channel sets, zero leaving them out', () => {
    const custom = priorityPolicySchema.parse({ points: { negativeMessage: 0, urgentMessage: 90 } });
    expect(scorePriority({ ...calm, text: 'esto es terrible, lo necesito lo antes posible' }, now, custom)).toEqual({
      score: 90,
      reasons: [{ code: 'urgent-message', points: 90, detail: 'urgent' }],
    });
  });
});

describe('scorePriority with the customer history', () => {
  it.each([
    [past({ handovers: 1 }), 'handovers', 10, '1'],
    [past({ handovers: 9 }), 'handovers', 30, '9'],
    [past({ reopens: 2 }), 'reopens', 30, '2'],
    [past({ reopens: 5 }), 'reopens', 45, '5'],
    [past({ lowRatings: 1 }), 'low-rating', 40, '1'],
    [past({ lowRatings: 4 }), 'low-rating', 40, '4'],
    [past({ averageResolutionMinutes: 2000 }), 'slow-resolution', 20, '2000 min'],
  ])('adds points for %j', (history, code, points, detail) => {
    expect(scorePriority({ ...calm, history }, now, policy)).toEqual({ score: points, reasons: [{ code, points, detail }] });
  });

  it.each([
    ['no history', undefined],
    ['a customer who never needed anything special', NO_HISTORY],
    ['conversations resolved quickly', past({ averageResolutionMinutes: 30 })],
  ])('adds nothing for %s', (_, history) => {
    expect(scorePriority({ ...calm, history }, now, policy).score).toBe(0);
  });

  it('turns slow resolution off at 0 minutes', () => {
    const off = priorityPolicySchema.parse({ slowResolutionMinutes: 0 });
    expect(scorePriority({ ...calm, history: past({ averageResolutionMinutes: 99_999 }) }, now, off).score).toBe(0);
  });

  it('adds every history signal together with the escalations', () => {
    const history = past({ handovers: 2, reopens: 1, lowRatings: 1, averageResolutionMinutes: 3000 });
    const scored = scorePriority({ ...calm, previousEscalations: 2, history }, now, policy);
    expect(scored.reasons.map((r) => r.code)).toEqual(['escalated', 'handovers', 'low-rating', 'reopens', 'slow-resolution']);
    expect(scored.score).toBe(80 + 20 + 40 + 15 + 20);
  });
});

describe('rule conditions on the customer history', () => {
  const rule = (input: Partial<RoutingRuleInput>) => routingRuleSchema.parse({ name: 'r', teamId: 'supervisors', ...input });
  const facts = (history?: CustomerHistory): RuleFacts => ({
    text: 'hello',
    folded: foldText('hello'),
    language: null,
    channelId: 'ch',
    vip: false,
    labels: [],
    attributes: {},
    insideBusinessHours: true,
    localMinutes: 600,
    history,
  });
  const routedBy = (input: Partial<RoutingRuleInput>, history?: CustomerHistory) => applyRules([rule(input)], facts(history)).teamId;

  it.each([
    [{ escalatedBefore: 1 }, past({ escalations: 1 }), 'supervisors'],
    [{ escalatedBefore: 2 }, past({ escalations: 2 }), 'supervisors'],
    [{ escalatedBefore: 2 }, past({ escalations: 5 }), 'supervisors'],
    [{ escalatedBefore: 2 }, past({ escalations: 1 }), null],
    [{ escalatedBefore: 1 }, NO_HISTORY, null],
    [{ escalatedBefore: 1 }, undefined, null],
    [{ lowRatingBefore: true }, past({ lowRatings: 1 }), 'supervisors'],
    [{ lowRatingBefore: true }, NO_HISTORY, null],
    [{ lowRatingBefore: false }, NO_HISTORY, 'supervisors'],
    [{ lowRatingBefore: false }, past({ lowRatings: 2 }), null],
    [{ escalatedBefore: 1, lowRatingBefore: true }, past({ escalations: 3 }), null],
    [{ escalatedBefore: 1, lowRatingBefore: true }, past({ escalations: 3, lowRatings: 1 }), 'supervisors'],
    [{}, past({ escalations: 3 }), 'supervisors'],
  ] as Array<[Partial<RoutingRuleInput>, CustomerHistory | undefined, string | null]>)(
    'a rule with %j on history %j routes to %s',
    (conditions, history, team) => {
      expect(routedBy(conditions, history)).toBe(team);
    },
  );

  it('treats a rule stored before the conditions existed as not caring about history', () => {
    const { escalatedBefore: _e, lowRatingBefore: _l, ...older } = rule({});
    expect(applyRules([older as never], facts(past({ escalations: 0 }))).teamId).toBe('supervisors');
  });
});

describe('decideRouting with a rule on the customer history', () => {
  const agent = (id: string, teams: string[]): RoutingAgent => ({
    id,
    status: 'online',
    shiftEndsAt: null,
    teams,
    skills: [],
    languages: [],
    maxOpen: 5,
    openCount: 0,
    lastAssignedAt: null,
    lastMessageAt: null,
  });
  const decide = (rule: Partial<RoutingRuleInput>, previousEscalations: number, history: CustomerHistory = NO_HISTORY) =>
    decideRouting(
      {
        conversation: { id: 'c', channelId: 'ch', firstMessageText: 'hello', createdAt: now, lastInboundAt: now, previousEscalations, labels: [], history },
        contact: { id: 'k', ownerId: 'front', isNew: false, vip: false, labels: [], language: null, attributes: {} },
        agents: [agent('front', ['support']), agent('sara', ['supervisors'])],
        settings: routingSettingsSchema.parse({ rules: [{ name: 'r', teamId: 'supervisors', ...rule }] }),
        insideBusinessHours: true,
        localMinutes: 600,
      },
      now,
      0.5,
    );

  it("sends a customer who escalated before past their usual agent to the rule's team", () => {
    expect(decide({ escalatedBefore: 2 }, 2)).toMatchObject({ agentId: 'sara', teamId: 'supervisors', path: 'team' });
    expect(decide({ lowRatingBefore: true }, 0, past({ lowRatings: 1 }))).toMatchObject({ agentId: 'sara', teamId: 'supervisors' });
  });

  it('keeps the owner when the history rule does not match, or when the team comes from another kind of rule', () => {
    expect(decide({ escalatedBefore: 2 }, 1)).toMatchObject({ agentId: 'front', path: 'owner-online' });
    expect(decide({ keywords: ['hello'] }, 2)).toMatchObject({ agentId: 'front', path: 'owner-online' });
  });
});

describe('expected complexity in the priority score', () => {
  const slow = { intentName: 'Cards · Lost card', medianMinutes: 300 };

  it.each([
    [{ ...slow, medianMinutes: 300 }, 20, 'Cards · Lost card: 300 min'],
    [{ ...slow, medianMinutes: 240 }, 20, 'Cards · Lost card: 240 min'],
    [{ ...slow, medianMinutes: 239 }, 0, null],
    [{ ...slow, medianMinutes: 5 }, 0, null],
    [null, 0, null],
    [undefined, 0, null],
  ])('scores a predicted intent with a handle time of %j with %i points', (expected, points, detail) => {
    const scored = scorePriority({ ...calm, expected }, now, policy);
    expect(scored).toEqual({ score: points, reasons: detail ? [{ code: 'long-intent', points, detail }] : [] });
  });

  it('follows the channel’s points and threshold, 0 minutes turning it off', () => {
    expect(scorePriority({ ...calm, expected: slow }, now, priorityPolicySchema.parse({ longIntentMinutes: 60, points: { longIntent: 70 } })).score).toBe(70);
    expect(scorePriority({ ...calm, expected: slow }, now, priorityPolicySchema.parse({ longIntentMinutes: 0 })).score).toBe(0);
  });

  const routed = (confidence: number, medianHandleMinutes: number | null) =>
    decideRouting(
      {
        conversation: { id: 'c', channelId: 'ch', firstMessageText: 'hello', createdAt: now, lastInboundAt: null, previousEscalations: 0, labels: [] },
        contact: { id: 'k', ownerId: null, isNew: true, vip: false, labels: [], language: null, attributes: {} },
        agents: [],
        settings: routingSettingsSchema.parse({}),
        insideBusinessHours: true,
        localMinutes: 600,
        intent: { intent: 'cards|', name: 'Cards', confidence, alternatives: [], teamId: 'cards', labels: [], minConfidence: 0.6, medianHandleMinutes },
      },
      now,
      0.5,
    );

  it('counts only for a prediction the desk trusts, with a learned handle time', () => {
    expect(routed(0.9, 600).priorityReasons.map((r) => [r.code, r.points])).toEqual([
      ['level', 100],
      ['long-intent', 20],
    ]);
    expect(routed(0.9, 600).priority).toBe(120);
    expect(routed(0.5, 600).priority).toBe(100);
    expect(routed(0.9, null).priority).toBe(100);
    expect(routed(0.9, 30).priority).toBe(100);
  });

  it('tells "Why is this mine?" when the intent’s handle time raised the priority', () => {
    expect(routed(0.9, 600).intent?.expectedComplexity).toEqual({ medianMinutes: 600, points: 20 });
    expect(routed(0.9, 30).intent).not.toHaveProperty('expectedComplexity');
    expect(routed(0.5, 600).intent).not.toHaveProperty('expectedComplexity');
  });
});
