import { describe, expect, it } from 'vitest';
import { intlTimeZone } from '../client/intl-time-zone';
import { DEFAULT_SLA_POLICY } from '../domain/sla/sla-policy';
import { checkSlaSettings, DEFAULT_SLA_SETTINGS } from './sla';

const codes = (raw: unknown) => {
  const result = checkSlaSettings(raw, intlTimeZone);
  return result.ok ? {} : Object.fromEntries(Object.entries(result.errors).map(([path, error]) => [path, error.code]));
};

describe('checkSlaSettings', () => {
  it('starts with one catch-all policy: 5 minutes, 30 at peak, business hours only', () => {
    expect(DEFAULT_SLA_SETTINGS).toEqual({ policies: [{ channelId: null, teamId: null, ...DEFAULT_SLA_POLICY }] });
    expect(DEFAULT_SLA_POLICY).toMatchObject({ firstResponseMinutes: 5, firstResponsePeakMinutes: 30, businessHoursOnly: true });
    expect(checkSlaSettings(undefined, intlTimeZone)).toEqual({ ok: true, settings: DEFAULT_SLA_SETTINGS });
  });

  it('fills a partial policy and keeps its peak hours', () => {
    const peakHours = { timezone: 'Europe/Madrid', weekly: { mon: [{ start: '12:00', end: '14:00' }] } };
    const result = checkSlaSettings({ policies: [{ teamId: 'sales', firstResponseMinutes: 2, peakHours, escalation: { reassign: true } }] }, intlTimeZone);
    expect(result).toMatchObject({
      ok: true,
      settings: {
        policies: [
          {
            teamId: 'sales',
            channelId: null,
            firstResponseMinutes: 2,
            firstResponsePeakMinutes: 30,
            peakHours: { holidays: [] },
            escalation: { notifyManager: true, reassign: true },
          },
        ],
      },
    });
  });

  it.each([
    ['a zero-minute target', { policies: [{ firstResponseMinutes: 0 }] }, { 'policies.0.firstResponseMinutes': 'too-small' }],
    ['a fractional target', { policies: [{ resolutionMinutes: 1.5 }] }, { 'policies.0.resolutionMinutes': 'invalid-type' }],
    ['a target over a month', { policies: [{ resolutionMinutes: 50_000 }] }, { 'policies.0.resolutionMinutes': 'too-big' }],
    ['two policies for the same scope', { policies: [{ channelId: 'wa' }, { channelId: 'wa' }] }, { 'policies.1.teamId': 'duplicate-scope' }],
    [
      'peak hours in an unknown zone',
      { policies: [{ peakHours: { timezone: 'Mars/Base', weekly: {} } }] },
      { 'policies.0.peakHours.timezone': 'unknown-timezone' },
    ],
    [
      'peak hours with a bad time',
      { policies: [{ peakHours: { timezone: 'Europe/Madrid', weekly: { mon: [{ start: '9', end: '10:00' }] } } }] },
      { 'policies.0.peakHours.weekly.mon.0.start': 'invalid-time' },
    ],
    ['a negative priority', { policies: [{ escalation: { raisePriorityTo: -1 } }] }, { 'policies.0.escalation.raisePriorityTo': 'too-small' }],
  ])('refuses %s', (_, raw, expected) => {
    expect(codes(raw)).toEqual(expected);
  });
});
