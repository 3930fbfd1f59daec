import { backlogOverTime } from '../lib/domain/metrics/backlog';
import { summarizeConversations } from '../lib/domain/metrics/conversation-summary';
import type { ConversationTimeline } from '../lib/domain/metrics/conversation-timeline';
import { csvFileText, toCsv } from '../lib/domain/metrics/csv';
import { byAgent, byChannel, byTeam } from '../lib/domain/metrics/metric-groups';
import { BACKLOG_COLUMNS, metricGroupColumns } from '../lib/domain/metrics/report-columns';
import { firstResponseHistograms } from '../lib/domain/metrics/response-histogram';
import { METRIC_BUCKETS } from '../lib/schemas/metrics';
import { scheduleOf } from './auto-replies';
import { metricsRoute } from './metrics-request';
import { currentApp } from './route-kit';
import { loadTimelines } from './metrics-timelines';
import { GoTimeZone } from './time-zone';

/**
 * GET /api/pocketdesk/metrics — service figures for a period (managers: their teams only; admins: everything), as
 * JSON or as CSV (`format=csv`, `table=groups|backlog`). Business-hours figures use the channel's hours when a
 * single channel is asked for. JSON also carries first-response histogram bins, overall and per group.
 */
export const handleMetrics = metricsRoute((e, request) => {
  const { query, raw, teamIds } = request;
  const app = currentApp();
  const timelines = loadTimelines(app, { from: query.from, to: query.to, channelId: query.channelId, teamIds });
  const port = new GoTimeZone();
  const channel = query.channelId ? app.findRecordsByFilter('channels', 'id = {:id}', '', 1, 0, { id: query.channelId } as dbx.Params)[0] : null;
  const schedule = query.businessHours && channel ? scheduleOf(channel, port) : null;
  const options = { schedule, port: schedule ? port : null };
  const range = { from: query.from, to: query.to };
  const grouped =
    query.groupBy === 'agent'
      ? byAgent(timelines, range, options)
      : query.groupBy === 'team'
        ? byTeam(timelines, range, options)
        : query.groupBy === 'channel'
          ? byChannel(timelines, range, options)
          : null;
  const backlog = backlogOverTime(timelines, query.from, query.to, METRIC_BUCKETS[query.bucket], Date.now());
  if (query.format === 'csv') {
    const names = new Map<string, string>();
    const nameOf = (key: string | null) => {
      if (key === null) return '(none)';
      if (!names.has(key)) {
        const record = app.findRecordsByFilter(query.groupBy === 'agent' ? 'agents' : query.groupBy === 'team' ? 'teams' : 'channels', 'id = {:id}', '', 1, 0, {
          id: key,
        } as dbx.Params)[0];
        names.set(key, record?.getString('name') || key);
      }
      return names.get(key)!;
    };
    const csv =
      raw.table === 'backlog'
        ? toCsv(backlog, BACKLOG_COLUMNS)
        : toCsv(
            grouped ?? [{ key: 'all', summary: summarizeConversations(timelines, range, options) }],
            metricGroupColumns(query.groupBy === 'none' ? 'scope' : query.groupBy, (key) => (query.groupBy === 'none' ? 'all' : nameOf(key))),
          );
    e.response.header().set('Content-Disposition', `attachment; filename="pocketdesk-${raw.table === 'backlog' ? 'backlog' : 'metrics'}.csv"`);
    e.blob(200, 'text/csv; charset=utf-8', csvFileText(csv));
    return;
  }
  // The dashboard's histogram: bins here, so the PWA never downloads a row per conversation to draw it.
  const keyOf =
    query.groupBy === 'agent'
      ? (t: ConversationTimeline) => t.assigneeId
      : query.groupBy === 'team'
        ? (t: ConversationTimeline) => t.teamId
        : query.groupBy === 'channel'
          ? (t: ConversationTimeline) => t.channelId
          : null;
  const histograms = firstResponseHistograms(timelines, range, keyOf);
  e.json(200, {
    query,
    conversations: timelines.length,
    summary: summarizeConversations(timelines, range, options),
    groups: grouped,
    backlog,
    businessHours: schedule !== null,
    firstResponseBins: histograms.all,
    groupFirstResponseBins: keyOf ? histograms.groups : null,
  });
});
