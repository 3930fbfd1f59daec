// Customers writing in, the way Meta delivers them, and the admin moves the tests need (assignment, time travel).
import { Api } from '../support/api';
import { eventually } from '../support/stack';
import { postWebhook, textWebhook } from '../support/webhook-client';

let counter = 0;

/** A unique phone number and message id per call, so tests never share a conversation. */
function nextIdentity(): { from: string; wamid: string } {
  counter += 1;
  const stamp = `${Date.now() % 1_000_000}${counter}`.padStart(8, '0');
  return { from: `1555${stamp}`, wamid: `wamid.e2e.${stamp}.${Math.random().toString(36).slice(2, 8)}` };
}

/** A customer writes to the shop (or to the channel of `pnid`); resolves once the message is in its conversation. */
export async function customerWrites(
  api: Api,
  opts: { name: string; text: string; from?: string; pnid?: string },
): Promise<{ conversationId: string; from: string }> {
  const identity = nextIdentity();
  const from = opts.from ?? identity.from;
  const response = await postWebhook(api.url, JSON.stringify(textWebhook({ pnid: opts.pnid, from, wamid: identity.wamid, text: opts.text, name: opts.name })));
  if (response.status !== 200) throw new Error(`webhook: ${response.status} ${response.text}`);
  const message = await storedMessage(api, identity.wamid);
  return { conversationId: message.conversation, from };
}

/**
 * The message of `wamid` once the desk has applied its webhook. Acknowledged means stored, not yet applied: behind a
 * waiting event, or while a worker holding an intent model listens, it is applied on the worker's or the minute
 * cron's next pass, so a test that reads it once right after the acknowledgement fails now and then.
 */
export function storedMessage(api: Api, wamid: string): Promise<any> {
  return eventually(async () => (await api.list('messages', `wamid = "${wamid}"`))[0], `the message ${wamid} stored`, 90_000);
}

export async function assign(api: Api, conversationId: string, agentId: string): Promise<void> {
  const response = await api.update('conversations', conversationId, { assignee: agentId });
  if (response.status !== 200) throw new Error(`assign: ${response.status} ${JSON.stringify(response.body)}`);
}

/** Moves the customer's last message back in time, e.g. to close the 24 h window. */
export async function setLastInbound(api: Api, conversationId: string, at: Date): Promise<void> {
  const response = await api.update('conversations', conversationId, { last_inbound_at: at.toISOString().replace('T', ' ') });
  if (response.status !== 200) throw new Error(`last_inbound_at: ${response.status} ${JSON.stringify(response.body)}`);
}

/** A conversation of a new customer, already assigned to the agent. */
export async function assignedConversation(api: Api, agentId: string, name: string, text: string): Promise<string> {
  const { conversationId } = await customerWrites(api, { name, text });
  await assign(api, conversationId, agentId);
  return conversationId;
}
