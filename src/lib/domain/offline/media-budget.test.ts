import { describe, expect, it } from 'vitest';
import { evictToFit, planMediaCache, type CachedMedia, type WantedMedia } from './media-budget';

const MB = 1_000_000;
const want = (key: string, mb: number, preview: boolean, at: number): WantedMedia => ({ key, bytes: mb * MB, preview, at });
const held = (key: string, mb: number, usedAt: number): CachedMedia => ({ key, bytes: mb * MB, usedAt });

describe('planMediaCache', () => {
  it('fetches everything wanted when it fits, previews first and newest first', () => {
    const plan = planMediaCache(
      [],
      [want('voice-old', 1, false, 1), want('photo-old', 1, true, 1), want('photo-new', 1, true, 5), want('pdf-new', 1, false, 5)],
      10 * MB,
    );
    expect(plan.fetch.map((m) => m.key)).toEqual(['photo-new', 'photo-old', 'pdf-new', 'voice-old']);
    expect(plan.evict).toEqual([]);
    expect(plan.bytes).toBe(4 * MB);
  });

  it('leaves out full files before previews when the budget is short', () => {
    const plan = planMediaCache([], [want('video', 8, false, 9), want('photo-a', 3, true, 1), want('photo-b', 3, true, 2)], 10 * MB);
    expect(plan.fetch.map((m) => m.key)).toEqual(['photo-b', 'photo-a']);
  });

  it('still takes a smaller file after a big one did not fit', () => {
    const plan = planMediaCache([], [want('big', 9, false, 9), want('photo', 5, true, 1), want('voice', 2, false, 1)], 10 * MB);
    expect(plan.fetch.map((m) => m.key)).toEqual(['photo', 'voice']);
    expect(plan.bytes).toBe(7 * MB);
  });

  it('does not fetch what the device already holds, and keeps it', () => {
    const plan = planMediaCache([held('photo', 2, 100)], [want('photo', 2, true, 1), want('voice', 1, false, 1)], 10 * MB);
    expect(plan.fetch.map((m) => m.key)).toEqual(['voice']);
    expect(plan.evict).toEqual([]);
  });

  it('evicts the least recently used of the files no queue asks for first', () => {
    const cached = [held('seen-yesterday', 4, 100), held('seen-an-hour-ago', 4, 500), held('seen-last-week', 4, 10)];
    const plan = planMediaCache(cached, [want('new-photo', 4, true, 1000)], 8 * MB);
    expect(plan.fetch.map((m) => m.key)).toEqual(['new-photo']);
    expect(plan.evict).toEqual(['seen-yesterday', 'seen-last-week']);
  });

  it('evicts a held full file of the queue when a newer preview needs its room', () => {
    const plan = planMediaCache([held('old-video', 8, 999)], [want('old-video', 8, false, 1), want('new-photo', 4, true, 2)], 10 * MB);
    expect(plan.fetch.map((m) => m.key)).toEqual(['new-photo']);
    expect(plan.evict).toEqual(['old-video']);
  });

  it('counts the size the device measured over the one the server reported', () => {
    const plan = planMediaCache([held('photo', 9, 1)], [{ key: 'photo', bytes: 0, preview: true, at: 1 }, want('voice', 2, false, 1)], 10 * MB);
    expect(plan.fetch).toEqual([]);
    expect(plan.bytes).toBe(9 * MB);
  });

  it('with no budget keeps nothing', () => {
    const plan = planMediaCache([held('a', 1, 1)], [want('b', 1, true, 1)], 0);
    expect(plan).toEqual({ fetch: [], evict: ['a'], bytes: 0 });
  });

  it.each([1, 7, 42, 99])('never plans past the budget (generated case %i)', (seed) => {
    let state = seed;
    const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31), state);
    const cached = Array.from({ length: 40 }, (_, i) => held(`c${i}`, next() % 7, next() % 1000));
    const wanted = Array.from({ length: 60 }, (_, i) => want(i % 3 === 0 ? `c${i}` : `w${i}`, next() % 7, next() % 2 === 0, next() % 1000));
    const budget = (next() % 100) * MB;
    const plan = planMediaCache(cached, wanted, budget);
    const evicted = new Set(plan.evict);
    const sizes = new Map([...cached.map((c) => [c.key, c.bytes] as const)]);
    const kept = cached.filter((c) => !evicted.has(c.key)).reduce((sum, c) => sum + c.bytes, 0);
    const fetched = plan.fetch.reduce((sum, w) => sum + (sizes.get(w.key) ?? w.bytes), 0);
    expect(kept + fetched).toBe(plan.bytes);
    expect(plan.bytes).toBeLessThanOrEqual(budget);
    expect(plan.fetch.every((w) => !sizes.has(w.key))).toBe(true);
  });
});

describe('evictToFit', () => {
  it('frees room least recently used first, only as much as needed', () => {
    const cached = [held('new', 3, 300), held('old', 3, 100), held('mid', 3, 200)];
    expect(evictToFit(cached, 4 * MB, 10 * MB)).toEqual({ fits: true, evict: ['old'] });
  });

  it('refuses a file larger than the whole budget without evicting anything', () => {
    expect(evictToFit([held('a', 1, 1)], 11 * MB, 10 * MB)).toEqual({ fits: false, evict: [] });
  });
});
