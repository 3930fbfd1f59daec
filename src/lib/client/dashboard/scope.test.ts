import { describe, expect, it } from 'vitest';
import { summarizeConversations } from '../../domain/metrics/conversation-summary';
import { frtHistogram } from '../../domain/metrics/response-histogram';
import { metricsReportSchema } from '../../schemas/metrics-report';
import { scopeToAgent } from './scope';

const MIN = 60_000;
const empty = summarizeConversations([], { from: 0, to: 1 }, { schedule: null, port: null });
const report = metricsReportSchema.parse({
  conversations: 3,
  summary: {
    ...empty,
    opened: 3,
    handleTime: [
      { agentId: 'ana', replies: 2, totalMs: 10, averageMs: 5 },
      { agentId: 'ben', replies: 1, totalMs: 4, averageMs: 4 },
    ],
  },
  groups: [
    { key: 'ana', summary: { ...empty, opened: 2 } },
    { key: 'ben', summary: { ...empty, opened: 1 } },
  ],
  backlog: [],
  businessHours: false,
  firstResponseBins: frtHistogram([MIN / 2, 2 * MIN, 3 * MIN]),
  groupFirstResponseBins: [
    { key: 'ana', bins: frtHistogram([MIN / 2, 2 * MIN]) },
    { key: 'ben', bins: frtHistogram([3 * MIN]) },
  ],
});
const counts = (bins: Array<{ count: number }>) => bins.map((bin) => bin.count);

describe('scopeToAgent', () => {
  it('keeps the whole report when no agent is chosen', () => {
    const scoped = scopeToAgent(report, '');
    expect(scoped.summary.opened).toBe(3);
    expect(counts(scoped.bins)).toEqual([1, 2, 0, 0, 0, 0, 0]);
  });

  it("uses the agent's group, handle time and histogram", () => {
    const scoped = scopeToAgent(report, 'ben');
    expect(scoped.summary.opened).toBe(1);
    expect(scoped.summary.handleTime.map((row) => row.agentId)).toEqual(['ben']);
    expect(counts(scoped.bins)).toEqual([0, 1, 0, 0, 0, 0, 0]);
  });

  it('gives an agent without conversations empty figures rather than the team’s', () => {
    const scoped = scopeToAgent(report, 'cy');
    expect(scoped.summary.opened).toBe(0);
    expect(scoped.summary.firstResponse.medianMs).toBeNull();
    expect(counts(scoped.bins).every((count) => count === 0)).toBe(true);
  });
});
