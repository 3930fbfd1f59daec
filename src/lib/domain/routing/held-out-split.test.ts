import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../tests/support/seeded-random';
import type { LabelledText } from '../intents/intent-classifier';
import { splitHeldOutByText } from './held-out-split';

/** `n` examples of one intent, with texts that differ only by a number. */
const intent = (name: string, n: number): LabelledText[] => Array.from({ length: n }, (_, i) => ({ text: `${name} question ${i}`, intent: name }));

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('splitHeldOutByText', () => {
  it('holds out the given fraction of each intent, at least one of any intent with two examples, none of a single one', () => {
    const { train, heldOut } = splitHeldOutByText([...intent('cards', 10), ...intent('billing', 2), ...intent('alone', 1)], 0.2);
    const count = (list: LabelledText[], name: string) => list.filter((example) => example.intent === name).length;
    expect([count(heldOut, 'cards'), count(heldOut, 'billing'), count(heldOut, 'alone')]).toEqual([2, 1, 0]);
    expect([count(train, 'cards'), count(train, 'billing'), count(train, 'alone')]).toEqual([8, 1, 1]);
  });

  it.each([1, 2, 3, 4, 5])('gives the same split in the same order whatever order the history comes in (shuffle %i)', (seed) => {
    const history = [...intent('cards', 12), ...intent('billing', 9), ...intent('support', 7)];
    const reference = splitHeldOutByText(history, 0.2);
    expect(splitHeldOutByText(shuffled(history, seededRandom(seed)), 0.2)).toEqual(reference);
  });

  it('depends on the texts, not on what the intents are called (ids differ per install)', () => {
    const texts = intent('x', 15).map((example) => example.text);
    const heldOutTexts = (name: string) =>
      splitHeldOutByText(
        texts.map((text) => ({ text, intent: name })),
        0.2,
      ).heldOut.map((example) => example.text);
    expect(heldOutTexts('team-k2j4|')).toEqual(heldOutTexts('team-a9z1|'));
  });

  it('holds out the same conversations of an intent when another intent gains history', () => {
    const cardsHeldOut = (history: LabelledText[]) =>
      splitHeldOutByText(history, 0.2)
        .heldOut.filter((example) => example.intent === 'cards')
        .map((example) => example.text);
    expect(cardsHeldOut([...intent('cards', 20), ...intent('billing', 40)])).toEqual(cardsHeldOut([...intent('cards', 20), ...intent('billing', 5)]));
  });
});
