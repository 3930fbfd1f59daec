import { describe, expect, it } from 'vitest';
import { takeToken, type TokenBucket } from './token-bucket';

describe('takeToken', () => {
  it('lets a burst through, then paces at the rate', () => {
    let bucket: TokenBucket = { tokens: 80, updatedAt: 0 };
    let granted = 0;
    for (let i = 0; i < 100; i++) {
      const result = takeToken(bucket, 0, 80, 80);
      bucket = result.bucket;
      if (result.waitMs === 0) granted++;
    }
    expect(granted).toBe(80);
    expect(takeToken(bucket, 0, 80, 80).waitMs).toBe(13);
    expect(takeToken(bucket, 13, 80, 80).waitMs).toBe(0);
  });

  it('never holds more than the burst after a long pause', () => {
    const { bucket } = takeToken({ tokens: 0, updatedAt: 0 }, 3_600_000, 80, 80);
    expect(bucket.tokens).toBe(79);
  });
});
