import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pocketBaseBinary, projectRoot } from '../../scripts/pocketbase-paths.mjs';
import { Api } from '../support/api';
import { startPocketBase, TEST_SECRET_KEY } from '../support/pocketbase';
import { createAgent, createChannel, PASSWORD } from '../support/seed';
import { eventually, startStack, type Stack } from '../support/stack';

// The desk's own settings (one `desk_settings` row): the business name customers are greeted with and the desk's
// time zone, changed by admins only and checked with the app's schema; existing desks start from their first channel.
const DESK = 'desksettings001';
let stack: Stack;
let admin: Api;
let agent: Api;
let agentId = '';
let seq = 0;

beforeAll(async () => {
  stack = await startStack();
  // A fresh install's automation: the greeting is on.
  await stack.api.update('channels', stack.channelId, { routing: {}, auto_replies: {} });
  const a = await createAgent(stack.api, { name: 'Desk Admin', role: 'admin', teams: [stack.teamId], status: 'offline' });
  const g = await createAgent(stack.api, { name: 'Desk Agent', teams: [stack.teamId], status: 'offline' });
  admin = await stack.api.as(a.email, PASSWORD);
  agent = await stack.api.as(g.email, PASSWORD);
  agentId = g.id;
  stack.startWorker();
}, 90_000);
afterAll(async () => stack?.stop());

/** A new customer writes; answers what their phone received. */
async function greetingFor(name: string): Promise<string[]> {
  const from = `2336000${String(++seq).padStart(4, '0')}`;
  const { id } = await stack.sim.injectInbound({ from, name, type: 'text', text: 'Hello', wait: true });
  const [message] = await stack.api.list('messages', `wamid = "${id}"`);
  const replies = await stack.api.list('messages', `conversation = "${message.conversation}" && direction = "out"`, 'created');
  return eventually(async () => {
    const sent = await Promise.all(replies.map(async (reply) => (await stack.api.view('messages', reply.id)).body.wamid as string));
    const atPhone = sent.map((wamid) => stack.sim.sentMessages().find((m) => m.id === wamid && (m.waId === from || m.input === from)));
    return atPhone.length > 0 && atPhone.every((m) => m !== undefined) ? atPhone.map((m) => m!.preview) : null;
  }, `the greeting delivered to ${from}`);
}

describe('the desk’s settings', () => {
  it('refuses an empty business name or an unknown time zone beside the field, and changes nothing', async () => {
    const before = (await admin.view('desk_settings', DESK)).body;
    const empty = await admin.update('desk_settings', DESK, { business_name: '   ', timezone: 'Europe/Madrid' });
    expect(empty.status).toBe(400);
    expect(empty.body.data.business_name.code).toBe('business-name-required');
    const unknown = await admin.update('desk_settings', DESK, { business_name: 'Corner Shop', timezone: 'Mars/Olympus' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.data.timezone.code).toBe('unknown-timezone');
    expect((await admin.view('desk_settings', DESK)).body).toMatchObject({ business_name: before.business_name, timezone: before.timezone });
    // Agents read it (the app's header) but never change it.
    expect((await agent.view('desk_settings', DESK)).status).toBe(200);
    expect((await agent.update('desk_settings', DESK, { business_name: 'Mine now' })).status).toBe(404);
  });

  it('greets a new customer with the business name an admin sets', async () => {
    // Nothing named yet: the channel's own name stands in.
    expect(await greetingFor('Kofi')).toEqual(["Hi Kofi! Thanks for writing to Shop. Nobody is available right now, but we'll reply as soon as we can."]);
    const saved = await admin.update('desk_settings', DESK, { business_name: '  Corner Shop ', timezone: 'UTC' });
    expect(saved.status).toBe(200);
    expect(saved.body.business_name).toBe('Corner Shop');
    expect(await greetingFor('Ama')).toEqual(["Hi Ama! Thanks for writing to Corner Shop. Nobody is available right now, but we'll reply as soon as we can."]);
    const entries = await stack.api.list('audit_log', `collection_name = "desk_settings"`);
    expect(entries.map((entry) => entry.summary)).toContain('Desk Admin: update desk_settings Corner Shop');
  });

  it('gives a shift schedule without its own zone the desk’s time zone', async () => {
    const shifts = { weekly: { mon: [{ start: '09:00', end: '17:00' }] } };
    expect((await admin.update('desk_settings', DESK, { business_name: 'Corner Shop', timezone: 'America/Bogota' })).status).toBe(200);
    expect((await agent.request('POST', `/api/pocketdesk/agents/${agentId}/shift-schedule`, { schedule: shifts })).status).toBe(200);
    expect((await stack.api.view('agents', agentId)).body.shift_schedule.timezone).toBe('America/Bogota');
    expect((await admin.update('desk_settings', DESK, { business_name: 'Corner Shop', timezone: 'Asia/Tokyo' })).status).toBe(200);
    expect((await agent.request('POST', `/api/pocketdesk/agents/${agentId}/shift-schedule`, { schedule: shifts })).status).toBe(200);
    expect((await stack.api.view('agents', agentId)).body.shift_schedule.timezone).toBe('Asia/Tokyo');
  });
});

describe('an existing desk', () => {
  it('starts with its first channel’s name and its time zone, and keeps every channel on', async () => {
    const pb = await startPocketBase();
    try {
      const root = new Api(pb.url, pb.superuserToken);
      await createChannel(root, { name: 'Tienda Sol', timezone: 'Europe/Madrid' });
      await createChannel(root, { name: 'Second line', phone_number_id: '106540352242999', timezone: 'Asia/Tokyo' });
      // Back to the schema before this change (channels had `active`, no desk settings), then up again: down by
      // every migration from desk settings on, however many later ones there are.
      await pb.halt();
      const migrationsDir = join(projectRoot, 'pb_migrations');
      const since = readdirSync(migrationsDir).filter((name) => /^\d+_.*\.js$/.test(name) && name >= '1764009100_create_desk_settings.js').length;
      const dirs = [`--dir=${pb.dataDir}`, `--migrationsDir=${migrationsDir}`, `--hooksDir=${join(projectRoot, 'pb_hooks')}`];
      execFileSync(pocketBaseBinary(), ['migrate', 'down', String(since), ...dirs], {
        encoding: 'utf8',
        input: 'y\n',
        stdio: 'pipe',
        env: { ...process.env, POCKETDESK_SECRET_KEY: TEST_SECRET_KEY },
      });
      const sql = (query: string) => execFileSync('sqlite3', [join(pb.dataDir, 'data.db'), query], { encoding: 'utf8' }).trim();
      expect(sql("SELECT count(*) FROM sqlite_master WHERE name = 'desk_settings'")).toBe('0');
      expect(sql('SELECT group_concat(active) FROM channels')).toBe('1,1');
      const again = await startPocketBase({}, pb.dataDir);
      try {
        const api = new Api(again.url, again.superuserToken);
        expect((await api.view('desk_settings', DESK)).body).toMatchObject({ business_name: 'Tienda Sol', timezone: 'Europe/Madrid' });
        const channels = await api.list('channels');
        expect(channels.map((c) => [c.name, c.disabled, 'active' in c])).toEqual([
          ['Tienda Sol', false, false],
          ['Second line', false, false],
        ]);
      } finally {
        await again.stop();
      }
    } finally {
      await pb.stop();
    }
  });
});
