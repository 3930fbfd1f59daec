import { describe, expect, it } from 'vitest';
import { backlogOverTime, MAX_BACKLOG_BUCKETS, plottedUntil } from './backlog';
import type { ConversationTimeline, TimelineEvent } from './conversation-timeline';

const HOUR = 3_600_000;
// Hours after midnight UTC on 2026-06-15.
const h = (hours: number) => Date.UTC(2026, 5, 15) + hours * HOUR;
/** A `now` after every range below: nothing is cut for being in the future. */
const LATER = h(24 * 400);
function timeline(id: string, created: number, resolved: number | null, events: TimelineEvent[] = []): ConversationTimeline {
  return {
    id,
    channelId: 'wa',
    teamId: null,
    assigneeId: null,
    createdAt: h(created),
    firstInboundAt: h(created),
    firstResponseAt: null,
    resolvedAt: resolved === null ? null : h(resolved),
    resolvedBy: resolved === null ? null : 'agent',
    reopenCount: 0,
    handoverCount: 0,
    events,
  };
}
const openCounts = (timelines: ConversationTimeline[], to = 6) => backlogOverTime(timelines, h(0), h(to), 2 * HOUR, LATER).map((point) => point.open);

describe('backlogOverTime', () => {
  it('gives each bucket its bounds and the number open at its end', () => {
    expect(backlogOverTime([timeline('a', 1, 3)], h(0), h(6), 2 * HOUR, LATER)).toEqual([
      { start: h(0), end: h(2), open: 1 },
      { start: h(2), end: h(4), open: 0 },
      { start: h(4), end: h(6), open: 0 },
    ]);
  });

  it.each([
    ['created before the range and still open', timeline('a', -5, null), [1, 1, 1]],
    ['created exactly at a bucket end', timeline('a', 2, null), [1, 1, 1]],
    ['resolved exactly at a bucket end', timeline('a', 1, 4), [1, 0, 0]],
    ['opened and resolved inside one bucket', timeline('a', 2.5, 3.5), [0, 0, 0]],
    ['resolved after the range', timeline('a', 1, 9), [1, 1, 1]],
    ['created after the range', timeline('a', 7, null), [0, 0, 0]],
  ])('counts a conversation %s', (_, conversation, expected) => {
    expect(openCounts([conversation])).toEqual(expected);
  });

  it('follows resolves and reopens from the events rather than the final state', () => {
    const reopened = timeline('a', 1, null, [
      { at: h(1), kind: 'in' },
      { at: h(1.5), kind: 'resolved' },
      { at: h(3), kind: 'reopened' },
      { at: h(5), kind: 'resolved' },
    ]);
    expect(openCounts([reopened])).toEqual([0, 1, 0]);
  });

  it('adds up several conversations', () => {
    expect(openCounts([timeline('a', 1, null), timeline('b', 1, 3), timeline('c', 3, 5.5), timeline('d', 5, null)])).toEqual([2, 2, 2]);
  });

  it('cuts the last bucket at the end of the range', () => {
    const points = backlogOverTime([timeline('a', 4.5, null)], h(0), h(5), 2 * HOUR, LATER);
    expect(points.map((point) => [point.start, point.end, point.open])).toEqual([
      [h(0), h(2), 0],
      [h(2), h(4), 0],
      [h(4), h(5), 1],
    ]);
  });

  it.each([
    ['a zero bucket size', h(0), h(6), 0],
    ['a negative bucket size', h(0), h(6), -HOUR],
    ['an empty range', h(6), h(6), HOUR],
    ['a reversed range', h(6), h(0), HOUR],
    ['too many buckets', h(0), h(0) + (MAX_BACKLOG_BUCKETS + 1) * 1000, 1000],
  ])('answers no buckets for %s', (_, from, to, bucketMs) => {
    expect(backlogOverTime([timeline('a', 1, null)], from, to, bucketMs, LATER)).toEqual([]);
  });
});

describe('a chart of today', () => {
  const today = (now: number) => backlogOverTime([timeline('a', 1, null), timeline('b', 2, 9)], h(0), h(24), HOUR, now);

  it('draws no hour that has not happened yet', () => {
    const points = today(h(10.5));
    expect(points).toHaveLength(11);
    expect(points.every((point) => point.end <= h(10.5))).toBe(true);
    expect(points.at(-1)).toEqual({ start: h(10), end: h(10.5), open: 1 });
  });

  it('ends on the hour when now is on the hour, and draws the whole day once it is over', () => {
    expect(
      today(h(9))
        .map((point) => point.end)
        .at(-1),
    ).toBe(h(9));
    expect(today(h(30))).toHaveLength(24);
  });

  it('draws nothing for a period that has not started', () => {
    expect(today(h(-1))).toEqual([]);
    expect(plottedUntil(h(24), h(-1))).toBe(h(-1));
  });
});
