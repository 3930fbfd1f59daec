// Narrows a team- or channel-wide report to one agent. The server groups by agent, so one agent's figures are
// their group; the backlog stays the whole scope's (it is a queue, not a person's).
import { summarizeConversations, type ConversationSummary } from '../../domain/metrics/conversation-summary';
import type { MetricsReport, ReviewScoreRow, ServiceSample } from '../../schemas/metrics-report';

export interface ScopedData {
  summary: ConversationSummary;
  samples: ServiceSample[];
  reviews: ReviewScoreRow[];
}

/** The report's figures for `agentId`, or the whole report when it is ''. */
export function scopeToAgent(report: MetricsReport, samples: ServiceSample[], reviews: ReviewScoreRow[], agentId: string): ScopedData {
  if (!agentId) return { summary: report.summary, samples, reviews };
  const group = report.groups?.find((item) => item.key === agentId);
  // An agent with nothing in the period has no group: their figures are those of no conversations at all.
  const summary = group?.summary ?? summarizeConversations([], { from: 0, to: 1 }, { schedule: null, port: null });
  const handleTime = report.summary.handleTime.filter((row) => row.agentId === agentId);
  return {
    summary: { ...summary, handleTime },
    samples: samples.filter((sample) => sample.assignee === agentId),
    reviews: reviews.filter((review) => review.agent === agentId),
  };
}
