import { describe, expect, it } from 'vitest';
import { formatSize } from './file-size';

describe('formatSize', () => {
  it.each([
    [101, 'en', '1 KB'],
    [850 * 1024, 'en', '850 KB'],
    [4.25 * 1024 * 1024, 'en', '4.3 MB'],
    [4.25 * 1024 * 1024, 'es', '4,3 MB'],
    [100 * 1024 * 1024, 'en', '100 MB'],
  ])('shows %i bytes in %s as %s', (bytes, lang, shown) => {
    expect(formatSize(bytes, lang)).toBe(shown);
  });
});
