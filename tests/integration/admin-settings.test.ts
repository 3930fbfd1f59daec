import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteRecord, saveRecord } from '../../src/lib/client/admin-records';
import { autoRepliesFormErrors } from '../../src/lib/client/auto-replies-draft';
import { cannedAdminRecordSchema } from '../../src/lib/client/canned-form';
import { saveChannelSettings } from '../../src/lib/client/channel-settings';
import { faqFormErrors } from '../../src/lib/client/faq-draft';
import { routingFormErrors } from '../../src/lib/client/routing-draft';
import { agentAdminRecordSchema, teamAdminRecordSchema } from '../../src/lib/client/staff-draft';
import { templateAdminRecordSchema } from '../../src/lib/client/template-form';
import { Api } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, createChannel, createTeam, PASSWORD } from '../support/seed';

// The admin screens' own save functions against a real PocketBase: what an admin may save, what everyone else is
// refused, and how the server's field errors land on the forms' inputs.
let server: RunningPocketBase;
let root: Api;
const ids: Record<string, string> = {};
const as: Record<string, PocketBase> = {};

async function signedIn(email: string): Promise<PocketBase> {
  const pb = new PocketBase(server.url);
  pb.autoCancellation(false);
  await pb.collection('agents').authWithPassword(email, PASSWORD);
  return pb;
}

beforeAll(async () => {
  server = await startPocketBase();
  root = new Api(server.url, server.superuserToken);
  ids.team = await createTeam(root, 'Front desk');
  ids.channel = await createChannel(root);
  for (const [key, role] of [
    ['admin', 'admin'],
    ['manager', 'manager'],
    ['agent', 'agent'],
  ] as const) {
    const person = await createAgent(root, { name: `The ${key}`, role, teams: [ids.team] });
    ids[key] = person.id;
    as[key] = await signedIn(person.email);
  }
  const canned = await root.create('canned_replies', { shortcut: 'hello', body: 'Hello!' });
  ids.canned = canned.body.id;
});
afterAll(async () => server?.stop());

const channel = () => root.view('channels', ids.channel).then((response) => response.body);

describe('who may save settings', () => {
  it.each(['agent', 'manager'])('refuses a %s who saves a channel’s routing, and changes nothing', async (who) => {
    const result = await saveChannelSettings(as[who]!, ids.channel, 'routing', { defaultTeamId: ids.team });
    expect(result).toMatchObject({ ok: false, reason: 'forbidden' });
    expect((await channel()).routing).toBeNull();
  });

  it('refuses an agent who creates a team', async () => {
    const result = await saveRecord(as.agent!, 'teams', null, { name: 'Agents only' }, teamAdminRecordSchema);
    expect(result.ok).toBe(false);
    expect(await root.list('teams', 'name = "Agents only"')).toEqual([]);
  });

  it.each(['agent', 'manager'])('refuses a %s who changes a colleague’s role or capacity', async (who) => {
    const target = who === 'agent' ? ids.manager! : ids.agent!;
    const result = await saveRecord(as[who]!, 'agents', target, { role: 'admin', max_open: 99 }, agentAdminRecordSchema);
    expect(result).toMatchObject({ ok: false, reason: 'forbidden' });
    expect((await root.view('agents', target)).body).toMatchObject({ role: who === 'agent' ? 'manager' : 'agent', max_open: 10 });
  });

  it('refuses an agent who raises their own capacity', async () => {
    const result = await saveRecord(as.agent!, 'agents', ids.agent!, { max_open: 500 }, agentAdminRecordSchema);
    expect(result.ok).toBe(false);
    expect((await root.view('agents', ids.agent!)).body.max_open).toBe(10);
  });

  it('refuses an agent who creates a template or deletes a canned reply', async () => {
    const template = await saveRecord(
      as.agent!,
      'templates',
      null,
      { name: 'sneaky', language: 'en', category: 'utility', parameter_format: 'named', status: 'approved', components: [{ type: 'BODY', text: 'x' }] },
      templateAdminRecordSchema,
    );
    expect(template.ok).toBe(false);
    expect(await deleteRecord(as.agent!, 'canned_replies', ids.canned!)).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(await root.list('templates', 'name = "sneaky"')).toEqual([]);
    expect((await root.view('canned_replies', ids.canned!)).status).toBe(200);
  });

  it('lets an admin save routing, an agent’s settings and a canned reply', async () => {
    expect((await saveChannelSettings(as.admin!, ids.channel!, 'routing', { defaultTeamId: ids.team })).ok).toBe(true);
    expect((await saveRecord(as.admin!, 'agents', ids.agent!, { skills: ['billing'], max_open: 4 }, agentAdminRecordSchema)).ok).toBe(true);
    expect((await saveRecord(as.admin!, 'canned_replies', ids.canned!, { title: 'Greeting' }, cannedAdminRecordSchema)).ok).toBe(true);
    expect((await channel()).routing.defaultTeamId).toBe(ids.team);
    expect((await root.view('agents', ids.agent!)).body).toMatchObject({ skills: ['billing'], max_open: 4 });
  });
});

describe("the server's field errors on the forms' inputs", () => {
  it('puts routing errors on the routing inputs', async () => {
    const result = await saveChannelSettings(as.admin!, ids.channel!, 'routing', {
      newCustomer: { agentsOffline: { teamId: 'gone' } },
      rules: [{ name: 'R', keywords: ['!!'] }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('invalid-settings');
    expect(Object.keys(routingFormErrors(result.errors)).sort()).toEqual(['agentsOffline.teamId', 'rules.0.keywords']);
  });

  it('puts auto-reply errors the device would also catch on the auto-reply inputs', async () => {
    const result = await saveChannelSettings(as.admin!, ids.channel!, 'auto_replies', {
      outOfHours: { selfService: { link: 'help.example', keywords: ['ok', 'x'.repeat(41)] } },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(autoRepliesFormErrors(result.errors)).sort()).toEqual(['outOfHours.keywords', 'outOfHours.link']);
    expect((await channel()).auto_replies).toBeNull();
  });

  it('puts FAQ errors on the FAQ inputs', async () => {
    const result = await saveChannelSettings(as.admin!, ids.channel!, 'faq', {
      entries: [{ id: 'faq:x', keywords: ['price'], answer: { type: 'text', text: 'Cheap' } }],
      buttons: { solved: 'x'.repeat(21) },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(faqFormErrors(result.errors)).sort()).toEqual(['entries.0.id', 'solvedButton']);
  });

  it('answers a taken team name and canned shortcut on their fields', async () => {
    const team = await saveRecord(as.admin!, 'teams', null, { name: 'Front desk' }, teamAdminRecordSchema);
    const canned = await saveRecord(as.admin!, 'canned_replies', null, { shortcut: 'hello', body: 'Hi again' }, cannedAdminRecordSchema);
    expect(team).toMatchObject({ ok: false, errors: { name: { code: 'not-unique' } } });
    expect(canned).toMatchObject({ ok: false, errors: { shortcut: { code: 'not-unique' } } });
  });
});
