import { describe, expect, it } from 'vitest';
import { summarizeConversations } from '../../domain/metrics/conversation-summary';
import { metricsReportSchema, serviceSampleSchema } from '../../schemas/metrics-report';
import { scopeToAgent } from './scope';

const empty = summarizeConversations([], { from: 0, to: 1 }, { schedule: null, port: null });
const report = metricsReportSchema.parse({
  conversations: 3,
  summary: { ...empty, opened: 3, handleTime: [{ agentId: 'ana', replies: 2, totalMs: 10, averageMs: 5 }, { agentId: 'ben', replies: 1, totalMs: 4, averageMs: 4 }] },
  groups: [{ key: 'ana', summary: { ...empty, opened: 2 } }, { key: 'ben', summary: { ...empty, opened: 1 } }],
  backlog: [],
  businessHours: false,
});
const samples = ['ana', 'ben'].map((assignee) => serviceSampleSchema.parse({ created: '2026-11-25 09:00:00Z', assignee }));
const reviews = [{ agent: 'ana', percent: 90 }, { agent: 'ben', percent: 50 }];

describe('scopeToAgent', () => {
  it('keeps the whole report when no agent is chosen', () => {
    expect(scopeToAgent(report, samples, reviews, '').summary.opened).toBe(3);
  });

  it("uses the agent's group, handle time, conversations and reviews", () => {
    const scoped = scopeToAgent(report, samples, reviews, 'ben');
    expect(scoped.summary.opened).toBe(1);
    expect(scoped.summary.handleTime.map((row) => row.agentId)).toEqual(['ben']);
    expect(scoped.samples.map((sample) => sample.assignee)).toEqual(['ben']);
    expect(scoped.reviews).toEqual([{ agent: 'ben', percent: 50 }]);
  });

  it('gives an agent without conversations empty figures rather than the team’s', () => {
    const scoped = scopeToAgent(report, samples, reviews, 'cy');
    expect(scoped.summary.opened).toBe(0);
    expect(scoped.summary.firstResponse.medianMs).toBeNull();
  });
});
