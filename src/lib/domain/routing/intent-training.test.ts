import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../tests/support/seeded-random';
import { DEFAULT_CLASSIFIER_OPTIONS, predictIntent } from '../intents/intent-classifier';
import { passesThreshold } from './intent-routing';
import { buildTrainingSet, confusionsOf, CORRECTION_WEIGHT, trainDeskModel, type HistoryConversation } from './intent-training';

const names = { teamNames: { cards: 'Cards', billing: 'Billing' }, labelNames: { late: 'Late delivery', vip: 'VIP' } };

// A desk's history: card deliveries end with Cards (labelled "late"), charges and refunds with Billing, in EN and ES.
function history(): HistoryConversation[] {
  const cards = [
    'my card never arrived',
    'the new card has not come',
    'mi tarjeta no llegó',
    'card still not delivered',
    'where is my card',
    'no ha llegado la tarjeta',
  ];
  const billing = [
    'I was charged twice',
    'refund my payment please',
    'quiero un reembolso',
    'wrong charge on my bill',
    'cobro duplicado',
    'money back for the fee',
  ];
  return [
    ...cards.map((text, i) => ({ id: `c${i}`, text, teamId: 'cards', labels: ['late'], resolved: true })),
    ...billing.map((text, i) => ({ id: `b${i}`, text, teamId: 'billing', labels: [], resolved: true })),
  ];
}

describe('buildTrainingSet', () => {
  it('learns the team that resolved a conversation and the labels agents applied, named for people', () => {
    const set = buildTrainingSet(history(), [], { minExamples: 2, ...names });
    expect(set.targets).toEqual({
      'cards|late': { name: 'Cards · Late delivery', teamId: 'cards', labels: ['late'] },
      'billing|': { name: 'Billing', teamId: 'billing', labels: [] },
    });
    expect(set.examples).toHaveLength(12);
  });

  it('leaves out open conversations, those without a team or text', () => {
    const extra: HistoryConversation[] = [
      { id: 'o1', text: 'still open', teamId: 'cards', labels: [], resolved: false },
      { id: 'n1', text: 'no team', teamId: null, labels: [], resolved: true },
      { id: 'e1', text: '  ', teamId: 'cards', labels: [], resolved: true },
    ];
    expect(buildTrainingSet([...history(), ...extra], [], { minExamples: 1, ...names }).examples).toHaveLength(12);
  });

  it('learns a rare team-and-labels combination as its team alone', () => {
    const rare = { id: 'r1', text: 'vip card lost', teamId: 'cards', labels: ['vip'], resolved: true };
    const set = buildTrainingSet([...history(), rare], [], { minExamples: 2, ...names });
    expect(set.examples.at(-1)).toEqual({ text: 'vip card lost', intent: 'cards|' });
    expect(set.targets['cards|']).toEqual({ name: 'Cards', teamId: 'cards', labels: [] });
  });

  it('takes an agent’s latest correction over where the conversation ended, even while it is open', () => {
    const open = { id: 'o1', text: 'the courier lost my parcel', teamId: 'cards', labels: [], resolved: false };
    const set = buildTrainingSet(
      [...history(), open],
      [
        { conversationId: 'o1', teamId: 'cards', labels: [] },
        { conversationId: 'o1', teamId: 'billing', labels: [] },
      ],
      { minExamples: 1, ...names },
    );
    const corrected = set.examples.find((example) => example.text === 'the courier lost my parcel')!;
    expect(corrected.intent).toBe('billing|');
    expect(set.corrected.has(corrected)).toBe(true);
    expect(set.corrected.size).toBe(1);
  });
});

describe('expected complexity', () => {
  // Card deliveries take hours to sort out, refunds minutes; an open conversation has no resolution time yet.
  const timed = (): HistoryConversation[] =>
    history().map((conversation, i) => ({ ...conversation, resolutionMs: (conversation.teamId === 'cards' ? 240 + i : 10 + i) * 60_000 }));

  it('stores each intent’s median resolution time with its target and shows it on the model card, slowest first', () => {
    const set = buildTrainingSet([...timed(), { id: 'o1', text: 'card question', teamId: 'cards', labels: ['late'], resolved: false }], [], {
      minExamples: 2,
      ...names,
    });
    expect(set.targets['cards|late']!.medianHandleMinutes).toBe(243);
    expect(set.targets['billing|']!.medianHandleMinutes).toBe(19);
    const trained = trainDeskModel(set, DEFAULT_CLASSIFIER_OPTIONS, 0.34, seededRandom(3));
    if (!trained.ok) throw new Error(trained.reason);
    expect(trained.metrics.handleTimes.map(({ name, medianMinutes, resolved }) => [name, medianMinutes, resolved])).toEqual([
      ['Cards · Late delivery', 243, 6],
      ['Billing', 19, 6],
    ]);
  });

  it('leaves the handle time out when the history has no resolution times', () => {
    const set = buildTrainingSet(history(), [], { minExamples: 2, ...names });
    expect(set.targets['cards|late']).not.toHaveProperty('medianHandleMinutes');
  });
});

describe('trainDeskModel', () => {
  it('scores the model on held-out conversations and routes with one trained on all of them', () => {
    const set = buildTrainingSet(history(), [], { minExamples: 2, ...names });
    const trained = trainDeskModel(set, DEFAULT_CLASSIFIER_OPTIONS, 0.34, seededRandom(3));
    if (!trained.ok) throw new Error(trained.reason);
    expect(trained.metrics).toMatchObject({ heldOut: 4, trainingSize: 12, corrections: 0, intents: 2 });
    expect(trained.metrics.accuracy).toBeGreaterThanOrEqual(0.5);
    expect(trained.metrics.perIntent.map((row) => row.name).sort()).toEqual(['Billing', 'Cards · Late delivery']);
    expect(predictIntent(trained.model, 'my card never arrived').intent).toBe('cards|late');
    expect(predictIntent(trained.model, 'I was charged twice').intent).toBe('billing|');
  });

  it('learns an agent’s transfer: the corrected text now predicts the team it was moved to', () => {
    const text = 'the courier lost my parcel';
    const open = { id: 'o1', text, teamId: 'cards', labels: ['late'], resolved: true };
    const before = trainDeskModel(buildTrainingSet([...history(), open], [], { minExamples: 2, ...names }), DEFAULT_CLASSIFIER_OPTIONS, 0.2, seededRandom(5));
    const after = trainDeskModel(
      buildTrainingSet([...history(), open], [{ conversationId: 'o1', teamId: 'billing', labels: [] }], { minExamples: 2, ...names }),
      DEFAULT_CLASSIFIER_OPTIONS,
      0.2,
      seededRandom(5),
    );
    if (!before.ok || !after.ok) throw new Error('training failed');
    expect(predictIntent(before.model, text).intent).toBe('cards|late');
    expect(predictIntent(after.model, text).intent).toBe('billing|');
    expect(after.metrics.corrections).toBe(1);
    expect(CORRECTION_WEIGHT).toBeGreaterThan(1);
  });

  it('refuses a history with fewer than two intents', () => {
    const one = history().filter((conversation) => conversation.teamId === 'cards');
    expect(trainDeskModel(buildTrainingSet(one, [], { minExamples: 2, ...names }), DEFAULT_CLASSIFIER_OPTIONS, 0.2, seededRandom(1))).toEqual({
      ok: false,
      reason: 'too-few-intents',
    });
  });
});

describe('confusionsOf and passesThreshold', () => {
  it('lists the most frequent mistakes first and ignores right answers', () => {
    const pairs = [
      { actual: 'a', predicted: 'b' },
      { actual: 'a', predicted: 'b' },
      { actual: 'b', predicted: 'a' },
      { actual: 'c', predicted: 'c' },
    ];
    expect(confusionsOf(pairs)).toEqual([
      { actual: 'a', predicted: 'b', count: 2 },
      { actual: 'b', predicted: 'a', count: 1 },
    ]);
  });

  it.each([
    [0.8, 10, 0.8, true],
    [0.79, 10, 0.8, false],
    [1, 0, 0.5, false],
  ])('accuracy %s on %s held-out messages against %s → %s', (accuracy, heldOut, min, passes) => {
    expect(passesThreshold({ accuracy, heldOut }, min)).toBe(passes);
  });
});
