import { civilFromDays, DAY_MS, formatIsoDate, MINUTE_MS } from '../hours/civil-date';
import type { BacklogPoint } from './backlog';
import type { CsvColumn } from './csv';
import type { AgentHandleTime } from './handle-time';
import type { MetricGroup } from './metric-groups';

// Spreadsheets read minutes more easily than milliseconds; one decimal keeps seconds visible.
const minutes = (ms: number | null | undefined): number | null => (ms === null || ms === undefined ? null : Math.round((ms / MINUTE_MS) * 10) / 10);
const percent = (rate: number | null): number | null => (rate === null ? null : Math.round(rate * 1000) / 10);
const hundredths = (value: number | null): number | null => (value === null ? null : Math.round(value * 100) / 100);

/** An epoch-ms instant as UTC ISO 8601 to the second (`2026-06-15T09:00:00Z`), without `Date`. */
export function isoInstant(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  const seconds = Math.floor((ms - days * DAY_MS) / 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${formatIsoDate(civilFromDays(days))}T${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}Z`;
}

/** CSV columns for a grouped report; `nameOf` turns a group key (an id, null for none) into what people read. */
export function metricGroupColumns(keyHeader: string, nameOf: (key: string | null) => string): Array<CsvColumn<MetricGroup>> {
  return [
    { header: keyHeader, value: (group) => nameOf(group.key) },
    { header: 'opened', value: (group) => group.summary.opened },
    { header: 'resolved', value: (group) => group.summary.resolved },
    { header: 'bot_resolved', value: (group) => group.summary.botResolved },
    { header: 'first_response_median_min', value: (group) => minutes(group.summary.firstResponse.medianMs) },
    { header: 'first_response_p90_min', value: (group) => minutes(group.summary.firstResponse.p90Ms) },
    { header: 'first_response_business_median_min', value: (group) => minutes(group.summary.firstResponse.businessMedianMs) },
    { header: 'first_response_business_p90_min', value: (group) => minutes(group.summary.firstResponse.businessP90Ms) },
    { header: 'resolution_median_min', value: (group) => minutes(group.summary.resolution.medianMs) },
    { header: 'resolution_p90_min', value: (group) => minutes(group.summary.resolution.p90Ms) },
    { header: 'first_contact_resolution_pct', value: (group) => percent(group.summary.firstContactResolutionRate) },
    { header: 'average_duration_min', value: (group) => minutes(group.summary.averageDurationMs) },
    { header: 'replies_per_conversation', value: (group) => hundredths(group.summary.repliesPerConversation) },
    { header: 'csat_average', value: (group) => hundredths(group.summary.csat.average) },
    { header: 'csat_count', value: (group) => group.summary.csat.count },
  ];
}

/** CSV columns for handle time per agent. */
export function handleTimeColumns(nameOf: (agentId: string) => string): Array<CsvColumn<AgentHandleTime>> {
  return [
    { header: 'agent', value: (row) => nameOf(row.agentId) },
    { header: 'replies', value: (row) => row.replies },
    { header: 'handle_time_total_min', value: (row) => minutes(row.totalMs) },
    { header: 'handle_time_average_min', value: (row) => minutes(row.averageMs) },
    { header: 'handle_time_business_total_min', value: (row) => minutes(row.businessTotalMs) },
    { header: 'handle_time_business_average_min', value: (row) => minutes(row.businessAverageMs) },
  ];
}

/** CSV columns for the backlog series, instants in UTC. */
export const BACKLOG_COLUMNS: ReadonlyArray<CsvColumn<BacklogPoint>> = [
  { header: 'bucket_start', value: (point) => isoInstant(point.start) },
  { header: 'bucket_end', value: (point) => isoInstant(point.end) },
  { header: 'open', value: (point) => point.open },
];
