// A signed delivery is handled part by part: each message, status and other change is validated and applied on
// its own, so one bad part never sinks the rest of its batch, and nothing signed is refused for its content.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { CHANNEL_PNID, createChannel, createTeam } from '../support/seed';
import { postWebhook } from '../support/webhook-client';

let pb: RunningPocketBase;
let api: Api;

beforeAll(async () => {
  pb = await startPocketBase();
  api = new Api(pb.url, pb.superuserToken);
  await createChannel(api, { default_team: await createTeam(api, 'Support') });
});
afterAll(async () => pb?.stop());

const nextTimestamp = (() => {
  let at = 1_764_000_000;
  return () => String(at++);
})();

interface Customer {
  waId: string;
  name: string;
}
function textMessage(from: string, wamid: string, text: string): Record<string, unknown> {
  return { from, id: wamid, timestamp: nextTimestamp(), type: 'text', text: { body: text } };
}
/** One change carrying several customers' messages, the way Meta batches them. */
function batch(customers: Customer[], messages: Record<string, unknown>[]): string {
  const value = {
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: '15550783881', phone_number_id: CHANNEL_PNID },
    contacts: customers.map((c) => ({ profile: { name: c.name }, wa_id: c.waId })),
    messages,
  };
  return JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: 'WABA', changes: [{ field: 'messages', value }] }] });
}
const hashOf = (raw: string) => createHash('sha256').update(raw).digest('hex');
const eventOf = async (raw: string) => (await api.list('webhook_events', `body_hash = "${hashOf(raw)}"`))[0];
const messagesWith = (wamid: string) => api.list('messages', `wamid = "${wamid}"`);

describe('a batch with one bad part', () => {
  it('applies customer X’s message although customer Y’s profile name is 300 characters (Y’s name is cut to fit)', async () => {
    const longName = 'Y'.repeat(300);
    const raw = batch(
      [
        { waId: '34611000001', name: 'Xavier' },
        { waId: '34611000002', name: longName },
      ],
      [textMessage('34611000001', 'wamid.mixed.x', 'from X'), textMessage('34611000002', 'wamid.mixed.y', 'from Y')],
    );
    const response = await postWebhook(pb.url, raw);
    expect(response.status).toBe(200);
    expect(await messagesWith('wamid.mixed.x')).toHaveLength(1);
    expect(await messagesWith('wamid.mixed.y')).toHaveLength(1);
    const [y] = await api.list('contacts', 'wa_id = "34611000002"');
    expect(y.profile_name).toBe('Y'.repeat(200));
    // The full value stays in the stored bytes.
    expect((await eventOf(raw)).raw).toContain(longName);
  });

  it('applies customer X’s message and records Y’s as invalid when Y’s wa_id is longer than any phone number', async () => {
    const tooLong = '3'.repeat(40);
    const raw = batch(
      [
        { waId: '34611000003', name: 'Xena' },
        { waId: tooLong, name: 'Yusuf' },
      ],
      [textMessage('34611000003', 'wamid.mixed2.x', 'from X'), textMessage(tooLong, 'wamid.mixed2.y', 'from Y')],
    );
    expect((await postWebhook(pb.url, raw)).status).toBe(200);
    expect(await messagesWith('wamid.mixed2.x')).toHaveLength(1);
    expect(await messagesWith('wamid.mixed2.y')).toHaveLength(0);
    const event = await eventOf(raw);
    expect(event.status).toBe('invalid');
    expect(event.summary.invalid.map((part: { path: string }) => part.path)).toContain('entry.0.changes.0.value.messages.1');
  });
});
