import { describe, expect, it } from 'vitest';
import { intlTimeZone as port } from '../../client/intl-time-zone';
import type { BusinessSchedule } from '../hours/schedule';
import { formatClock, formatOpeningHours, formatOpensAt, replyLanguageOf } from './opening-text';

const day = [{ start: '09:00', end: '19:00' }];
const office: BusinessSchedule = { timezone: 'Europe/Madrid', weekly: { mon: day, tue: day, wed: day, thu: day, fri: day } };
const withHolidays: BusinessSchedule = {
  ...office,
  holidays: [
    { date: '2026-12-24' },
    { date: '2026-12-25' },
    { date: '2026-12-28' },
    { date: '2026-12-29' },
    { date: '2026-12-30' },
    { date: '2026-12-31' },
    { date: '2027-01-01' },
  ],
};
const night: BusinessSchedule = { timezone: 'Europe/Madrid', weekly: { fri: [{ start: '22:00', end: '02:00' }], sat: [{ start: '01:00', end: '03:00' }] } };
const never: BusinessSchedule = { timezone: 'Europe/Madrid', weekly: {} };
const always: BusinessSchedule = {
  timezone: 'Europe/Madrid',
  weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ start: '00:00', end: '24:00' }]])),
};
const at = (iso: string) => Date.parse(iso);

// 2026-06-15 is a Monday; Madrid is on CEST (+02:00) in June and CET (+01:00) in December.
describe('formatOpeningHours', () => {
  it.each([
    ['early in the morning', office, '2026-06-15T07:00+02:00', 'We open today at 09:00 (Europe/Madrid)', 'Abrimos hoy a las 09:00 (Europe/Madrid)'],
    ['in the evening', office, '2026-06-15T20:00+02:00', 'We open tomorrow at 09:00 (Europe/Madrid)', 'Abrimos mañana a las 09:00 (Europe/Madrid)'],
    ['after midnight', office, '2026-06-16T00:30+02:00', 'We open today at 09:00 (Europe/Madrid)', 'Abrimos hoy a las 09:00 (Europe/Madrid)'],
    ['on Friday evening', office, '2026-06-19T19:30+02:00', 'We open Monday at 09:00 (Europe/Madrid)', 'Abrimos el lunes a las 09:00 (Europe/Madrid)'],
    ['on Sunday', office, '2026-06-21T12:00+02:00', 'We open tomorrow at 09:00 (Europe/Madrid)', 'Abrimos mañana a las 09:00 (Europe/Madrid)'],
    [
      'over a long holiday',
      withHolidays,
      '2026-12-23T20:00+01:00',
      'We open Monday 4 January at 09:00 (Europe/Madrid)',
      'Abrimos el lunes 4 de enero a las 09:00 (Europe/Madrid)',
    ],
    [
      'before a one o’clock opening',
      night,
      '2026-06-20T00:30+02:00',
      "We're open until 03:00 (Europe/Madrid)",
      'Estamos abiertos hasta las 03:00 (Europe/Madrid)',
    ],
    ['in the afternoon', office, '2026-06-15T12:00+02:00', "We're open until 19:00 (Europe/Madrid)", 'Estamos abiertos hasta las 19:00 (Europe/Madrid)'],
    [
      'late on Friday night',
      night,
      '2026-06-19T23:00+02:00',
      "We're open until tomorrow at 03:00 (Europe/Madrid)",
      'Estamos abiertos hasta mañana a las 03:00 (Europe/Madrid)',
    ],
    ['on a schedule that is always open', always, '2026-06-15T12:00+02:00', "We're open", 'Estamos abiertos'],
    ['on a schedule that never opens', never, '2026-06-15T12:00+02:00', "We'll reply as soon as we're back", 'Te responderemos en cuanto volvamos'],
  ])('reads %s in English and Spanish', (_, schedule, instant, english, spanish) => {
    expect(formatOpeningHours(schedule, at(instant), port, 'en')).toBe(english);
    expect(formatOpeningHours(schedule, at(instant), port, 'es')).toBe(spanish);
  });

  it('uses the singular article for one o’clock in Spanish', () => {
    const oneAm: BusinessSchedule = { timezone: 'Europe/Madrid', weekly: { tue: [{ start: '01:00', end: '05:00' }] } };
    expect(formatOpeningHours(oneAm, at('2026-06-15T20:00+02:00'), port, 'es')).toBe('Abrimos mañana a la 01:00 (Europe/Madrid)');
    expect(formatOpeningHours(oneAm, at('2026-06-16T00:10+02:00'), port, 'es')).toBe('Abrimos hoy a la 01:00 (Europe/Madrid)');
  });

  it('shows the hours in another zone when asked, and in the schedule’s own when that zone is unknown', () => {
    const instant = at('2026-06-19T19:30+02:00');
    expect(formatOpeningHours(office, instant, port, 'en', 'America/New_York')).toBe('We open Monday at 03:00 (America/New_York)');
    expect(formatOpeningHours(office, instant, port, 'en', 'Mars/Olympus')).toBe('We open Monday at 09:00 (Europe/Madrid)');
    expect(formatOpeningHours(office, instant, port, 'en', '')).toBe('We open Monday at 09:00 (Europe/Madrid)');
  });

  it('counts days on the wall clock across a daylight-saving change', () => {
    // Madrid springs forward on Sunday 2026-03-29.
    expect(formatOpeningHours(office, at('2026-03-27T19:30+01:00'), port, 'en')).toBe('We open Monday at 09:00 (Europe/Madrid)');
    expect(formatOpeningHours(office, at('2026-03-29T23:30+02:00'), port, 'es')).toBe('Abrimos mañana a las 09:00 (Europe/Madrid)');
  });

  it('accepts a regional language tag', () => {
    expect(formatOpeningHours(office, at('2026-06-19T19:30+02:00'), port, 'es-MX')).toBe('Abrimos el lunes a las 09:00 (Europe/Madrid)');
    expect(formatOpeningHours(office, at('2026-06-19T19:30+02:00'), port, 'pt-BR')).toBe('We open Monday at 09:00 (Europe/Madrid)');
  });

  it('answers something for an instant that is not a number', () => {
    expect(formatOpeningHours(office, Number.NaN, port, 'en')).toBe("We'll reply as soon as we're back");
  });
});

describe('formatOpensAt', () => {
  it.each([
    ['closed on Friday evening', '2026-06-19T19:30+02:00', 'en', 'Monday at 09:00'],
    ['closed on Friday evening', '2026-06-19T19:30+02:00', 'es', 'el lunes a las 09:00'],
    ['open at noon', '2026-06-15T12:00+02:00', 'en', ''],
  ] as const)('when %s in %s gives %j', (_, instant, language, expected) => {
    expect(formatOpensAt(office, at(instant), port, language)).toBe(expected);
  });

  it('is empty when the schedule never opens', () => {
    expect(formatOpensAt(never, at('2026-06-15T12:00+02:00'), port, 'en')).toBe('');
  });
});

describe('replyLanguageOf', () => {
  it.each([
    ['es', 'es'],
    ['es-MX', 'es'],
    ['ES_ar', 'es'],
    ['en', 'en'],
    ['pt-BR', 'en'],
    ['est', 'en'],
    ['', 'en'],
    [null, 'en'],
  ])('answers %j customers in %s', (language, expected) => {
    expect(replyLanguageOf(language)).toBe(expected);
  });
});

describe('formatClock', () => {
  it.each([
    [0, 0, '00:00'],
    [9, 5, '09:05'],
    [23, 59, '23:59'],
  ])('writes %i:%i as %s', (hour, minute, expected) => {
    expect(formatClock({ hour, minute })).toBe(expected);
  });
});
