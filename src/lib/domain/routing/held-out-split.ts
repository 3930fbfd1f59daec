// Which conversations a new intent model is scored on. Chosen by what the customers wrote, never by record ids or the
// model's version: ids are random per install, so a split drawn from them gave the same history a different score on
// each install and each retraining (a small desk's model was switched on or held back by chance). Ranked by a hash of
// the text, every version of a desk's model is scored on the same conversations, plus the new ones that rank in.
import type { LabelledText } from '../intents/intent-classifier';

/** FNV-1a, 32 bits: a stable, well-spread rank for a text (not a secret). */
function rankOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

interface Ranked {
  example: LabelledText;
  rank: number;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byRank = (a: Ranked, b: Ranked): number => a.rank - b.rank || compare(a.example.text, b.example.text) || compare(a.example.intent, b.example.intent);

/**
 * Holds out `fraction` of each intent (at least one of any intent with two or more examples) by the rank of their
 * texts; both parts come back in rank order, so the same history always gives the same split in the same order.
 */
export function splitHeldOutByText(examples: readonly LabelledText[], fraction: number): { train: LabelledText[]; heldOut: LabelledText[] } {
  const byIntent = new Map<string, Ranked[]>();
  for (const example of examples) {
    const group = byIntent.get(example.intent) ?? [];
    group.push({ example, rank: rankOf(example.text) });
    byIntent.set(example.intent, group);
  }
  const train: Ranked[] = [];
  const heldOut: Ranked[] = [];
  for (const group of byIntent.values()) {
    group.sort(byRank);
    const held = group.length < 2 ? 0 : Math.max(1, Math.round(group.length * fraction));
    heldOut.push(...group.slice(0, held));
    train.push(...group.slice(held));
  }
  return { train: train.sort(byRank).map((r) => r.example), heldOut: heldOut.sort(byRank).map((r) => r.example) };
}
