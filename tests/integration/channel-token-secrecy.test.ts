import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEALED_PREFIX } from '../../src/lib/domain/secrets/sealed-secret';
import { openSecret, parseSecretKey, sealSecret } from '../../src/worker/channel-tokens';
import { Api } from '../support/api';
import { startPocketBase, TEST_SECRET_KEY, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, createChannel, createTeam, PASSWORD } from '../support/seed';
import { eventually, startStack, type Stack } from '../support/stack';
import { postWebhook, textWebhook } from '../support/webhook-client';

// Issue #13: a channel's access token is written by an admin, stored sealed, returned by no API (superusers
// included) and opened only by the worker, with the key from POCKETDESK_SECRET_KEY.

const TOKEN = 'EAAGchannel-own-token-0123456789';
const KEY = parseSecretKey(TEST_SECRET_KEY);

const sql = (pb: RunningPocketBase, query: string) => execFileSync('sqlite3', [join(pb.dataDir, 'data.db'), query], { encoding: 'utf8' }).trim();
const storedToken = (pb: RunningPocketBase, channelId: string) => sql(pb, `SELECT access_token FROM channels WHERE id = '${channelId}'`);
/** Every byte SQLite has written: the database file and its write-ahead log. */
const databaseBytes = (pb: RunningPocketBase) =>
  ['data.db', 'data.db-wal']
    .map((name) => join(pb.dataDir, name))
    .filter(existsSync)
    .map((file) => readFileSync(file).toString('latin1'))
    .join('');

describe('a channel token at rest and in answers', () => {
  let pb: RunningPocketBase;
  let root: Api;
  let admin: Api;
  let agent: Api;
  let channelId: string;

  beforeAll(async () => {
    pb = await startPocketBase();
    root = new Api(pb.url, pb.superuserToken);
    const team = await createTeam(root, 'Secrets');
    channelId = await createChannel(root, { default_team: team });
    const a = await createAgent(root, { name: 'Token Admin', role: 'admin', teams: [team] });
    const b = await createAgent(root, { name: 'Token Agent', teams: [team] });
    admin = await root.as(a.email, PASSWORD);
    agent = await root.as(b.email, PASSWORD);
    const written = await admin.update('channels', channelId, { access_token: TOKEN });
    expect(written.status, JSON.stringify(written.body)).toBe(200);
    expect(JSON.stringify(written.body)).not.toContain(TOKEN);
    expect(written.body.access_token_set).toBe(true);
    await postWebhook(pb.url, JSON.stringify(textWebhook({ from: '34611000001', name: 'Secret Keeper', wamid: 'wamid.secret.1', text: 'hello' })));
    // Routing may give the customer to either colleague; the agent must see the conversation for the expand checks.
    const [conversation] = await root.list('conversations', 'contact.wa_id = "34611000001"');
    expect((await root.update('conversations', conversation.id, { assignee: b.id })).status).toBe(200);
  });
  afterAll(async () => pb?.stop());

  it('stores what an admin wrote sealed, never in plain text, in a form the worker opens', () => {
    const stored = storedToken(pb, channelId);
    expect(stored.startsWith(SEALED_PREFIX)).toBe(true);
    expect(databaseBytes(pb)).not.toContain(TOKEN);
    expect(openSecret(stored, KEY)).toBe(TOKEN);
  });

  it('returns the token in no answer, superusers’ included: list, view, expand, create', async () => {
    const [conversation] = await root.list('conversations', 'contact.wa_id = "34611000001"');
    const answers = await Promise.all(
      [root, admin, agent].flatMap((api) => [
        api.request('GET', '/api/collections/channels/records'),
        api.view('channels', channelId),
        api.request('GET', `/api/collections/conversations/records/${conversation.id}?expand=channel`),
        api.request('GET', `/api/collections/conversations/records?expand=channel&filter=${encodeURIComponent(`id = "${conversation.id}"`)}`),
      ]),
    );
    const created = await root.create('channels', {
      name: 'Second line',
      phone_number_id: '222333444',
      display_phone_number: '15550000002',
      timezone: 'UTC',
      waba_id: '102290129340398',
      access_token: 'another-token-abc',
    });
    expect(created.status).toBe(200);
    for (const answer of [...answers, created]) {
      expect(answer.status).toBe(200);
      const text = JSON.stringify(answer.body);
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain('another-token-abc');
      expect(text).not.toContain(SEALED_PREFIX);
      expect(text).not.toContain('"access_token"');
    }
    expect(answers[1].body.access_token_set).toBe(true);
    expect(answers[2].body.expand.channel.access_token_set).toBe(true);
    expect(
      (
        await root.create('channels', {
          name: 'No token',
          phone_number_id: '222333555',
          display_phone_number: '15550000003',
          timezone: 'UTC',
          waba_id: '102290129340398',
        })
      ).body.access_token_set,
    ).toBe(false);
  });

  it('keeps the token when a channel is edited without it and clears it when written empty', async () => {
    const before = storedToken(pb, channelId);
    expect((await admin.update('channels', channelId, { name: 'Renamed' })).status).toBe(200);
    expect(storedToken(pb, channelId)).toBe(before);
    const second = (await root.list('channels', 'name = "Second line"'))[0];
    expect((await admin.update('channels', second.id, { access_token: '' })).body.access_token_set).toBe(false);
    expect(storedToken(pb, second.id)).toBe('');
  });

  it('keeps the token, plain or sealed, out of the audit log', async () => {
    const rows = JSON.stringify(await root.list('audit_log', 'collection_name = "channels"'));
    expect(rows).toContain(channelId);
    expect(rows).not.toContain(TOKEN);
    expect(rows).not.toContain(SEALED_PREFIX);
  });

  it('keeps a key file in the data dir out of PocketBase’s backups', async () => {
    writeFileSync(join(pb.dataDir, 'secret.key'), `${TEST_SECRET_KEY}\n`, { mode: 0o600 });
    expect((await root.request('POST', '/api/backups', { name: 'secrets.zip' })).status).toBe(204);
    const zip = readFileSync(join(pb.dataDir, 'backups', 'secrets.zip')).toString('latin1');
    expect(zip).toContain('data.db');
    expect(zip).not.toContain('secret.key');
  });

  it('refuses to store a token when the server has no key', async () => {
    const keyless = await startPocketBase({ POCKETDESK_SECRET_KEY: '' });
    try {
      const api = new Api(keyless.url, keyless.superuserToken);
      const refused = await api.create('channels', {
        name: 'Keyless',
        phone_number_id: '999000111',
        display_phone_number: '15550000009',
        timezone: 'UTC',
        waba_id: '102290129340398',
        access_token: TOKEN,
      });
      expect(refused.status).toBe(400);
      expect(refused.body.data.access_token.code).toBe('secret-key-missing');
      expect(databaseBytes(keyless)).not.toContain(TOKEN);
    } finally {
      await keyless.stop();
    }
  });

  it('seals a token stored in plain text before this change on the next start, and refuses to start with another key', async () => {
    await pb.crash();
    sql(pb, `UPDATE channels SET access_token = 'legacy-plain-token' WHERE id = '${channelId}'`);
    const otherSealed = sealSecret('sealed-by-node', KEY);
    const third = sql(pb, "SELECT id FROM channels WHERE name = 'No token'");
    sql(pb, `UPDATE channels SET access_token = '${otherSealed}' WHERE id = '${third}'`);

    // PocketBase opens (at its start check) what Node sealed, and seals what was plain.
    pb = await startPocketBase({}, pb.dataDir);
    const resealed = storedToken(pb, channelId);
    expect(resealed.startsWith(SEALED_PREFIX)).toBe(true);
    expect(openSecret(resealed, KEY)).toBe('legacy-plain-token');
    expect(storedToken(pb, third)).toBe(otherSealed);

    await pb.crash();
    await expect(startPocketBase({ POCKETDESK_SECRET_KEY: 'w'.repeat(32) }, pb.dataDir)).rejects.toThrow(/POCKETDESK_SECRET_KEY does not open/);
    await expect(startPocketBase({ POCKETDESK_SECRET_KEY: '' }, pb.dataDir)).rejects.toThrow(/POCKETDESK_SECRET_KEY is not set/);
    pb = await startPocketBase({}, pb.dataDir);
  });
});

describe('the worker with a channel’s own token', () => {
  const CHANNEL_TOKEN = 'EAAGworker-channel-token-987';
  let stack: Stack;

  beforeAll(async () => {
    // The simulator accepts only the channel's token: a send with the worker's default or with the sealed value fails.
    stack = await startStack({ simulatorToken: CHANNEL_TOKEN });
    expect((await stack.api.update('channels', stack.channelId, { access_token: CHANNEL_TOKEN })).status).toBe(200);
  });
  afterAll(async () => stack?.stop());

  it('does not send with a key that cannot open the token, says why, and sends with the right Bearer token once the key is right', async () => {
    const agent = await createAgent(stack.api, { name: 'Sender', teams: [stack.teamId] });
    const { id: wamid } = await stack.sim.injectInbound({ from: '34622000001', name: 'Bearer Check', type: 'text', text: 'hi', wait: true });
    const [inbound] = await eventually(async () => {
      const found = await stack.api.list('messages', `wamid = "${wamid}"`);
      return found.length ? found : null;
    }, 'the inbound message');
    await stack.api.update('conversations', inbound.conversation, { assignee: agent.id });
    const reply = await (
      await stack.api.as(agent.email, PASSWORD)
    ).create('messages', { conversation: inbound.conversation, direction: 'out', author: agent.id, type: 'text', text: 'Sent with the channel token' });
    expect(reply.status).toBe(200);

    const wrong = stack.startWorker({ POCKETDESK_SECRET_KEY: 'w'.repeat(32) });
    await eventually(async () => wrong.logs().includes('POCKETDESK_SECRET_KEY'), 'the worker to say the key is wrong');
    expect(stack.sim.sentMessages()).toHaveLength(0);
    expect((await stack.api.view('messages', reply.body.id)).body.status).toBe('queued');
    await wrong.kill();

    stack.startWorker();
    const sent = await eventually(
      async () => {
        const message = (await stack.api.view('messages', reply.body.id)).body;
        return message.wamid ? message : null;
      },
      'the send with the channel token',
      30_000,
    );
    expect(stack.sim.sentMessages().filter((m) => m.id === sent.wamid)).toHaveLength(1);
  });
});
