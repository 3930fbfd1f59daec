import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, createChannel, createTeam, PASSWORD } from '../support/seed';
import { postWebhook, textWebhook } from '../support/webhook-client';

let pb: RunningPocketBase;
let root: Api;
let admin: Api;
let agent: Api;
let adminId: string;
let agentId: string;
let channelId: string;

beforeAll(async () => {
  pb = await startPocketBase();
  root = new Api(pb.url, pb.superuserToken);
  const team = await createTeam(root, 'Audit team');
  channelId = await createChannel(root, { default_team: team });
  const a = await createAgent(root, { name: 'Audit Admin', role: 'admin', teams: [team] });
  const b = await createAgent(root, { name: 'Audit Agent', teams: [team] });
  adminId = a.id;
  agentId = b.id;
  admin = await root.as(a.email, PASSWORD);
  agent = await root.as(b.email, PASSWORD);
});
afterAll(async () => pb?.stop());

describe('audit trail', () => {
  it('records settings and role changes with who made them, without secrets', async () => {
    expect((await admin.update('channels', channelId, { name: 'Renamed line', access_token: 'super-secret' })).status).toBe(200);
    expect((await admin.update('agents', agentId, { role: 'manager' })).status).toBe(200);
    const rows = await root.list('audit_log', '', '-created');
    const channelRow = rows.find((row) => row.collection_name === 'channels' && row.action === 'update');
    expect(channelRow.actor).toBe(adminId);
    expect(channelRow.changes.name).toEqual({ from: 'Shop', to: 'Renamed line' });
    expect(JSON.stringify(rows)).not.toContain('super-secret');
    expect(rows.find((row) => row.collection_name === 'agents' && row.record_id === agentId)?.changes.role).toEqual({ from: 'agent', to: 'manager' });
  });

  it('records manual assignments with who made them; automatic routing is explained in routing_events', async () => {
    await postWebhook(pb.url, JSON.stringify(textWebhook({ from: '34677000001', name: 'Audited', wamid: 'wamid.audit.1', text: 'hi' })));
    const [conversation] = await root.list('conversations', 'contact.wa_id = "34677000001"');
    expect(await root.list('routing_events', `conversation = "${conversation.id}"`)).toHaveLength(1);
    const target = conversation.assignee === agentId ? adminId : agentId;
    expect((await admin.request('POST', `/api/pocketdesk/conversations/${conversation.id}/assign`, { action: 'assign', agentId: target })).status).toBe(200);
    const [row] = await root.list('audit_log', `action = "assign" && record_id = "${conversation.id}"`);
    expect(row).toMatchObject({ actor: adminId, actor_kind: 'agent' });
    expect(row.changes.assignee.to).toBe(target);
  });

  it('is readable by admins only and cannot be written or deleted through the API', async () => {
    const [row] = await root.list('audit_log');
    expect((await admin.request('GET', '/api/collections/audit_log/records')).body.items.length).toBeGreaterThan(0);
    expect((await agent.request('GET', '/api/collections/audit_log/records')).body.items).toEqual([]);
    expect((await admin.create('audit_log', { action: 'forged', actor_kind: 'agent' })).status).toBe(403);
    expect((await admin.update('audit_log', row.id, { action: 'tampered' })).status).toBe(403);
    expect((await admin.delete('audit_log', row.id)).status).toBe(403);
  });

  it('does not record a request the guards refused', async () => {
    const before = (await root.list('audit_log')).length;
    expect((await admin.update('channels', channelId, { timezone: 'Nowhere/Land' })).status).toBe(400);
    expect((await root.list('audit_log')).length).toBe(before);
  });
});

describe('customer data requests', () => {
  let photoMessageId = '';
  let photoName = '';
  /** Fetches a stored message file the way an authorised client would (protected files need a file token). */
  const photoStatus = async () => {
    const { body } = await root.request('POST', '/api/files/token');
    return (await fetch(`${pb.url}/api/files/messages/${photoMessageId}/${photoName}?token=${body.token}`)).status;
  };

  it('exports everything about one customer as a file, for admins only', async () => {
    await postWebhook(
      pb.url,
      JSON.stringify(textWebhook({ from: '34688000001', name: 'Private Pat', wamid: 'wamid.gdpr.1', text: 'my address is 1 Secret Street' })),
    );
    const [contact] = await root.list('contacts', 'wa_id = "34688000001"');
    expect((await agent.request('GET', `/api/pocketdesk/contacts/${contact.id}/export`)).status).toBe(403);
    const exported = await admin.request('GET', `/api/pocketdesk/contacts/${contact.id}/export`);
    expect(exported.status).toBe(200);
    expect(exported.body.contact.name).toBe('Private Pat');
    expect(exported.body.conversations[0].messages[0].text).toBe('my address is 1 Secret Street');
  });

  it('embeds the customer’s media files in the export, byte for byte', async () => {
    const [contact] = await root.list('contacts', 'wa_id = "34688000001"');
    const [message] = await root.list('messages', 'wamid = "wamid.gdpr.1"');
    const photo = Buffer.from(Array.from({ length: 1500 }, (_, i) => (i * 7) % 256));
    const form = new FormData();
    form.set('media', new Blob([photo], { type: 'image/jpeg' }), 'receipt.jpg');
    form.set('media_mime', 'image/jpeg');
    const uploaded = await fetch(`${pb.url}/api/collections/messages/records/${message.id}`, {
      method: 'PATCH',
      headers: { Authorization: pb.superuserToken },
      body: form,
    });
    expect(uploaded.status).toBe(200);

    const exported = await admin.request('GET', `/api/pocketdesk/contacts/${contact.id}/export`);
    const withFile = exported.body.conversations
      .flatMap((c: { messages: Array<Record<string, any>> }) => c.messages)
      .find((m: Record<string, any>) => m.id === message.id);
    photoMessageId = message.id;
    photoName = withFile.media_file.name;
    expect(await photoStatus()).toBe(200);
    expect(withFile.media_file.mime).toBe('image/jpeg');
    expect(withFile.media_file.name).toMatch(/^receipt.*\.jpg$/);
    expect(Buffer.from(withFile.media_file.base64, 'base64').equals(photo)).toBe(true);
  });

  it('erases personal data, keeps anonymous counts and leaves an audit row', async () => {
    const [contact] = await root.list('contacts', 'wa_id = "34688000001"');
    const conversationsBefore = await root.list('conversations', `contact = "${contact.id}"`);
    // A message of theirs acknowledged but still waiting behind another (queued for replay) must not bring data back.
    const ahead = JSON.stringify(textWebhook({ from: '34688000999', wamid: 'wamid.erase.ahead', text: 'someone else' }));
    await root.create('webhook_events', { raw: ahead, body_hash: createHash('sha256').update(ahead).digest('hex'), status: 'pending', attempts: 0 });
    const waiting = await postWebhook(
      pb.url,
      JSON.stringify(textWebhook({ from: '34688000001', wamid: 'wamid.erase.waiting', text: 'My new address is Secret Street 2' })),
    );
    expect(waiting.body).toMatchObject({ duplicate: false, applied: false });
    expect((await admin.request('POST', `/api/pocketdesk/contacts/${contact.id}/erase`)).status).toBe(200);
    await root.request('POST', '/api/pocketdesk/worker/apply-webhooks', {});
    expect(await root.list('messages', 'wamid = "wamid.erase.ahead"')).toHaveLength(1);
    expect(await root.list('messages', 'wamid = "wamid.erase.waiting"')).toHaveLength(0);
    expect((await root.request('GET', '/api/pocketdesk/webhooks/backlog')).body.pending).toBe(0);
    const erased = (await root.view('contacts', contact.id)).body;
    expect(erased).toMatchObject({ name: 'Erased customer', wa_id: '' });
    expect(await root.list('conversations', `contact = "${contact.id}"`)).toHaveLength(conversationsBefore.length);
    const messages = await root.list('messages', `conversation = "${conversationsBefore[0].id}"`);
    expect(messages.every((m) => m.text === '')).toBe(true);
    // The photo uploaded in the export test is gone from storage too, not only unlinked.
    expect(messages.every((m) => m.media === '')).toBe(true);
    expect(await photoStatus()).toBe(404);
    expect(JSON.stringify(await root.list('webhook_events'))).not.toContain('Secret Street');
    expect(await root.list('audit_log', `action = "erase" && record_id = "${contact.id}"`)).toHaveLength(1);
  });
});
