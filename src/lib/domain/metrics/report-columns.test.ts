import { describe, expect, it } from 'vitest';
import type { ConversationTimeline } from './conversation-timeline';
import { backlogOverTime } from './backlog';
import { toCsv } from './csv';
import { byTeam } from './metric-groups';
import { BACKLOG_COLUMNS, handleTimeColumns, isoInstant, metricGroupColumns } from './report-columns';

const t0 = Date.UTC(2026, 5, 15, 9, 0);
const MIN = 60_000;
const resolved: ConversationTimeline = {
  id: 'c1',
  channelId: 'wa',
  teamId: 'sales',
  assigneeId: 'ana',
  createdAt: t0,
  firstInboundAt: t0,
  firstResponseAt: t0 + 90_000,
  resolvedAt: t0 + 30 * MIN,
  resolvedBy: 'agent',
  reopenCount: 0,
  handoverCount: 0,
  csat: 4,
  events: [
    { at: t0, kind: 'in' },
    { at: t0, kind: 'assigned', agentId: 'ana' },
    { at: t0 + 90_000, kind: 'out-agent', agentId: 'ana' },
    { at: t0 + 30 * MIN, kind: 'resolved' },
  ],
};
const range = { from: t0 - 60 * MIN, to: t0 + 60 * MIN };

describe('report columns', () => {
  it.each([
    [Date.UTC(2026, 5, 15, 9, 5, 7), '2026-06-15T09:05:07Z'],
    [Date.UTC(1969, 11, 31, 23, 59, 59, 500), '1969-12-31T23:59:59Z'],
    [0, '1970-01-01T00:00:00Z'],
  ])('writes %i as %s', (ms, iso) => {
    expect(isoInstant(ms)).toBe(iso);
  });

  it('writes a grouped report in minutes and percentages, names looked up', () => {
    const csv = toCsv(
      byTeam([resolved], range, { schedule: null, port: null }),
      metricGroupColumns('team', (key) => (key === 'sales' ? 'Sales, EMEA' : '(none)')),
    );
    const [header, row] = csv.split('\r\n');
    expect(header?.split(',').slice(0, 5)).toEqual(['team', 'opened', 'resolved', 'bot_resolved', 'first_response_median_min']);
    expect(row).toBe('"Sales, EMEA",1,1,0,1.5,1.5,,,30,30,100,30,1,4,1');
  });

  it('writes handle time and the backlog series', () => {
    expect(
      toCsv(
        [{ agentId: 'ana', replies: 2, totalMs: 3 * MIN, averageMs: 1.5 * MIN }],
        handleTimeColumns(() => 'Ana'),
      ),
    ).toBe('agent,replies,handle_time_total_min,handle_time_average_min,handle_time_business_total_min,handle_time_business_average_min\r\nAna,2,3,1.5,,\r\n');
    expect(toCsv(backlogOverTime([resolved], t0, t0 + 60 * MIN, 60 * MIN, t0 + 60 * MIN), BACKLOG_COLUMNS)).toBe(
      'bucket_start,bucket_end,open\r\n2026-06-15T09:00:00Z,2026-06-15T10:00:00Z,0\r\n',
    );
  });
});
