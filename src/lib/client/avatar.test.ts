import { describe, expect, it } from 'vitest';
import { AVATAR_COLOURS, colourOf, initialsOf } from './avatar';

describe('avatar', () => {
  it('takes the first letters of the first two words', () => {
    expect(initialsOf('olu reply')).toBe('OR');
    expect(initialsOf('Ana María López')).toBe('AM');
    expect(initialsOf('Émile')).toBe('É');
  });

  it('falls back to the last digits of a number-only name', () => {
    expect(initialsOf('+52 55 1234 5678')).toBe('78');
    expect(initialsOf('')).toBe('');
  });

  it('gives the same record the same colour, from the palette, and spreads ids over it', () => {
    expect(colourOf('abc123def456ghi')).toBe(colourOf('abc123def456ghi'));
    expect(AVATAR_COLOURS).toContain(colourOf('x'));
    const used = new Set(Array.from({ length: 50 }, (_, i) => colourOf(`conversation${i}`)));
    expect(used.size).toBeGreaterThan(5);
  });
});
