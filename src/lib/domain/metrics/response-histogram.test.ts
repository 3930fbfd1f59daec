import { describe, expect, it } from 'vitest';
import type { ConversationTimeline } from './conversation-timeline';
import { FRT_EDGES_MIN, firstResponseDurations, firstResponseHistograms, frtHistogram } from './response-histogram';

const min = (n: number) => n * 60_000;

describe('frtHistogram', () => {
  it('puts each response time in the bin whose lower edge it reaches', () => {
    const bins = frtHistogram([0, min(0.99), min(1), min(4), min(14.5), min(45), min(60), min(239), min(240), min(5000)]);
    expect(bins.map((bin) => [bin.fromMin, bin.toMin, bin.count])).toEqual([
      [0, 1, 2],
      [1, 5, 2],
      [5, 15, 1],
      [15, 30, 0],
      [30, 60, 1],
      [60, 240, 2],
      [240, null, 2],
    ]);
  });

  it('drops negative and unreadable durations', () => {
    expect(frtHistogram([-1, Number.NaN, Infinity]).every((bin) => bin.count === 0)).toBe(true);
  });

  it('keeps every valid duration exactly once over many generated cases', () => {
    const values = Array.from({ length: 2000 }, (_, i) => ((i * 7919) % 20_000) * 1000);
    const bins = frtHistogram(values);
    expect(bins).toHaveLength(FRT_EDGES_MIN.length);
    expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(values.length);
  });
});

/** 'id agent createdMin inboundMin replyMin' ('-' for none). */
function timeline(spec: string): ConversationTimeline {
  const [id, agent, created, inbound, reply] = spec.split(' ').map((part) => (part === '-' ? null : part));
  return {
    id: id!,
    channelId: 'ch',
    teamId: null,
    assigneeId: agent,
    createdAt: min(Number(created)),
    firstInboundAt: inbound === null ? null : min(Number(inbound)),
    firstResponseAt: reply === null ? null : min(Number(reply)),
    resolvedAt: null,
    resolvedBy: null,
    reopenCount: 0,
    handoverCount: 0,
    events: [],
  };
}

describe('firstResponseDurations', () => {
  const range = { from: min(10), to: min(100) };

  it('measures from the first customer message, over conversations created in the range', () => {
    const timelines = ['a ana 20 20 23', 'b ana 5 5 8', 'c ben 30 31 61', 'd ben 40 - 42', 'e ben 50 52 51', 'f ana 60 60 -'].map(timeline);
    expect(firstResponseDurations(timelines, range)).toEqual([min(3), min(30)]);
  });

  it('bins the whole scope and each agent apart', () => {
    const timelines = ['a ana 20 20 20.5', 'b ana 21 21 24', 'c ben 30 30 100', 'd - 31 31 -'].map(timeline);
    const { all, groups } = firstResponseHistograms(timelines, range, (t) => t.assigneeId);
    expect(all.map((bin) => bin.count)).toEqual([1, 1, 0, 0, 0, 1, 0]);
    expect(Object.fromEntries(groups.map((group) => [group.key, group.bins.map((bin) => bin.count)]))).toEqual({
      ana: [1, 1, 0, 0, 0, 0, 0],
      ben: [0, 0, 0, 0, 0, 1, 0],
      null: [0, 0, 0, 0, 0, 0, 0],
    });
  });

  it('gives no groups when asked for none', () => {
    expect(firstResponseHistograms([timeline('a ana 20 20 21')], range, null).groups).toEqual([]);
  });
});
