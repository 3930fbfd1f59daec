import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../tests/support/seeded-random';
import { base64Of } from './base64';

describe('base64Of', () => {
  it('matches Node for every length remainder and random bytes', () => {
    const random = seededRandom(7);
    for (let length = 0; length < 70; length++) {
      const bytes = Array.from({ length }, () => Math.floor(random() * 256));
      expect(base64Of(bytes), `length ${length}`).toBe(Buffer.from(bytes).toString('base64'));
    }
  });
});
