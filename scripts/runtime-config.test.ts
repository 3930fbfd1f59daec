import { describe, expect, it } from 'vitest';
import { ConfigError, readRuntimeConfig } from './runtime-config.mjs';

describe('readRuntimeConfig', () => {
  it('runs the demo with the simulator and demo secrets when no Meta token is set', () => {
    const config = readRuntimeConfig({}, { production: false });
    expect(config).toMatchObject({ simulator: true, http: '127.0.0.1:8090', graphUrl: 'http://127.0.0.1:8091', graphVersion: 'v25.0' });
    expect(config.appSecret).not.toBe('');
  });

  it('talks to Meta, without the simulator, once a token is set', () => {
    const config = readRuntimeConfig({ WHATSAPP_ACCESS_TOKEN: 't', WHATSAPP_APP_SECRET: 's', WHATSAPP_VERIFY_TOKEN: 'v' }, { production: false });
    expect(config).toMatchObject({ simulator: false, graphUrl: 'https://graph.facebook.com' });
  });

  it('trusts no proxy header unless one is named', () => {
    expect(readRuntimeConfig({}, { production: false }).trustedProxy).toBe('');
    expect(readRuntimeConfig({ POCKETDESK_TRUSTED_PROXY: ' X-Real-IP ' }, { production: false }).trustedProxy).toBe('X-Real-IP');
  });

  it('allows cross-origin calls from the product’s own origin only, unless other origins are listed', () => {
    expect(readRuntimeConfig({ POCKETDESK_HTTP: '0.0.0.0:9000' }, { production: false }).corsOrigins).toEqual(['http://127.0.0.1:9000']);
    const listed = readRuntimeConfig({ POCKETDESK_CORS_ORIGINS: 'https://desk.example.com/, http://localhost:5173' }, { production: false });
    expect(listed.corsOrigins).toEqual(['https://desk.example.com', 'http://localhost:5173']);
  });

  it.each([
    [{}, { production: true }, 'WHATSAPP_APP_SECRET'],
    [{ POCKETDESK_HTTP: 'localhost' }, { production: false }, 'POCKETDESK_HTTP'],
    [{ POCKETDESK_ADMIN_EMAIL: 'a@b.c' }, { production: false }, 'POCKETDESK_ADMIN_EMAIL and POCKETDESK_ADMIN_PASSWORD'],
    [{ POCKETDESK_ADMIN_EMAIL: 'nope', POCKETDESK_ADMIN_PASSWORD: 'long-enough-1' }, { production: false }, 'POCKETDESK_ADMIN_EMAIL'],
    [{ WHATSAPP_GRAPH_URL: 'ftp://x' }, { production: false }, 'WHATSAPP_GRAPH_URL'],
    [{ WHATSAPP_GRAPH_VERSION: '25' }, { production: false }, 'WHATSAPP_GRAPH_VERSION'],
    [{ VAPID_PUBLIC_KEY: 'k' }, { production: false }, 'VAPID_PRIVATE_KEY'],
    [{ VAPID_SUBJECT: 'me' }, { production: false }, 'VAPID_SUBJECT'],
    [{ SIMULATOR_PORT: '99999' }, { production: false }, 'SIMULATOR_PORT'],
    [{ POCKETDESK_TRUSTED_PROXY: 'X-Forwarded-For: 1.2.3.4' }, { production: false }, 'POCKETDESK_TRUSTED_PROXY'],
    [{ POCKETDESK_TRUSTED_PROXY: 'X-Forwarded-For,X-Real-IP' }, { production: false }, 'POCKETDESK_TRUSTED_PROXY'],
    [{ POCKETDESK_CORS_ORIGINS: 'desk.example.com' }, { production: false }, 'POCKETDESK_CORS_ORIGINS'],
    [{ POCKETDESK_CORS_ORIGINS: 'https://desk.example.com/app' }, { production: false }, 'POCKETDESK_CORS_ORIGINS'],
    [{ POCKETDESK_CORS_ORIGINS: 'https://a.example.com,ftp://b.example.com' }, { production: false }, 'POCKETDESK_CORS_ORIGINS'],
    [{ POCKETDESK_SECRET_KEY: 'too-short' }, { production: false }, 'POCKETDESK_SECRET_KEY'],
    [{ POCKETDESK_AWAY_AFTER_MINUTES: '29' }, { production: false }, 'POCKETDESK_AWAY_AFTER_MINUTES'],
    [{ POCKETDESK_AWAY_AFTER_MINUTES: 'four hours' }, { production: true }, 'POCKETDESK_AWAY_AFTER_MINUTES'],
    [{ POCKETDESK_AWAY_AFTER_MINUTES: '45.5' }, { production: false }, 'POCKETDESK_AWAY_AFTER_MINUTES'],
  ])('fails fast on %j, naming the variable', (env, options, name) => {
    expect(() => readRuntimeConfig(env, options)).toThrow(ConfigError);
    expect(() => readRuntimeConfig(env, options)).toThrow(name);
  });
});
