import { describe, expect, it } from 'vitest';
import { DEFAULT_CSAT_SETTINGS } from '../../lib/domain/csat/csat-settings';
import { IntlTimeZone } from '../../lib/client/intl-time-zone';
import { DEFAULT_AUTO_REPLIES } from '../../lib/schemas/auto-replies';
import { DEFAULT_ROUTING_SETTINGS } from '../../lib/schemas/routing';
import { parseChannelSettings, type SettingsGroup, type StoredChannelSettings } from './channel';

const port = new IntlTimeZone();
const empty: StoredChannelSettings = { routing: null, business_hours: null, auto_replies: null, faq: null, service: null, default_team: '' };

function parse(stored: Partial<StoredChannelSettings>) {
  const invalid: SettingsGroup[] = [];
  const settings = parseChannelSettings({ ...empty, ...stored }, port, (group) => invalid.push(group));
  return { settings, invalid };
}

describe('parseChannelSettings: one policy for invalid stored settings', () => {
  it('reads unset groups as their defaults without complaint', () => {
    const { settings, invalid } = parse({ default_team: 'team1' });
    expect(invalid).toEqual([]);
    expect(settings.routing).toEqual({ ...DEFAULT_ROUTING_SETTINGS, defaultTeamId: 'team1' });
    expect(settings.schedule).toBeNull();
    expect(settings.autoReplies).toEqual(DEFAULT_AUTO_REPLIES);
    expect(settings.faq).toBeNull();
    expect(settings.csat).toEqual(DEFAULT_CSAT_SETTINGS);
  });

  it("falls back to each invalid group's defaults and names every invalid group", () => {
    const { settings, invalid } = parse({
      routing: { capacity: { defaultMaxOpen: 'lots' } },
      business_hours: { timezone: 'Mars/Olympus', weekly: {} },
      auto_replies: { greeting: 42 },
      faq: { enabled: 'yes' },
      service: { csat: { enabled: 'maybe' } },
    });
    expect(invalid).toEqual(['routing', 'business_hours', 'auto_replies', 'faq', 'service.csat']);
    expect(settings.routing).toEqual(DEFAULT_ROUTING_SETTINGS);
    // No valid hours: always open, as a channel that never set hours.
    expect(settings.schedule).toBeNull();
    expect(settings.autoReplies).toEqual(DEFAULT_AUTO_REPLIES);
    expect(settings.faq).toBeNull();
    expect(settings.csat).toEqual(DEFAULT_CSAT_SETTINGS);
  });

  it('keeps valid groups beside an invalid one', () => {
    const { settings, invalid } = parse({
      routing: { capacity: { defaultMaxOpen: 'lots' } },
      business_hours: { timezone: 'Europe/Madrid', weekly: { mon: [{ start: '09:00', end: '17:00' }] } },
    });
    expect(invalid).toEqual(['routing']);
    expect(settings.schedule?.timezone).toBe('Europe/Madrid');
  });
});
