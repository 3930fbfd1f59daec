import { describe, expect, it } from 'vitest';
import en from '../i18n/en/core';
import es from '../i18n/es/core';
import { formatSlaChip, formatSpan, slaChipOf } from './sla-chip';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const MIN = 60_000;

function chipText(fields: { status?: 'open' | 'pending' | 'resolved'; due: number | null; breached?: boolean }, t = en.queueSla): string | null {
  const chip = slaChipOf({ status: fields.status ?? 'open', sla_due_at: fields.due, sla_breached: fields.breached ?? false }, NOW);
  return chip ? formatSlaChip(chip, t) : null;
}

describe('slaChipOf', () => {
  it.each([
    ['5 min left', { due: NOW + 5 * MIN }],
    ['5 min left', { due: NOW + 4 * MIN + 1 }],
    ['1 min left', { due: NOW + 30_000 }],
    ['1 min left', { due: NOW }],
    ['2 h 5 min left', { due: NOW + 125 * MIN }],
    ['3 h left', { due: NOW + 180 * MIN }],
    ['2 d 3 h left', { due: NOW + (51 * 60 + 20) * MIN }],
    ['Overdue', { due: NOW - 30_000 }],
    ['Overdue 12 min', { due: NOW - 12 * MIN - 59_000 }],
    ['Overdue 1 h', { due: NOW - 60 * MIN }],
    ['Overdue', { due: null, breached: true }],
    ['Overdue', { due: NOW + 10 * MIN, breached: true }],
    ['Overdue 3 min', { due: NOW - 3 * MIN, breached: true }],
  ] as const)('reads "%s" for %j', (text, fields) => {
    expect(chipText(fields)).toBe(text);
  });

  it('shows nothing without a deadline, or once resolved', () => {
    expect(chipText({ due: null })).toBeNull();
    expect(chipText({ status: 'resolved', due: NOW - 5 * MIN, breached: true })).toBeNull();
  });

  it('still counts for a conversation waiting on the customer', () => {
    expect(chipText({ status: 'pending', due: NOW + 20 * MIN })).toBe('20 min left');
  });

  it('warns in the last 15 minutes only', () => {
    const soon = (due: number) => slaChipOf({ status: 'open', sla_due_at: due, sla_breached: false }, NOW);
    expect(soon(NOW + 15 * MIN)).toMatchObject({ kind: 'left', soon: true });
    expect(soon(NOW + 15 * MIN + 1)).toMatchObject({ kind: 'left', soon: false });
    expect(soon(NOW - 1)).toMatchObject({ kind: 'overdue' });
  });

  it('speaks Spanish too', () => {
    expect(chipText({ due: NOW + 5 * MIN }, es.queueSla)).toBe('Quedan 5 min');
    expect(chipText({ due: NOW - 12 * MIN }, es.queueSla)).toBe('Vencido hace 12 min');
  });
});

describe('formatSpan', () => {
  it.each([
    [0, '0 min'],
    [59, '59 min'],
    [60, '1 h'],
    [1439, '23 h 59 min'],
    [1440, '1 d'],
    [1500, '1 d 1 h'],
  ])('writes %i minutes as "%s"', (minutes, text) => {
    expect(formatSpan(minutes, en.queueSla)).toBe(text);
  });
});
