import { backlogOverTime } from '../lib/domain/metrics/backlog';
import { summarizeConversations } from '../lib/domain/metrics/conversation-summary';
import { toCsv } from '../lib/domain/metrics/csv';
import { byAgent, byChannel, byTeam } from '../lib/domain/metrics/metric-groups';
import { BACKLOG_COLUMNS, metricGroupColumns } from '../lib/domain/metrics/report-columns';
import { checkMetricsQuery, METRIC_BUCKETS } from '../lib/schemas/metrics';
import { respondError } from './api-errors';
import { scheduleOf } from './auto-replies';
import { loadTimelines } from './metrics-timelines';
import { GoTimeZone } from './time-zone';

function queryObject(e: core.RequestEvent): Record<string, string> {
  const values = e.request!.url!.query();
  const out: Record<string, string> = {};
  for (const key of ['from', 'to', 'bucket', 'groupBy', 'channelId', 'teamId', 'businessHours', 'format', 'table']) {
    const value = values.get(key);
    if (value) out[key] = value;
  }
  return out;
}

/**
 * GET /api/pocketdesk/metrics — service figures for a period (managers: their teams only; admins: everything), as
 * JSON or as CSV (`format=csv`, `table=groups|backlog`). Business-hours figures use the channel's hours when a
 * single channel is asked for.
 */
export function handleMetrics(e: core.RequestEvent): void {
  const auth = e.auth;
  const role = auth && auth.collection().name === 'agents' ? auth.getString('role') : '';
  if (role !== 'manager' && role !== 'admin') {
    respondError(e, 403, 'staff-only', 'Only managers and admins see metrics.');
    return;
  }
  const raw = queryObject(e);
  const checked = checkMetricsQuery(raw);
  if (!checked.ok) {
    respondError(e, 400, 'invalid-query', 'The metrics query is invalid.', checked.errors);
    return;
  }
  const query = checked.query;
  const myTeams = auth!.getStringSlice('teams');
  if (role === 'manager' && query.teamId && !myTeams.includes(query.teamId)) {
    respondError(e, 403, 'not-your-team', 'Managers see their own teams’ metrics.');
    return;
  }
  const app = $app as unknown as core.App;
  const teamIds = query.teamId ? [query.teamId] : role === 'manager' ? myTeams : undefined;
  const timelines = loadTimelines(app, { from: query.from, to: query.to, channelId: query.channelId, teamIds });
  const port = new GoTimeZone();
  const channel = query.channelId ? app.findRecordsByFilter('channels', 'id = {:id}', '', 1, 0, { id: query.channelId } as dbx.Params)[0] : null;
  const schedule = query.businessHours && channel ? scheduleOf(channel, port) : null;
  const options = { schedule, port: schedule ? port : null };
  const range = { from: query.from, to: query.to };
  const grouped = query.groupBy === 'agent' ? byAgent(timelines, range, options) : query.groupBy === 'team' ? byTeam(timelines, range, options) : query.groupBy === 'channel' ? byChannel(timelines, range, options) : null;
  const backlog = backlogOverTime(timelines, query.from, query.to, METRIC_BUCKETS[query.bucket]);
  if (query.format === 'csv') {
    const names = new Map<string, string>();
    const nameOf = (key: string | null) => {
      if (key === null) return '(none)';
      if (!names.has(key)) {
        const record = app.findRecordsByFilter(query.groupBy === 'agent' ? 'agents' : query.groupBy === 'team' ? 'teams' : 'channels', 'id = {:id}', '', 1, 0, { id: key } as dbx.Params)[0];
        names.set(key, record?.getString('name') || key);
      }
      return names.get(key)!;
    };
    const csv = raw.table === 'backlog' ? toCsv(backlog, BACKLOG_COLUMNS) : toCsv(grouped ?? [{ key: 'all', summary: summarizeConversations(timelines, range, options) }], metricGroupColumns(query.groupBy === 'none' ? 'scope' : query.groupBy, (key) => (query.groupBy === 'none' ? 'all' : nameOf(key))));
    e.response.header().set('Content-Disposition', `attachment; filename="pocketdesk-${raw.table === 'backlog' ? 'backlog' : 'metrics'}.csv"`);
    e.blob(200, 'text/csv; charset=utf-8', csv);
    return;
  }
  e.json(200, { query, conversations: timelines.length, summary: summarizeConversations(timelines, range, options), groups: grouped, backlog, businessHours: schedule !== null });
}
