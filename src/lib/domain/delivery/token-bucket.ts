/** A token bucket's state; kept as data so the caller owns time. */
export interface TokenBucket {
  tokens: number;
  updatedAt: number;
}

/** Takes one token if available at `now`; otherwise says how long to wait. Meta allows 80 msg/s per number. */
export function takeToken(bucket: TokenBucket, now: number, ratePerSecond: number, burst: number): { bucket: TokenBucket; waitMs: number } {
  const refilled = Math.min(burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * ratePerSecond);
  if (refilled >= 1) return { bucket: { tokens: refilled - 1, updatedAt: now }, waitMs: 0 };
  return { bucket: { tokens: refilled, updatedAt: now }, waitMs: Math.ceil(((1 - refilled) / ratePerSecond) * 1000) };
}
