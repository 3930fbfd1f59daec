import { describe, expect, it } from 'vitest';
import { summarizeConversations } from '../../domain/metrics/conversation-summary';
import { toCsv } from '../../domain/metrics/csv';
import { frtHistogram } from '../../domain/metrics/response-histogram';
import type { Figure } from './headline';
import { agentLoads, csvFileName, figureColumns, figureCsvValue, histogramColumns } from './tables';

describe('figureCsvValue', () => {
  it.each<[Figure, number | null]>([
    [{ key: 'frtMedian', unit: 'duration', value: 150_000 }, 2.5],
    [{ key: 'firstContactResolution', unit: 'rate', value: 0.6667 }, 66.7],
    [{ key: 'opened', unit: 'count', value: 12 }, 12],
    [{ key: 'csat', unit: 'rating', value: 4.256 }, 4.26],
    [{ key: 'qaScore', unit: 'percent', value: 72.04 }, 72],
    [{ key: 'csat', unit: 'rating', value: null }, null],
  ])('writes %j as %s', (figure, value) => {
    expect(figureCsvValue(figure)).toBe(value);
  });
});

describe('dashboard CSV tables', () => {
  it('quotes a figure label that holds a comma and leaves an empty figure blank', () => {
    const csv = toCsv<Figure>(
      [{ key: 'csat', unit: 'rating', value: null }],
      figureColumns(() => 'CSAT, average'),
    );
    expect(csv).toBe('figure,key,value,unit\r\n"CSAT, average",csat,,of_5\r\n');
  });

  it('writes the histogram with an empty upper edge for the last bin', () => {
    const csv = toCsv(frtHistogram([30_000, 10 * 3_600_000]), histogramColumns());
    expect(csv.split('\r\n')).toEqual(['from_min,to_min,conversations', '0,1,1', '1,5,0', '5,15,0', '15,30,0', '30,60,0', '60,240,0', '240,,1', '']);
  });

  it('names the file after the table and the days shown', () => {
    expect(csvFileName('agents', '2026-11-01', '2026-11-07')).toBe('pocketdesk-agents-2026-11-01_2026-11-07.csv');
  });
});

describe('agentLoads', () => {
  const summary = (opened: number) => ({ ...summarizeConversations([], { from: 0, to: 1 }, { schedule: null, port: null }), opened });
  const groups = [
    { key: 'ana', summary: summary(2) },
    { key: 'ben', summary: summary(5) },
    { key: null, summary: summary(1) },
  ];
  const names = (key: string | null) => (key === null ? 'Unassigned' : key.toUpperCase());

  it('puts the busiest agent first, with names', () => {
    expect(agentLoads(groups, names).map((load) => [load.name, load.opened])).toEqual([
      ['BEN', 5],
      ['ANA', 2],
      ['Unassigned', 1],
    ]);
  });

  it('keeps only the chosen agent', () => {
    expect(agentLoads(groups, names, 'ana').map((load) => load.agentId)).toEqual(['ana']);
  });

  it('carries each agent’s open conversations now, none when the overview has no count', () => {
    const open = new Map<string | null, number>([['ben', 7]]);
    expect(agentLoads(groups, names, '', open).map((load) => [load.agentId, load.openNow])).toEqual([
      ['ben', 7],
      ['ana', 0],
      [null, 0],
    ]);
  });
});
