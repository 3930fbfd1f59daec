import { describe, expect, it } from 'vitest';
import { EnvError, parseSimulatorEnv, parseTemplatesFile, toSimulatorOptions } from './cli-env';

const SECRETS = { WHATSAPP_APP_SECRET: 's', WHATSAPP_ACCESS_TOKEN: 't', WHATSAPP_VERIFY_TOKEN: 'v' };

describe('parseSimulatorEnv', () => {
  it('fills in the documented defaults', () => {
    const env = parseSimulatorEnv(SECRETS);
    expect(env).toMatchObject({
      SIMULATOR_PORT: 8091,
      SIMULATOR_WEBHOOK_URL: 'http://127.0.0.1:8090/api/whatsapp/webhook',
      WHATSAPP_GRAPH_VERSION: 'v25.0',
      SIMULATOR_PHONE_NUMBER_ID: '106540352242922',
      SIMULATOR_DISPLAY_PHONE_NUMBER: '15550783881',
      SIMULATOR_TIME_SCALE: 1,
      SIMULATOR_CUSTOMERS: 'on',
    });
    expect(toSimulatorOptions(env, undefined)).toMatchObject({ port: 8091, scriptedCustomers: true, channels: [{ phoneNumberId: '106540352242922' }] });
  });

  it('names every bad or missing variable', () => {
    expect(() => parseSimulatorEnv({ WHATSAPP_APP_SECRET: 's', SIMULATOR_PORT: 'eighty', SIMULATOR_CUSTOMERS: 'yes' })).toThrow(EnvError);
    try {
      parseSimulatorEnv({ WHATSAPP_APP_SECRET: 's', SIMULATOR_PORT: 'eighty', SIMULATOR_CUSTOMERS: 'yes' });
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ['SIMULATOR_PORT', 'SIMULATOR_CUSTOMERS', 'WHATSAPP_ACCESS_TOKEN', 'WHATSAPP_VERIFY_TOKEN']) expect(message).toContain(name);
      expect(message).not.toContain('WHATSAPP_APP_SECRET');
    }
  });

  it('treats empty variables as unset', () => {
    expect(parseSimulatorEnv({ ...SECRETS, SIMULATOR_PORT: '', SIMULATOR_TEMPLATES: '' }).SIMULATOR_PORT).toBe(8091);
  });

  it('rejects a webhook URL that is not http(s)', () => {
    expect(() => parseSimulatorEnv({ ...SECRETS, SIMULATOR_WEBHOOK_URL: 'ftp://x/y' })).toThrow(/SIMULATOR_WEBHOOK_URL/);
  });
});

describe('parseTemplatesFile', () => {
  it('reads a JSON array of templates', () => {
    const text = JSON.stringify([{ name: 'promo', language: 'en_US', category: 'marketing', parameterFormat: 'positional', parameterCount: 1 }]);
    expect(parseTemplatesFile(text, 't.json')[0]?.name).toBe('promo');
  });

  it('names the file and field that are wrong', () => {
    const text = JSON.stringify([{ name: 'named', language: 'en', category: 'utility', parameterFormat: 'named', parameterCount: 2, parameterNames: ['a'] }]);
    expect(() => parseTemplatesFile(text, 't.json')).toThrow(/SIMULATOR_TEMPLATES: t\.json: 0\.parameterNames/);
    expect(() => parseTemplatesFile('{', 'bad.json')).toThrow(/bad\.json is not JSON/);
  });
});
