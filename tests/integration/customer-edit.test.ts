import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContactDraft, eraseCustomer, exportCustomer, saveContact } from '../../src/lib/client/customer-api';
import { Api } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, createChannel, createTeam, PASSWORD } from '../support/seed';

// A customer's details edited from a conversation's details, and an admin's data requests, through the app's calls.
let server: RunningPocketBase;
let root: Api;
const ids: Record<string, string> = {};
const as: Record<string, PocketBase> = {};

beforeAll(async () => {
  server = await startPocketBase();
  root = new Api(server.url, server.superuserToken);
  ids.front = await createTeam(root, 'Front desk');
  ids.back = await createTeam(root, 'Back office');
  ids.channel = await createChannel(root);
  for (const [key, role, team] of [
    ['admin', 'admin', ids.front],
    ['manager', 'manager', ids.front],
    ['agent', 'agent', ids.front],
    ['outsider', 'agent', ids.back],
  ] as const) {
    const person = await createAgent(root, { name: `The ${key}`, role, teams: [team], status: 'offline' });
    ids[key] = person.id;
    const pb = new PocketBase(server.url);
    pb.autoCancellation(false);
    await pb.collection('agents').authWithPassword(person.email, PASSWORD);
    as[key] = pb;
  }
  ids.contact = (await root.create('contacts', { wa_id: '15550004321', name: 'Paula', attributes: { plan: 'gold' } })).body.id;
  await root.create('conversations', { contact: ids.contact, channel: ids.channel, status: 'open', team: ids.front, assignee: ids.agent });
});
afterAll(async () => server?.stop());

const edit = (text: string, name = 'Paula Pérez', language = 'es') => {
  const checked = checkContactDraft({ name, language, attributes: text });
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.input;
};

describe('customer details', () => {
  it('lets the agent who holds the conversation edit name, language and attributes', async () => {
    const saved = await saveContact(as.agent, ids.contact, edit('plan: platinum\ncity: Sevilla'));
    expect(saved, JSON.stringify(saved)).toMatchObject({ ok: true });
    expect((await root.view('contacts', ids.contact)).body).toMatchObject({
      name: 'Paula Pérez',
      language: 'es',
      attributes: { plan: 'platinum', city: 'Sevilla' },
    });
  });

  it('refuses an agent who cannot see the customer', async () => {
    expect(await saveContact(as.outsider, ids.contact, edit('plan: none'))).toMatchObject({ ok: false, reason: 'forbidden' });
    expect((await root.view('contacts', ids.contact)).body.attributes.plan).toBe('platinum');
  });

  it('refuses what the form refuses, on the device and on the server, changing nothing', async () => {
    expect(checkContactDraft({ name: 'P', language: 'spanish!', attributes: 'no colon here' })).toMatchObject({
      ok: false,
      errors: { attributes: { code: 'invalid-attribute-line' } },
    });
    expect(checkContactDraft({ name: 'P', language: 'spanish!', attributes: '' })).toMatchObject({ ok: false, errors: { language: {} } });
    const forged = await saveContact(as.agent, ids.contact, { attributes: { 'bad{key}': 'x' }, language: 'spanish!' });
    expect(forged).toMatchObject({ ok: false, errors: { attributes: {}, language: {} } });
    expect((await root.view('contacts', ids.contact)).body.language).toBe('es');
  });

  it('lets a manager of the team change the usual agent, but not an agent', async () => {
    expect(await saveContact(as.agent, ids.contact, { owner: ids.agent })).toMatchObject({ ok: false });
    expect(await saveContact(as.manager, ids.contact, { owner: ids.agent })).toMatchObject({ ok: true });
    expect((await root.view('contacts', ids.contact)).body.owner).toBe(ids.agent);
  });
});

describe('data requests', () => {
  it('exports for admins only, and after an erasure the export holds nothing personal', async () => {
    expect(await exportCustomer(as.manager, ids.contact)).toMatchObject({ ok: false, reason: 'forbidden' });
    const before = await exportCustomer(as.admin, ids.contact);
    expect(before.ok && before.value).toContain('15550004321');
    expect(await eraseCustomer(as.manager, ids.contact)).toMatchObject({ ok: false });
    expect(await eraseCustomer(as.admin, ids.contact)).toMatchObject({ ok: true });
    const after = await exportCustomer(as.admin, ids.contact);
    if (!after.ok) throw new Error('export');
    for (const personal of ['15550004321', 'Paula', 'Sevilla', 'platinum']) expect(after.value).not.toContain(personal);
    const entries = await root.list('audit_log', `collection_name = "contacts" && record_id = "${ids.contact}"`, 'created');
    expect(entries.map((e: { summary: string }) => e.summary).join('\n')).toContain('The admin');
  });
});
