import { describe, expect, it } from 'vitest';
import { channelHoursRecordSchema } from './channel-hours';
import { draftErrorsOf, draftOf, scheduleInputOf } from './schedule-draft';

const channel = (business_hours: unknown) =>
  channelHoursRecordSchema.parse({ id: 'c1', name: 'Shop', display_phone_number: '1555', timezone: 'America/Bogota', business_hours });

describe('draftOf', () => {
  it('starts a channel open around the clock from weekday office hours in its zone', () => {
    const draft = draftOf(channel(null));
    expect(draft.timezone).toBe('America/Bogota');
    expect(draft.weekly.mon).toEqual([{ start: '09:00', end: '18:00' }]);
    expect(draft.weekly.sat).toEqual([]);
  });

  it('keeps special dates it cannot edit, so a save does not drop them', () => {
    const hours = {
      timezone: 'UTC',
      weekly: { sun: [{ start: '22:00', end: '06:00' }] },
      holidays: [{ date: '2025-12-25', recurring: true }],
      special_dates: [{ date: '2025-12-24', intervals: [{ start: '10:00', end: '14:00' }] }],
    };
    expect(scheduleInputOf(draftOf(channel(hours)))).toEqual({ ...hours, holidays: [{ date: '2025-12-25', recurring: true }] });
  });
});

describe('draftErrorsOf', () => {
  it("maps the server's business_hours keys onto the form's fields", () => {
    const data = {
      'business_hours.weekly.mon.0.start': { code: 'overlapping-intervals', message: 'm' },
      timezone: { code: 'unknown-timezone', message: 't' },
      business_hours: { code: 'x', message: 'y' },
    };
    expect(draftErrorsOf(data)).toEqual({
      'weekly.mon.0.start': { code: 'overlapping-intervals', message: 'm' },
      timezone: { code: 'unknown-timezone', message: 't' },
      schedule: { code: 'x', message: 'y' },
    });
  });
});
