import { describe, expect, it } from 'vitest';
import { summarizeConversations } from '../../domain/metrics/conversation-summary';
import type { ConversationTimeline } from '../../domain/metrics/conversation-timeline';
import { FIGURE_KEYS, headlineFigures } from './headline';

const MIN = 60_000;
const range = { from: 0, to: 1000 * MIN };

/** 'id agent firstReplyMin resolvedMin csat' ('-' for none); created at 0, the customer writes at 0. */
function timeline(spec: string): ConversationTimeline {
  const [id, agent, reply, resolved, csat] = spec.split(' ').map((part) => (part === '-' ? null : part));
  const events: ConversationTimeline['events'] = [
    { at: 0, kind: 'in' },
    ...(reply ? [{ at: Number(reply) * MIN, kind: 'out-agent' as const, agentId: agent }] : []),
  ];
  return {
    id: id!,
    channelId: 'ch',
    teamId: 't',
    assigneeId: agent,
    createdAt: 0,
    firstInboundAt: 0,
    firstResponseAt: reply ? Number(reply) * MIN : null,
    resolvedAt: resolved ? Number(resolved) * MIN : null,
    resolvedBy: resolved ? 'agent' : null,
    reopenCount: 0,
    handoverCount: 0,
    events,
    csat: csat ? Number(csat) : null,
  };
}

describe('headlineFigures', () => {
  const summary = summarizeConversations(['c1 ana 2 10 5', 'c2 ana 4 20 3', 'c3 ben - - -'].map(timeline), range, { schedule: null, port: null });

  it('lists every figure once, in a fixed order', () => {
    expect(headlineFigures(summary, 0, []).map((figure) => figure.key)).toEqual([...FIGURE_KEYS]);
  });

  it('takes counts, spreads, rates and ratings from the summary', () => {
    const figures = Object.fromEntries(headlineFigures(summary, 0, []).map((figure) => [figure.key, figure]));
    expect(figures.opened).toEqual({ key: 'opened', unit: 'count', value: 3 });
    expect(figures.resolved!.value).toBe(2);
    expect(figures.frtMedian).toEqual({ key: 'frtMedian', unit: 'duration', value: 3 * MIN });
    expect(figures.firstContactResolution!.value).toBe(1);
    expect(figures.csat).toEqual({ key: 'csat', unit: 'rating', value: 4 });
    expect(figures.handleTime!.value).toBe(3 * MIN);
    expect(figures.repliesPerConversation!.value).toBe(1);
  });

  it('leaves the business-hours figures empty when the report had no schedule', () => {
    const figures = headlineFigures(summary, 0, []);
    expect(figures.find((figure) => figure.key === 'frtBusinessMedian')!.value).toBeNull();
  });

  it('carries the SLA breach count and averages the QA reviews', () => {
    const figures = headlineFigures(summary, 1, [
      { agent: 'ana', percent: 80 },
      { agent: 'ben', percent: 60 },
    ]);
    expect(figures.find((figure) => figure.key === 'slaBreaches')!.value).toBe(1);
    expect(figures.find((figure) => figure.key === 'qaScore')).toEqual({ key: 'qaScore', unit: 'percent', value: 70 });
  });

  it('has no QA score without reviews', () => {
    expect(headlineFigures(summary, 0, []).find((figure) => figure.key === 'qaScore')!.value).toBeNull();
  });

  it('marks only the timeline figures pending while the full report loads', () => {
    const pending = headlineFigures(summary, 2, [], true).filter((figure) => figure.pending);
    expect(pending.map((figure) => figure.key)).toEqual(['frtBusinessMedian', 'frtBusinessP90', 'handleTime']);
    expect(pending.every((figure) => figure.value === null)).toBe(true);
    expect(headlineFigures(summary, 2, [], true).find((figure) => figure.key === 'opened')).toMatchObject({ value: 3 });
    expect(headlineFigures(summary, 2, []).some((figure) => figure.pending)).toBe(false);
  });
});
