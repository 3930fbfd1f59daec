import { randomInt } from 'node:crypto';

/** Seedable randomness so that ids, delays and scripted customers repeat exactly for a given seed. */
export interface RandomSource {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  digits(length: number): string;
  hex(length: number): string;
  fromAlphabet(alphabet: string, length: number): string;
}

export function createRandomSource(seed?: number): RandomSource {
  let state = (seed ?? randomInt(0, 2 ** 32)) >>> 0;
  // A Weyl sequence through a 32-bit avalanche mix: tiny, fast and good enough for test data (not for secrets).
  const next = () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z ^= z >>> 16;
    return (z >>> 0) / 2 ** 32;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const fromAlphabet = (alphabet: string, length: number) => {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[int(0, alphabet.length - 1)];
    return out;
  };
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[int(0, items.length - 1)] as (typeof items)[number];
    },
    digits: (length) => fromAlphabet('0123456789', length),
    hex: (length) => fromAlphabet('0123456789abcdef', length),
    fromAlphabet,
  };
}
