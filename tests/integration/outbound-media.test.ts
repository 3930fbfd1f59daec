import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../support/api';
import { createAgent, PASSWORD } from '../support/seed';
import { eventually, startStack, TEST_ACCESS_TOKEN, type Stack } from '../support/stack';

let stack: Stack;
let agent: Api;
let agentId: string;
let seq = 0;

// A real 24×24 PNG, so PocketBase, the simulator's MIME check and the byte comparison all see a genuine image.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABgAAAAYCAIAAABvFaqvAAAALElEQVR42mNQvZyGhv5jAGLUMIwaREeDyNOGqWbUIHoaNJqyR/PaqEF0MQgACcPmnf4qfi8AAAAASUVORK5CYII=',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

async function customerConversation(): Promise<string> {
  const from = `3460001${String(++seq).padStart(4, '0')}`;
  const { id: wamid } = await stack.sim.injectInbound({ from, name: `Media customer ${seq}`, type: 'text', text: 'Can you send me a photo?', wait: true });
  const [message] = await eventually(async () => {
    const found = await stack.api.list('messages', `wamid = "${wamid}"`);
    return found.length ? found : null;
  }, 'the inbound message');
  await stack.api.update('conversations', message.conversation, { assignee: agentId });
  return message.conversation;
}

const clientId = () => `m${Math.random().toString(36).slice(2, 16).padEnd(14, '0')}`;

/** What the PWA's outbox sends for an attachment: multipart with the file and the reply's fields. */
async function createAttachmentReply(fields: Record<string, string>, file: { bytes: Buffer; type: string; name: string }) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  form.set('media', new Blob([file.bytes], { type: file.type }), file.name);
  const response = await fetch(`${stack.pb.url}/api/collections/messages/records`, { method: 'POST', headers: { authorization: agent.token }, body: form });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

/** Resolves a media id the way a recipient's phone would: id → short-lived URL → bytes, with the bearer token. */
async function simulatorMediaBytes(mediaId: string): Promise<Buffer> {
  const auth = { authorization: `Bearer ${TEST_ACCESS_TOKEN}` };
  const info = (await (await fetch(`${stack.sim.url}/v25.0/${mediaId}`, { headers: auth })).json()) as { url: string };
  return Buffer.from(await (await fetch(info.url, { headers: auth })).arrayBuffer());
}

const messageOf = (id: string) => stack.api.view('messages', id).then((r) => r.body);

beforeAll(async () => {
  stack = await startStack();
  const created = await createAgent(stack.api, { name: 'Media Agent', teams: [stack.teamId] });
  agentId = created.id;
  agent = await stack.api.as(created.email, PASSWORD);
  stack.startWorker();
});
afterAll(async () => stack?.stop());

describe('outbound media through the worker', () => {
  it('uploads an agent photo to Graph, sends it by id with its caption and climbs the ticks', async () => {
    const conversation = await customerConversation();
    const id = clientId();
    const created = await createAttachmentReply(
      { id, conversation, direction: 'out', author: agentId, type: 'image', text: 'Here is the part', media_mime: 'image/png', media_filename: 'part.png' },
      { bytes: PNG, type: 'image/png', name: 'part.png' },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body).toMatchObject({ id, status: 'queued', type: 'image', media_status: 'stored', media_size: PNG.length });

    const sent = await eventually(async () => {
      const message = await messageOf(id);
      return message.wamid && message.status !== 'sending' ? message : null;
    }, 'the sent photo');
    const [request] = stack.sim.sentMessages().filter((m) => m.id === sent.wamid);
    expect(request.request).toMatchObject({ type: 'image', image: { id: sent.media_id, caption: 'Here is the part' } });
    expect((await simulatorMediaBytes(sent.media_id)).equals(PNG)).toBe(true);

    const read = await eventually(async () => {
      const message = await messageOf(id);
      return message.status === 'read' ? message : null;
    }, 'the read tick');
    expect(read.sent_at).not.toBe('');
    expect(read.delivered_at).not.toBe('');
  });

  it('sends a PDF as a document with its file name', async () => {
    const conversation = await customerConversation();
    const id = clientId();
    const created = await createAttachmentReply(
      { id, conversation, direction: 'out', author: agentId, type: 'document', text: '', media_mime: 'application/pdf', media_filename: 'invoice.pdf' },
      { bytes: PDF, type: 'application/pdf', name: 'invoice.pdf' },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const sent = await eventually(async () => {
      const message = await messageOf(id);
      return message.wamid ? message : null;
    }, 'the sent document');
    const [request] = stack.sim.sentMessages().filter((m) => m.id === sent.wamid);
    expect(request.request).toMatchObject({ type: 'document', document: { id: sent.media_id, filename: 'invoice.pdf' } });
    expect((await simulatorMediaBytes(sent.media_id)).equals(PDF)).toBe(true);
  });
});

describe('the reply guard on attachments', () => {
  const MB = 1024 * 1024;

  it.each([
    ['a photo over the 5 MB image limit', 'image', 'image/jpeg', Buffer.alloc(5 * MB + 1, 1), 'media-too-large'],
    ['a type WhatsApp does not take', 'image', 'image/gif', Buffer.from('GIF89a'), 'unsupported-media-type'],
    ['a PDF declared as a photo', 'image', 'application/pdf', PDF, 'media-type-mismatch'],
    ['a file on a text reply', 'text', 'image/png', PNG, 'unexpected-media'],
  ])('refuses %s with a stable reason and queues nothing', async (_what, type, mime, bytes, reason) => {
    const conversation = await customerConversation();
    const id = clientId();
    const created = await createAttachmentReply(
      { id, conversation, direction: 'out', author: agentId, type, text: 'caption', media_mime: mime },
      { bytes, type: mime, name: 'file.bin' },
    );
    expect(created.status).toBe(400);
    expect(created.body.reason).toBe(reason);
    expect((await messageOf(id)).status ?? 404).toBe(404);
  });

  it('refuses a photo reply without its file', async () => {
    const conversation = await customerConversation();
    const response = await agent.create('messages', { id: clientId(), conversation, direction: 'out', author: agentId, type: 'image', text: 'where is it?' });
    expect(response.status).toBe(400);
    expect(response.body.reason).toBe('missing-media');
  });

  it('ignores a media id forged by the client and uploads the file itself', async () => {
    const conversation = await customerConversation();
    const id = clientId();
    const created = await createAttachmentReply(
      { id, conversation, direction: 'out', author: agentId, type: 'image', text: '', media_mime: 'image/png', media_id: '999' },
      { bytes: PNG, type: 'image/png', name: 'x.png' },
    );
    expect(created.status).toBe(200);
    expect(created.body.media_id).toBe('');
    const sent = await eventually(async () => {
      const message = await messageOf(id);
      return message.wamid ? message : null;
    }, 'the sent photo');
    expect(sent.media_id).not.toBe('999');
    expect((await simulatorMediaBytes(sent.media_id)).equals(PNG)).toBe(true);
  });
});
