import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteRecord, saveRecord } from '../../src/lib/client/admin-records';
import { checkLabelDraft, labelAdminRecordSchema } from '../../src/lib/client/label-draft';
import { Api } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, createChannel, createTeam, PASSWORD } from '../support/seed';

// The labels screen's own calls: who may change labels, the server's check of the same schema, and what a delete does.
let server: RunningPocketBase;
let root: Api;
const ids: Record<string, string> = {};
const as: Record<string, PocketBase> = {};

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
    const person = await createAgent(root, { name: `The ${key}`, role, teams: [ids.team], status: 'offline' });
    const pb = new PocketBase(server.url);
    pb.autoCancellation(false);
    await pb.collection('agents').authWithPassword(person.email, PASSWORD);
    as[key] = pb;
  }
});
afterAll(async () => server?.stop());

const save = (who: string, id: string | null, name: string, color = '') => {
  const checked = checkLabelDraft({ name, color, colored: color !== '' });
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return saveRecord(as[who], 'labels', id, checked.input, labelAdminRecordSchema);
};

describe('labels', () => {
  it('lets a manager create, rename and recolour a label', async () => {
    const created = await save('manager', null, 'vip', '#aa0000');
    if (!created.ok) throw new Error(JSON.stringify(created));
    const renamed = await save('manager', created.value.id, 'very-important', '#00aa00');
    expect(renamed).toMatchObject({ ok: true, value: { name: 'very-important', color: '#00aa00' } });
  });

  it('refuses an agent, and refuses a colour the app could not draw, changing nothing', async () => {
    // PocketBase answers a create its rule refuses with 400, not 403.
    expect(await save('agent', null, 'sneaky')).toMatchObject({ ok: false });
    const forged = await as.admin
      .collection('labels')
      .create({ name: 'styled', color: 'red;background:url(x)' })
      .catch((error) => error);
    expect(forged.status).toBe(400);
    expect(forged.response.data.color.code).toBe('invalid-color');
    expect(await root.list('labels', 'name = "sneaky" || name = "styled"')).toEqual([]);
  });

  it('deletes a label from every conversation and customer; the audit log keeps its name', async () => {
    const label = await save('admin', null, 'refund');
    const keep = await save('admin', null, 'keep');
    if (!label.ok || !keep.ok) throw new Error('labels');
    const contact = (await root.create('contacts', { wa_id: '15550001234', name: 'Rita', labels: [label.value.id] })).body.id;
    const conversation = (
      await root.create('conversations', { contact, channel: ids.channel, status: 'open', team: ids.team, labels: [label.value.id, keep.value.id] })
    ).body.id;

    expect(await deleteRecord(as.manager, 'labels', label.value.id)).toEqual({ ok: true, value: label.value.id });
    expect((await root.view('conversations', conversation)).body.labels).toEqual([keep.value.id]);
    expect((await root.view('contacts', contact)).body.labels).toEqual([]);
    const [entry] = await root.list('audit_log', `action = "delete" && record_id = "${label.value.id}"`);
    expect(entry.summary).toContain('refund');
  });
});
