import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { createAgent, PASSWORD } from '../support/seed';
import { eventually, startStack, type Stack } from '../support/stack';

// A number an admin switched off sends nothing: agents' replies are refused with a reason, and messages already
// queued stay queued (the worker's claim skips them) until it is switched on again.

let stack: Stack;
let agent: Api;
let agentId: string;

beforeAll(async () => {
  stack = await startStack();
  const created = await createAgent(stack.api, { name: 'Switch Agent', teams: [stack.teamId] });
  agentId = created.id;
  agent = await stack.api.as(created.email, PASSWORD);
});
afterAll(async () => stack?.stop());

const clientId = () => `r${Math.random().toString(36).slice(2, 16).padEnd(14, '0')}`;
const claim = () => stack.api.request('POST', '/api/pocketdesk/worker/claim-outbound', { worker: 'test', limit: 50 });

describe('a switched-off number', () => {
  it('refuses replies and holds queued messages until it is switched on again', async () => {
    const { id: wamid } = await stack.sim.injectInbound({ from: '34655000001', name: 'Off Customer', type: 'text', text: 'Hello?', wait: true });
    const [inbound] = await eventually(async () => {
      const found = await stack.api.list('messages', `wamid = "${wamid}"`);
      return found.length ? found : null;
    }, 'the inbound message');
    const conversationId = inbound.conversation;
    await stack.api.update('conversations', conversationId, { assignee: agentId });
    // Queued while the number was on, then the admin switches it off before any worker claimed it.
    const queued = clientId();
    expect(
      (await agent.create('messages', { id: queued, conversation: conversationId, direction: 'out', author: agentId, type: 'text', text: 'On my way' })).status,
    ).toBe(200);
    expect((await stack.api.update('channels', stack.channelId, { disabled: true })).status).toBe(200);

    const refused = await agent.create('messages', {
      id: clientId(),
      conversation: conversationId,
      direction: 'out',
      author: agentId,
      type: 'text',
      text: 'Still there?',
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ reason: 'channel-disabled', data: { type: { code: 'channel-disabled' } } });
    expect((await claim()).body.items.map((m: { id: string }) => m.id)).not.toContain(queued);
    expect((await stack.api.view('messages', queued)).body.status).toBe('queued');

    expect((await stack.api.update('channels', stack.channelId, { disabled: false })).status).toBe(200);
    expect((await claim()).body.items.map((m: { id: string }) => m.id)).toContain(queued);
  });
});
