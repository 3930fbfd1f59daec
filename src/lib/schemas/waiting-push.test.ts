import { describe, expect, it } from 'vitest';
import { checkWaitingPushSettings, waitingPushSettingsOf } from './waiting-push';

describe('waiting push settings', () => {
  it('default to on, at most one push every 15 minutes', () => {
    expect(waitingPushSettingsOf(null)).toEqual({ enabled: true, everyMinutes: 15 });
    expect(waitingPushSettingsOf({ qa: { enabled: true } })).toEqual({ enabled: true, everyMinutes: 15 });
  });

  it('read what a team saved, and fall back to the defaults on anything unreadable', () => {
    expect(waitingPushSettingsOf({ waitingPush: { enabled: false, everyMinutes: 60 } })).toEqual({ enabled: false, everyMinutes: 60 });
    expect(waitingPushSettingsOf({ waitingPush: { everyMinutes: -3 } })).toEqual({ enabled: true, everyMinutes: 15 });
  });

  it.each([[0], [1441], [2.5], ['ten']])('refuses %j minutes with a field error', (everyMinutes) => {
    const checked = checkWaitingPushSettings({ everyMinutes });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(Object.keys(checked.errors)).toEqual(['everyMinutes']);
  });
});
