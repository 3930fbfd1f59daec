// Meta's two send limits (§4.6): 80 messages/s per business number, and 1 message per 6 s to the same user with a
// burst of up to 45 "borrowed" sends. Both are token buckets read against the injectable clock, so tests never sleep.

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export interface BucketRule {
  capacity: number;
  refillPerMs: number;
}

export const THROUGHPUT_RULE: BucketRule = { capacity: 80, refillPerMs: 80 / 1000 };
export const PAIR_RULE: BucketRule = { capacity: 45, refillPerMs: 1 / 6000 };

/** Takes one token from the bucket if there is one; buckets start full. */
function takeToken(buckets: Map<string, Bucket>, key: string, rule: BucketRule, now: number): boolean {
  const bucket = buckets.get(key) ?? { tokens: rule.capacity, updatedAt: now };
  const elapsed = Math.max(0, now - bucket.updatedAt);
  bucket.tokens = Math.min(rule.capacity, bucket.tokens + elapsed * rule.refillPerMs);
  bucket.updatedAt = now;
  buckets.set(key, bucket);
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}

export class SendRateLimits {
  readonly #throughput = new Map<string, Bucket>();
  readonly #pairs = new Map<string, Bucket>();

  tryThroughput(phoneNumberId: string, now: number): boolean {
    return takeToken(this.#throughput, phoneNumberId, THROUGHPUT_RULE, now);
  }

  tryPair(phoneNumberId: string, customerKey: string, now: number): boolean {
    return takeToken(this.#pairs, `${phoneNumberId}|${customerKey}`, PAIR_RULE, now);
  }

  clear(): void {
    this.#throughput.clear();
    this.#pairs.clear();
  }
}
