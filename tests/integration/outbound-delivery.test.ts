import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { createAgent, PASSWORD } from '../support/seed';
import { eventually, startStack, type Stack, type WorkerProcess } from '../support/stack';

let stack: Stack;
let worker: WorkerProcess;
let agent: Api;
let agentId: string;
let seq = 0;

/** A customer writes in through the simulator and the conversation is handed to our agent. */
async function customerConversation(): Promise<{ conversationId: string; from: string }> {
  const from = `3460000${String(++seq).padStart(4, '0')}`;
  const { id: wamid } = await stack.sim.injectInbound({ from, name: `Customer ${seq}`, type: 'text', text: 'Hello, I need help', wait: true });
  const [message] = await eventually(async () => {
    const found = await stack.api.list('messages', `wamid = "${wamid}"`);
    return found.length ? found : null;
  }, 'the inbound message');
  await stack.api.update('conversations', message.conversation, { assignee: agentId });
  return { conversationId: message.conversation, from };
}

const clientId = () => `r${Math.random().toString(36).slice(2, 16).padEnd(14, '0')}`;

async function reply(conversationId: string, text: string): Promise<string> {
  const id = clientId();
  const response = await agent.create('messages', { id, conversation: conversationId, direction: 'out', author: agentId, type: 'text', text });
  if (response.status !== 200) throw new Error(JSON.stringify(response.body));
  return id;
}

const messageStatus = (id: string) => stack.api.view('messages', id).then((r) => r.body);

beforeAll(async () => {
  stack = await startStack();
  const created = await createAgent(stack.api, { name: 'Delivery Agent', teams: [stack.teamId] });
  agentId = created.id;
  agent = await stack.api.as(created.email, PASSWORD);
  worker = stack.startWorker();
});
afterAll(async () => stack?.stop());

describe('outbound delivery through the worker', () => {
  it('sends an agent reply to WhatsApp and climbs the ticks to read', async () => {
    const { conversationId, from } = await customerConversation();
    const id = await reply(conversationId, 'Hi! Happy to help.');
    const read = await eventually(async () => {
      const message = await messageStatus(id);
      return message.status === 'read' ? message : null;
    }, 'the read tick');
    expect(read.wamid).toMatch(/^wamid\./);
    expect(read.sent_at).not.toBe('');
    const sent = stack.sim.sentMessages().filter((m) => m.id === read.wamid);
    expect(sent).toHaveLength(1);
    expect(sent[0].input.replace('+', '')).toBe(from);
  });

  it('retries after a 5xx and a throughput error, then delivers once', async () => {
    const { conversationId } = await customerConversation();
    stack.sim.failNext({ code: 131000, count: 1, mode: 'sync', httpStatus: 500 });
    stack.sim.failNext({ code: 130429, count: 1, mode: 'sync' });
    const id = await reply(conversationId, 'After a hiccup');
    const sent = await eventually(
      async () => {
        const message = await messageStatus(id);
        return message.wamid ? message : null;
      },
      'the retried send',
      30_000,
    );
    expect(sent.attempts).toBeGreaterThanOrEqual(2);
    expect(stack.sim.sentMessages().filter((m) => m.id === sent.wamid)).toHaveLength(1);
  });

  it('marks a permanent failure failed with its reason and never retries it', async () => {
    const { conversationId } = await customerConversation();
    stack.sim.failNext({ code: 131026, count: 1, mode: 'sync' });
    const id = await reply(conversationId, 'Undeliverable');
    const failed = await eventually(async () => {
      const message = await messageStatus(id);
      return message.status === 'failed' ? message : null;
    }, 'the failure');
    expect(failed).toMatchObject({ error_code: 131026, error_reason: 'undeliverable', attempts: 1 });
  });

  it('surfaces an asynchronous 131047 as window-closed', async () => {
    const { conversationId } = await customerConversation();
    stack.sim.failNext({ code: 131047, count: 1, mode: 'async' });
    const id = await reply(conversationId, 'Too late?');
    const failed = await eventually(async () => {
      const message = await messageStatus(id);
      return message.status === 'failed' ? message : null;
    }, 'the async failure');
    expect(failed).toMatchObject({ error_code: 131047, error_reason: 'window-closed' });
  });

  it('downloads inbound media into the message record', async () => {
    const { id: wamid } = await stack.sim.injectInbound({ from: '34611112222', name: 'Photo sender', type: 'image', text: 'The broken part', wait: true });
    const stored = await eventually(async () => {
      const [message] = await stack.api.list('messages', `wamid = "${wamid}"`);
      return message?.media_status === 'stored' ? message : null;
    }, 'the stored photo');
    expect(stored.media).not.toBe('');
    expect(stored.media_size).toBeGreaterThan(0);
    expect(stored.text).toBe('The broken part');
  });

  it('re-resolves an expired media URL once and still stores the file', async () => {
    stack.sim.expireMediaUrls();
    const { id: wamid } = await stack.sim.injectInbound({ from: '34611113333', name: 'Voice sender', type: 'audio', voice: true, wait: true });
    const stored = await eventually(async () => {
      const [message] = await stack.api.list('messages', `wamid = "${wamid}"`);
      return message?.media_status === 'stored' ? message : null;
    }, 'the stored voice note');
    expect(stored.payload).toBeTruthy();
  });

  it('sends everything exactly once when the worker is killed mid-queue and restarted', async () => {
    const { conversationId } = await customerConversation();
    await worker.kill('SIGKILL');
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await reply(conversationId, `Queued while down #${i}`));
    worker = stack.startWorker();
    // Kill it again as soon as the first message went out, so the rest is picked up by a third worker.
    await eventually(async () => (await Promise.all(ids.map(messageStatus))).some((m) => m.wamid), 'the first send');
    await worker.kill('SIGKILL');
    worker = stack.startWorker();
    const done = await eventually(
      async () => {
        const messages = await Promise.all(ids.map(messageStatus));
        return messages.every((m) => m.wamid && m.status !== 'sending' && m.status !== 'queued') ? messages : null;
      },
      'every queued reply sent',
      60_000,
    );
    for (const message of done)
      expect(
        stack.sim.sentMessages().filter((m) => m.preview === message.text),
        message.text,
      ).toHaveLength(1);
  });
});
