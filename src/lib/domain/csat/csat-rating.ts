/** A customer satisfaction score: 1 (very bad) to 5 (excellent). */
export type CsatRating = 1 | 2 | 3 | 4 | 5;

/** Every rating, lowest first. */
export const CSAT_RATINGS: readonly CsatRating[] = [1, 2, 3, 4, 5];

/** True for a whole number from 1 to 5. */
export function isCsatRating(value: unknown): value is CsatRating {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}
