// Narrows a team- or channel-wide report to one agent. The server groups by agent, so one agent's figures are
// their group; the backlog stays the whole scope's (it is a queue, not a person's).
import { summarizeConversations, type ConversationSummary } from '../../domain/metrics/conversation-summary';
import { frtHistogram, type HistogramBin } from '../../domain/metrics/response-histogram';
import type { MetricsReport } from '../../schemas/metrics-report';

export interface ScopedReport {
  summary: ConversationSummary;
  bins: HistogramBin[];
}

/** The report's figures and first-response histogram for `agentId`, or the whole report's when it is ''. */
export function scopeToAgent(report: MetricsReport, agentId: string): ScopedReport {
  if (!agentId) return { summary: report.summary, bins: report.firstResponseBins };
  const group = report.groups?.find((item) => item.key === agentId);
  // An agent with nothing in the period has no group: their figures are those of no conversations at all.
  const summary = group?.summary ?? summarizeConversations([], { from: 0, to: 1 }, { schedule: null, port: null });
  const bins = report.groupFirstResponseBins?.find((item) => item.key === agentId)?.bins ?? frtHistogram([]);
  return { summary: { ...summary, handleTime: report.summary.handleTime.filter((row) => row.agentId === agentId) }, bins };
}
