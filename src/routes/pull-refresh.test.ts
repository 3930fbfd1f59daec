import { describe, expect, it } from 'vitest';
import { classifyMove, PULL_ARMED, pullDistance } from './pull-refresh';

describe('a finger on the queue', () => {
  it('stays undecided within the slop a tap may have', () => {
    expect(classifyMove(6, 8)).toBe('pending');
  });

  it('pulls only when it moves down at least as much as sideways', () => {
    expect(classifyMove(0, 30)).toBe('pull');
    expect(classifyMove(20, 20)).toBe('pull');
    // A row's swipe that drifts down, and a push up that scrolls, are not pulls.
    expect(classifyMove(-40, 30)).toBe('other');
    expect(classifyMove(0, -30)).toBe('other');
  });

  it('brings the indicator down at half the finger’s speed, armed past the threshold and never past its maximum', () => {
    expect(pullDistance(10)).toBe(0);
    expect(pullDistance(90)).toBeLessThan(PULL_ARMED);
    expect(pullDistance(10 + PULL_ARMED * 2)).toBe(PULL_ARMED);
    expect(pullDistance(2000)).toBe(96);
  });
});
