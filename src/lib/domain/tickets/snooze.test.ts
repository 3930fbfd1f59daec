import { describe, expect, it } from 'vitest';
import { intlTimeZone as port } from '../../client/intl-time-zone';
import type { BusinessSchedule } from '../hours/schedule';
import { decideSnooze, isDueToWake, MAX_SNOOZE_MS, snoozePresetInstant, wakeCause, type SnoozeClock, type SnoozePreset, type SnoozeState } from './snooze';

const at = (iso: string) => Date.parse(iso);
const ten = [{ start: '10:00', end: '14:00' }];
// Opens at 10:00 on weekdays, closed at weekends (Madrid is on CEST, +02:00, all June 2026).
const shop: BusinessSchedule = { timezone: 'Europe/Madrid', weekly: { mon: ten, tue: ten, wed: ten, thu: ten, fri: ten } };
const madrid: SnoozeClock = { zone: 'Europe/Madrid', schedule: null, port };
const madridShop: SnoozeClock = { zone: 'Europe/Madrid', schedule: shop, port };
const mexico: SnoozeClock = { zone: 'America/Mexico_City', schedule: null, port };

// 2026-06-17 is a Wednesday, 2026-06-19 a Friday, 2026-06-22 a Monday.
describe('snoozePresetInstant', () => {
  it.each<[string, SnoozePreset, string, SnoozeClock, string | null]>([
    ['an hour from now', 'one-hour', '2026-06-17T08:20:00Z', madrid, '2026-06-17T09:20:00Z'],
    ['18:00 on the channel clock', 'this-evening', '2026-06-17T08:20:00Z', madrid, '2026-06-17T16:00:00Z'],
    ['the channel zone, not UTC', 'this-evening', '2026-06-17T08:20:00Z', mexico, '2026-06-18T00:00:00Z'],
    ['nothing once the evening is under an hour away', 'this-evening', '2026-06-17T15:30:00Z', madrid, null],
    ['09:00 tomorrow without business hours', 'tomorrow-morning', '2026-06-17T20:00:00Z', madrid, '2026-06-18T07:00:00Z'],
    ["tomorrow's opening with business hours", 'tomorrow-morning', '2026-06-17T20:00:00Z', madridShop, '2026-06-18T08:00:00Z'],
    ['09:00 on a closed tomorrow (Saturday)', 'tomorrow-morning', '2026-06-19T12:00:00Z', madridShop, '2026-06-20T07:00:00Z'],
    ['tomorrow on the channel clock just before its midnight', 'tomorrow-morning', '2026-06-17T21:59:00Z', madrid, '2026-06-18T07:00:00Z'],
    ['the coming Monday at opening', 'next-week', '2026-06-17T08:00:00Z', madridShop, '2026-06-22T08:00:00Z'],
    ['a week later on a Monday', 'next-week', '2026-06-22T08:00:00Z', madrid, '2026-06-29T07:00:00Z'],
  ])('%s', (_name, preset, now, clock, expected) => {
    expect(snoozePresetInstant(preset, at(now), clock)).toBe(expected === null ? null : at(expected));
  });

  it('keeps the channel wall clock across a daylight-saving change', () => {
    // Madrid moves to CET (+01:00) on 2026-10-25, a Sunday.
    expect(snoozePresetInstant('tomorrow-morning', at('2026-10-24T12:00:00Z'), madrid)).toBe(at('2026-10-25T08:00:00Z'));
  });
});

describe('decideSnooze', () => {
  const now = at('2026-06-17T08:00:00Z');
  it.each<[string, Parameters<typeof decideSnooze>[0], string, ReturnType<typeof decideSnooze>]>([
    ['snoozes until a preset', { preset: 'one-hour' }, 'open', { ok: true, state: { reason: 'until-time', until: now + 3_600_000 } }],
    ['snoozes a waiting conversation', { until: now + 86_400_000 }, 'pending', { ok: true, state: { reason: 'until-time', until: now + 86_400_000 } }],
    ['snoozes until the customer writes', { untilCustomerWrites: true }, 'open', { ok: true, state: { reason: 'until-customer', until: null } }],
    ['refuses a resolved conversation', { preset: 'one-hour' }, 'resolved', { ok: false, reason: 'resolved' }],
    ['refuses a time in the past', { until: now - 1 }, 'open', { ok: false, reason: 'too-soon' }],
    ['refuses a time a minute away', { until: now + 60_000 }, 'open', { ok: false, reason: 'too-soon' }],
    ['refuses a time past the limit', { until: now + MAX_SNOOZE_MS + 1 }, 'open', { ok: false, reason: 'too-far' }],
    ['snoozes until this evening', { preset: 'this-evening' }, 'open', { ok: true, state: { reason: 'until-time', until: at('2026-06-17T16:00:00Z') } }],
  ])('%s', (_name, request, status, expected) => {
    expect(decideSnooze(request, status, now, madrid)).toEqual(expected);
  });

  it('refuses "this evening" in the evening', () => {
    expect(decideSnooze({ preset: 'this-evening' }, 'open', at('2026-06-17T19:00:00Z'), madrid)).toEqual({ ok: false, reason: 'preset-unavailable' });
  });
});

describe('waking', () => {
  const timed: SnoozeState = { reason: 'until-time', until: 1_000 };
  const untilCustomer: SnoozeState = { reason: 'until-customer', until: null };
  const awake: SnoozeState = { reason: null, until: null };

  it.each<[string, SnoozeState, Parameters<typeof wakeCause>[1], ReturnType<typeof wakeCause>]>([
    ['a timed snooze at its time', timed, { kind: 'tick', now: 1_000 }, 'time-up'],
    ['not a timed snooze before its time', timed, { kind: 'tick', now: 999 }, null],
    ['never "until the customer writes" on the clock', untilCustomer, { kind: 'tick', now: Number.MAX_SAFE_INTEGER }, null],
    ['a timed snooze when the customer writes', timed, { kind: 'inbound' }, 'customer-wrote'],
    ['"until the customer writes" when they do', untilCustomer, { kind: 'inbound' }, 'customer-wrote'],
    ['any snooze when resolved', untilCustomer, { kind: 'resolved' }, 'resolved'],
    ['nothing that is awake', awake, { kind: 'inbound' }, null],
  ])('wakes %s', (_name, state, event, expected) => {
    expect(wakeCause(state, event)).toBe(expected);
  });

  it('is due exactly from its time on', () => {
    expect([999, 1_000, 1_001].map((now) => isDueToWake(timed, now))).toEqual([false, true, true]);
  });
});
