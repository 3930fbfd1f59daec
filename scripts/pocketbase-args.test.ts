import { describe, expect, it } from 'vitest';
import { generatePassword, serveArgs, superuserUpsertArgs } from './pocketbase-args.mjs';
import { readRuntimeConfig } from './runtime-config.mjs';

const demo = readRuntimeConfig({ POCKETDESK_HTTP: '127.0.0.1:9100' }, { production: false });

describe('generatePassword', () => {
  it('never starts with a dash, over many draws', () => {
    const drawn = Array.from({ length: 2000 }, () => generatePassword());
    expect(drawn.filter((password) => password.startsWith('-'))).toEqual([]);
    expect(new Set(drawn).size).toBe(drawn.length);
    expect(drawn.every((password) => /^[0-9a-f]{36}$/.test(password))).toBe(true);
  });
});

describe('superuserUpsertArgs', () => {
  it('puts the e-mail and password after "--", so neither can be read as a flag', () => {
    const args = superuserUpsertArgs(demo, 'admin@pocketdesk.local', '-hooksDir=/evil');
    expect(args.slice(-3)).toEqual(['--', 'admin@pocketdesk.local', '-hooksDir=/evil']);
    expect(args.slice(0, -3).every((arg) => arg === 'superuser' || arg === 'upsert' || /^--\w+=/.test(arg))).toBe(true);
  });
});

describe('serveArgs', () => {
  it('passes every value in --name=value form and limits CORS to the own origin by default', () => {
    const args = serveArgs(demo);
    expect(args).toContain('--origins=http://127.0.0.1:9100');
    expect(args.slice(1).every((arg) => /^--\w+=/.test(arg))).toBe(true);
  });

  it('allows the listed origins and turns off hook watching and automigrate in production', () => {
    const listed = readRuntimeConfig(
      {
        POCKETDESK_CORS_ORIGINS: 'https://desk.example.com,https://intranet.example.com',
        WHATSAPP_APP_SECRET: 's',
        WHATSAPP_VERIFY_TOKEN: 'v',
        WHATSAPP_ACCESS_TOKEN: 't',
      },
      { production: true },
    );
    const args = serveArgs(listed);
    expect(args).toContain('--origins=https://desk.example.com,https://intranet.example.com');
    expect(args).toEqual(expect.arrayContaining(['--hooksWatch=false', '--automigrate=false']));
  });

  it('never starts PocketBase in dev mode (every SQL statement logged) unless POCKETDESK_PB_DEV=1 asks', () => {
    expect(serveArgs(demo, {})).toContain('--dev=false');
    expect(serveArgs(demo, { POCKETDESK_PB_DEV: '1' })).toContain('--dev=true');
  });
});
