import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { superuserUpsertArgs } from '../../scripts/pocketbase-args.mjs';
import { pocketBaseBinary, projectRoot } from '../../scripts/pocketbase-paths.mjs';
import { Api } from '../support/api';
import { freePort } from '../support/pocketbase';
import { eventually } from '../support/stack';

// `npm start` as a newcomer runs it: the whole product with the simulator and demo data, on a fresh data dir.
let child: ChildProcess;
let output = '';
let dataDir: string;
let url: string;
let simulatorUrl: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pocketdesk-start-'));
  const port = await freePort();
  const simulatorPort = await freePort();
  url = `http://127.0.0.1:${port}`;
  simulatorUrl = `http://127.0.0.1:${simulatorPort}`;
  child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      POCKETDESK_DATA: dataDir,
      POCKETDESK_HTTP: `127.0.0.1:${port}`,
      SIMULATOR_PORT: String(simulatorPort),
      WHATSAPP_ACCESS_TOKEN: '',
      POCKETDESK_TRUSTED_PROXY: 'X-Real-IP',
      POCKETDESK_CORS_ORIGINS: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  await eventually(async () => output.includes('Press Ctrl-C to stop.'), `npm start to come up:\n${output}`, 90_000);
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGINT');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('prints the URLs, a generated superuser and the demo logins', () => {
    expect(output).toContain(`agent app      ${url}/`);
    expect(output).toMatch(/superuser\s+admin@pocketdesk\.local \/ \S+/);
    expect(output).toContain('ben@demo.pocketdesk / pocketdesk-demo');
  });

  it('prints only what a person needs: no build output, no process chatter, the log file for the rest', () => {
    const lines = output.trimEnd().split('\n');
    expect(lines.filter((line) => /tsconfig|modules transformed|built in|npm run preview|SELECT |\| /.test(line))).toEqual([]);
    // Build notices, the URLs, the superuser, the demo logins, the log file and how to stop.
    expect(lines.length).toBeLessThanOrEqual(25);
    const logFile = join(dataDir, 'logs', 'pocketdesk.log');
    expect(output).toContain(`Logs: ${logFile}`);
    expect(existsSync(logFile)).toBe(true);
    expect(readFileSync(logFile, 'utf8')).toMatch(/^pocketbase\| .*Server started/m);
  });

  it('serves the PWA and the admin UI on the same origin', async () => {
    const app = await fetch(`${url}/conversations/anything`);
    expect(app.status).toBe(200);
    expect(await app.text()).toContain('<html');
    expect((await fetch(`${url}/_/`)).status).toBe(200);
  });

  it('answers cross-origin calls from its own origin only', async () => {
    const preflight = (origin: string) =>
      fetch(`${url}/api/collections/agents/auth-with-password`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    expect((await preflight(url)).headers.get('access-control-allow-origin')).toBe(url);
    expect((await preflight('https://elsewhere.example')).headers.get('access-control-allow-origin')).toBeNull();
    const health = await fetch(`${url}/api/health`, { headers: { origin: 'https://elsewhere.example' } });
    expect(health.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('applies POCKETDESK_TRUSTED_PROXY to PocketBase’s settings', async () => {
    const [, email, password] = /superuser\s+(\S+) \/ (\S+)/.exec(output)!;
    const auth = await new Api(url, '').request('POST', '/api/collections/_superusers/auth-with-password', { identity: email, password });
    const settings = await new Api(url, auth.body.token).request('GET', '/api/settings');
    expect(settings.body.trustedProxy).toEqual({ headers: ['X-Real-IP'], useLeftmostIP: false });
  });

  it('lets a demo agent sign in and receive a simulated customer’s message, and delivers the reply', async () => {
    const anonymous = new Api(url, '');
    const ana = await anonymous.as('ana@demo.pocketdesk', 'pocketdesk-demo');
    const injected = await fetch(`${simulatorUrl}/_sim/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '34699000111', name: 'Smoke Test', type: 'text', text: 'Is my order on its way?', wait: true }),
    }).then((r) => r.json() as Promise<{ firstAttempt: { statusCode: number } }>);
    expect(injected.firstAttempt.statusCode).toBe(200);
    const conversation = await eventually(async () => {
      const found = await ana.list('conversations', `last_message_preview = "Is my order on its way?"`);
      return found[0];
    }, 'the conversation in the admin’s view');
    // Colleagues' e-mails are not visible (emailVisibility off), so ask who we are rather than filter by e-mail.
    const me = (await ana.request('POST', '/api/collections/agents/auth-refresh')).body.record;
    if (conversation.assignee !== me.id)
      expect((await ana.request('POST', `/api/pocketdesk/conversations/${conversation.id}/assign`, { action: 'assign', agentId: me.id })).status).toBe(200);
    const reply = await ana.create('messages', { conversation: conversation.id, direction: 'out', author: me.id, type: 'text', text: 'Yes, it ships today!' });
    expect(reply.status).toBe(200);
    await eventually(async () => {
      const state = (await fetch(`${simulatorUrl}/_sim/state`).then((r) => r.json())) as { sentMessages: Array<{ preview: string }> };
      return state.sentMessages.some((m: { preview: string }) => m.preview.includes('Yes, it ships today!'));
    }, 'the reply at the simulator');
  });

  it('stops every child cleanly on Ctrl-C', async () => {
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    expect(output).toContain('stopping…');
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
    await expect(fetch(`${simulatorUrl}/`)).rejects.toThrow();
  });
});

describe('superuser passwords on PocketBase’s command line', () => {
  it('keeps a password that starts with a dash a value, not a flag', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'pocketdesk-upsert-'));
    try {
      const config = { dataDir: scratch, migrationsDir: join(projectRoot, 'pb_migrations'), hooksDir: join(scratch, 'hooks') };
      const run = spawnSync(pocketBaseBinary(), superuserUpsertArgs(config, 'dash@pocketdesk.test', '-dash-leading-password'), { encoding: 'utf8' });
      expect(`${run.stdout}${run.stderr}`).toContain('Successfully saved superuser');
      expect(run.status).toBe(0);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
