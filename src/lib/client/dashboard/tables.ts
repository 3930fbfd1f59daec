// The dashboard's tables as CSV: which columns each export has. Headers are stable snake_case (spreadsheets and
// scripts key on them); names people read (agents, figures) come in through the `label` arguments.
import type { CsvColumn } from '../../domain/metrics/csv';
import type { MetricGroup } from '../../domain/metrics/metric-groups';
import type { Figure } from './headline';
import type { HistogramBin } from '../../domain/metrics/response-histogram';

const MINUTE_MS = 60_000;
const tenths = (value: number) => Math.round(value * 10) / 10;
const hundredths = (value: number) => Math.round(value * 100) / 100;

/** A figure's value as a spreadsheet wants it: durations in minutes, rates as percentages. */
export function figureCsvValue(figure: Figure): number | null {
  const { value, unit } = figure;
  if (value === null) return null;
  if (unit === 'duration') return tenths(value / MINUTE_MS);
  if (unit === 'rate') return tenths(value * 100);
  if (unit === 'count') return value;
  return unit === 'percent' ? tenths(value) : hundredths(value);
}

const CSV_UNITS: Record<Figure['unit'], string> = {
  count: 'count',
  duration: 'minutes',
  rate: 'percent',
  decimal: 'average',
  rating: 'of_5',
  percent: 'percent',
};

export function figureColumns(label: (figure: Figure) => string): Array<CsvColumn<Figure>> {
  return [
    { header: 'figure', value: label },
    { header: 'key', value: (figure) => figure.key },
    { header: 'value', value: figureCsvValue },
    { header: 'unit', value: (figure) => CSV_UNITS[figure.unit] },
  ];
}

export function histogramColumns(): Array<CsvColumn<HistogramBin>> {
  return [
    { header: 'from_min', value: (bin) => bin.fromMin },
    { header: 'to_min', value: (bin) => bin.toMin },
    { header: 'conversations', value: (bin) => bin.count },
  ];
}

/** One agent's bar: conversations opened in the period now with them, those they resolved, and their open ones now. */
export interface AgentLoad {
  agentId: string | null;
  name: string;
  opened: number;
  resolved: number;
  openNow: number;
}

/** Per-agent load from a report grouped by agent, busiest first; `agentId` keeps only that agent. */
export function agentLoads(
  groups: readonly MetricGroup[] | null,
  nameOf: (key: string | null) => string,
  agentId = '',
  openNow: ReadonlyMap<string | null, number> = new Map(),
): AgentLoad[] {
  return (groups ?? [])
    .filter((group) => !agentId || group.key === agentId)
    .map((group) => ({
      agentId: group.key,
      name: nameOf(group.key),
      opened: group.summary.opened,
      resolved: group.summary.resolved,
      openNow: openNow.get(group.key) ?? 0,
    }))
    .sort((a, b) => b.opened - a.opened || b.resolved - a.resolved || a.name.localeCompare(b.name));
}

/** `pocketdesk-<table>-<first day>_<last day>.csv`, days as the period picker showed them. */
export function csvFileName(table: string, firstDay: string, lastDay: string): string {
  return `pocketdesk-${table}-${firstDay}_${lastDay}.csv`;
}
