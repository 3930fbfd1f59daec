import { describe, expect, it } from 'vitest';
import { HookConfigError, parseConfig } from './config';

const from = (env: Record<string, string>) => (name: string) => env[name] ?? '';

describe('the hooks environment', () => {
  it('defaults the away delay to 240 minutes and reads the rest as given', () => {
    const config = parseConfig(from({ WHATSAPP_APP_SECRET: 's', POCKETDESK_TRUSTED_PROXY: ' X-Real-IP ', POCKETDESK_ENABLE_BENCH_SEED: '1' }));
    expect(config).toMatchObject({ appSecret: 's', trustedProxy: 'X-Real-IP', awayAfterSilenceMs: 240 * 60_000, benchSeedEnabled: true, secretKey: '' });
  });

  it('takes a whole number of minutes from 30 up', () => {
    expect(parseConfig(from({ POCKETDESK_AWAY_AFTER_MINUTES: '30' })).awayAfterSilenceMs).toBe(30 * 60_000);
    expect(parseConfig(from({ POCKETDESK_AWAY_AFTER_MINUTES: '600' })).awayAfterSilenceMs).toBe(600 * 60_000);
  });

  it.each(['29', '0', '-60', 'soon', '45.5', '1e3', '4h'])('refuses POCKETDESK_AWAY_AFTER_MINUTES=%s, naming it', (value) => {
    const read = () => parseConfig(from({ POCKETDESK_AWAY_AFTER_MINUTES: value }));
    expect(read).toThrow(HookConfigError);
    expect(read).toThrow(/POCKETDESK_AWAY_AFTER_MINUTES/);
  });

  it('refuses a malformed secret key, naming it', () => {
    expect(() => parseConfig(from({ POCKETDESK_SECRET_KEY: 'short' }))).toThrow(/POCKETDESK_SECRET_KEY/);
  });
});
