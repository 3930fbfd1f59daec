// Issue #19: WhatsApp Coexistence and the webhook fields beyond `messages`, each applied through the signed webhook
// route against a real PocketBase: echoes from the Business app, template reviews, marketing opt-outs, customers'
// edits and deletes, ads, groups, the Business app's contacts, calls and value-level errors. Duplicates and
// out-of-order arrival included; every signed body is answered 200 whatever its content.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { CHANNEL_PNID, createAgent, createChannel, createTeam, PASSWORD } from '../support/seed';
import { fixture, postWebhook, textWebhook } from '../support/webhook-client';

let pb: RunningPocketBase;
let api: Api;
let channelId: string;
let owner: { id: string; email: string };
let agent: { id: string; email: string };

beforeAll(async () => {
  pb = await startPocketBase();
  api = new Api(pb.url, pb.superuserToken);
  const team = await createTeam(api, 'Support');
  // Offline: routing queues customers' tickets instead of handing them out, so the unassigned queue is observable.
  owner = await createAgent(api, { name: 'Owner Olga', role: 'admin', teams: [team], status: 'offline' });
  agent = await createAgent(api, { name: 'Agent Ana', teams: [team], status: 'offline' });
  channelId = await createChannel(api, { default_team: team, coexistence: true, coexistence_agent: owner.id });
});
afterAll(async () => pb?.stop());

const hashOf = (raw: string) => createHash('sha256').update(raw).digest('hex');
const eventOf = async (raw: string) => (await api.list('webhook_events', `body_hash = "${hashOf(raw)}"`))[0];
const byWamid = async (wamid: string) => (await api.list('messages', `wamid = "${wamid}"`))[0];

let clock = 1_764_100_000;
const tick = () => clock++;

function envelope(field: string, value: Record<string, unknown>): string {
  return JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: 'WABA', changes: [{ field, value }] }] });
}
const metadata = { display_phone_number: '15550783881', phone_number_id: CHANNEL_PNID };

function echo(to: string, message: Record<string, unknown>): string {
  return envelope('smb_message_echoes', {
    messaging_product: 'whatsapp',
    metadata,
    contacts: [{ profile: { name: 'Customer' }, wa_id: to }],
    message_echoes: [{ from: '15550783881', to, timestamp: String(tick()), ...message }],
  });
}

async function send(raw: string) {
  const response = await postWebhook(pb.url, raw);
  expect(response.status).toBe(200);
  return eventOf(raw);
}

async function customerWrites(from: string, wamid: string, text: string, extra: Record<string, unknown> = {}) {
  const body = textWebhook({ from, wamid, text, timestamp: tick() });
  Object.assign(body.entry[0].changes[0].value.messages[0], extra);
  await send(JSON.stringify(body));
  return byWamid(wamid);
}

describe('smb_message_echoes (Coexistence)', () => {
  it('stores the owner’s reply from the Business app in the ticket, as the owner’s first response, and waits on the customer', async () => {
    const asked = await customerWrites('34600100001', 'wamid.co.in1', 'Do you have it in blue?');
    // Waiting in the unassigned queue.
    let conversation = (await api.view('conversations', asked.conversation)).body;
    expect(conversation).toMatchObject({ first_response_at: '', assignee: '', status: 'open' });
    const event = await send(echo('34600100001', { id: 'wamid.co.echo1', type: 'text', text: { body: 'Yes, size M and L' } }));
    expect(event.status).toBe('processed');
    const reply = await byWamid('wamid.co.echo1');
    expect(reply).toMatchObject({
      conversation: asked.conversation,
      direction: 'out',
      sender: 'agent',
      origin: 'business_app',
      author: owner.id,
      text: 'Yes, size M and L',
      status: 'sent',
    });
    conversation = (await api.view('conversations', asked.conversation)).body;
    expect(conversation).toMatchObject({ status: 'pending', assignee: owner.id, unread_count: 0, last_message_preview: 'Yes, size M and L' });
    expect(conversation.first_response_at).not.toBe('');
    expect(conversation.last_agent_reply_at).not.toBe('');
  });

  it('applies the same echo once, however often Meta delivers it', async () => {
    const raw = echo('34600100002', { id: 'wamid.co.echo-dup', type: 'text', text: { body: 'Hello from the shop' } });
    await send(raw);
    await send(raw);
    // A second delivery of the same content in a new body (Meta retries re-sign the same bytes; test another body).
    await send(raw.replace('"Hello from the shop"', '"Hello from the shop "'));
    expect(await api.list('messages', 'wamid = "wamid.co.echo-dup"')).toHaveLength(1);
  });

  it('does not store twice what the desk itself sent (same wamid)', async () => {
    const asked = await customerWrites('34600100003', 'wamid.co.in3', 'hi');
    const sent = await api.create('messages', {
      conversation: asked.conversation,
      direction: 'out',
      sender: 'agent',
      author: agent.id,
      type: 'text',
      text: 'From the desk',
      wamid: 'wamid.co.desk3',
      status: 'sent',
    });
    expect(sent.status).toBe(200);
    await send(echo('34600100003', { id: 'wamid.co.desk3', type: 'text', text: { body: 'From the desk' } }));
    const rows = await api.list('messages', 'wamid = "wamid.co.desk3"');
    expect(rows).toHaveLength(1);
    expect(rows[0].origin).toBe('');
  });

  it('opens a ticket waiting on the customer when the owner writes first from the phone', async () => {
    await send(echo('34600100004', { id: 'wamid.co.first4', type: 'text', text: { body: 'Your order is ready' } }));
    const reply = await byWamid('wamid.co.first4');
    const conversation = (await api.view('conversations', reply.conversation)).body;
    expect(conversation).toMatchObject({ status: 'pending', assignee: owner.id });
    const [contact] = await api.list('contacts', 'wa_id = "34600100004"');
    // An echo is not the customer writing: the 24-hour window stays closed.
    expect(conversation.last_inbound_at).toBe('');
    expect(contact.last_inbound_at).toBe('');
  });

  it('applies an echo edit and revoke to the message, even when the edit arrives before it', async () => {
    await customerWrites('34600100005', 'wamid.co.in5', 'price?');
    const edit = { id: 'wamid.co.edit5', type: 'edit', edit: { original_message_id: 'wamid.co.orig5', message: { type: 'text', text: { body: '12 euros' } } } };
    await send(echo('34600100005', edit));
    await send(echo('34600100005', { id: 'wamid.co.orig5', type: 'text', text: { body: '10 euros' } }));
    let original = await byWamid('wamid.co.orig5');
    expect(original.text).toBe('12 euros');
    expect(original.edited_at).not.toBe('');
    expect(original.payload.previous[0].text).toBe('10 euros');
    await send(echo('34600100005', { id: 'wamid.co.revoke5', type: 'revoke', revoke: { original_message_id: 'wamid.co.orig5' } }));
    await send(echo('34600100005', { id: 'wamid.co.revoke5', type: 'revoke', revoke: { original_message_id: 'wamid.co.orig5' } }).replace('"to"', '"to" '));
    original = await byWamid('wamid.co.orig5');
    expect(original.deleted_at).not.toBe('');
    expect(original.text).toBe('');
    expect(original.payload.previous.map((p: { text: string }) => p.text)).toEqual(['10 euros', '12 euros']);
  });

  it('keeps routing quiet for a customer the owner answers from the phone', async () => {
    await send(echo('34600100006', { id: 'wamid.co.first6', type: 'text', text: { body: 'Hi! Your table is booked' } }));
    const first = await byWamid('wamid.co.first6');
    await api.update('conversations', first.conversation, { status: 'resolved', resolved_at: new Date().toISOString() });
    // The customer's answer reopens the ticket; on a Coexistence number the owner keeps it, no routing, no bot.
    const back = await customerWrites('34600100006', 'wamid.co.in6', 'thanks, see you');
    expect((await api.view('conversations', back.conversation)).body).toMatchObject({ status: 'open', assignee: owner.id });
    expect(await api.list('routing_events', `conversation = "${back.conversation}"`)).toHaveLength(0);
    // A customer the owner never answered from the phone is routed as usual.
    const other = await customerWrites('34600100007', 'wamid.co.in7', 'hello');
    expect((await api.list('routing_events', `conversation = "${other.conversation}"`)).length).toBeGreaterThan(0);
  });

  it('reads Meta’s and pywa’s echo fixtures without refusing them', async () => {
    for (const name of ['smb-message-echo-text.json', 'smb-message-echo-edit.json', 'smb-message-echo-revoke.json']) {
      const raw = JSON.stringify(fixture(name)).replace(/1122334455667/g, CHANNEL_PNID);
      const event = await send(raw);
      expect(['processed', 'invalid']).toContain(event.status);
    }
    expect(await byWamid('<WHATSAPP_MESSAGE_ID>')).toMatchObject({ origin: 'business_app', text: 'Test message' });
  });

  it('records a malformed echo as an invalid part and still answers 200', async () => {
    const event = await send(echo('34600100008', { id: '', type: 'text' }));
    expect(event.status).toBe('invalid');
    expect(event.summary.invalid[0].reason).toBe('invalid-echo');
  });
});

describe('template reviews', () => {
  let templateId: string;
  let conversationId: string;
  let ana: Api;

  beforeAll(async () => {
    const created = await api.create('templates', {
      name: 'abandoned_cart',
      language: 'en',
      category: 'marketing',
      parameter_format: 'positional',
      status: 'approved',
      components: [{ type: 'BODY', text: 'Still thinking about it?' }],
    });
    templateId = created.body.id;
    const asked = await customerWrites('34600200001', 'wamid.tpl.in1', 'hello');
    conversationId = asked.conversation;
    await api.update('conversations', conversationId, { assignee: agent.id });
    ana = await api.as(agent.email, PASSWORD);
  });

  const sendTemplate = () =>
    ana.create('messages', { conversation: conversationId, direction: 'out', author: agent.id, type: 'template', template: templateId, template_params: [] });

  it('marks a rejected template with Meta’s reason and refuses to send it', async () => {
    expect((await sendTemplate()).status).toBe(200);
    await send(JSON.stringify(fixture('template-status-rejected.json')));
    const template = (await api.view('templates', templateId)).body;
    expect(template).toMatchObject({ status: 'rejected', meta_status: 'REJECTED', meta_id: '1689556908129835' });
    expect(template.status_reason).toContain('parameters placed next to each other');
    const refused = await sendTemplate();
    expect(refused.status).toBe(400);
    expect(refused.body.reason).toBe('template-not-approved');
  });

  it('approves it again by Meta’s template id, takes quality and category updates', async () => {
    const approve = envelope('message_template_status_update', {
      event: 'APPROVED',
      message_template_id: 1689556908129835,
      message_template_name: 'abandoned_cart',
      message_template_language: 'en',
      reason: 'NONE',
    });
    await send(approve);
    await send(approve);
    await send(
      envelope('message_template_quality_update', {
        previous_quality_score: 'GREEN',
        new_quality_score: 'YELLOW',
        message_template_id: 1689556908129835,
        message_template_name: 'abandoned_cart',
        message_template_language: 'en',
      }),
    );
    const template = (await api.view('templates', templateId)).body;
    expect(template).toMatchObject({ status: 'approved', quality: 'YELLOW', status_reason: '' });
    expect((await sendTemplate()).status).toBe(200);
  });

  it('refuses a marketing template to a customer who stopped marketing, until they resume (newest choice wins)', async () => {
    const preference = (value: string, timestamp: number) =>
      envelope('user_preferences', {
        messaging_product: 'whatsapp',
        metadata,
        user_preferences: [{ wa_id: '34600200001', detail: '', category: 'marketing_messages', value, timestamp }],
      });
    await send(preference('stop', 1_764_200_010));
    // An older "resume" arriving late changes nothing.
    await send(preference('resume', 1_764_200_000));
    let [contact] = await api.list('contacts', 'wa_id = "34600200001"');
    expect(contact.marketing_opt_out).toBe(true);
    const refused = await sendTemplate();
    expect(refused.status).toBe(400);
    expect(refused.body.reason).toBe('marketing-opt-out');
    await send(preference('resume', 1_764_200_020));
    [contact] = await api.list('contacts', 'wa_id = "34600200001"');
    expect(contact.marketing_opt_out).toBe(false);
    expect((await sendTemplate()).status).toBe(200);
  });

  it('moves a template to another category when Meta recategorizes it', async () => {
    const created = await api.create('templates', {
      name: 'welcome_template',
      language: 'en_US',
      category: 'utility',
      parameter_format: 'positional',
      status: 'approved',
      components: [{ type: 'BODY', text: 'Welcome' }],
    });
    await send(
      envelope('template_category_update', {
        message_template_id: 278077987957091,
        message_template_name: 'welcome_template',
        message_template_language: 'en-US',
        new_category: 'MARKETING',
        correct_category: 'MARKETING',
        category_update_timestamp: 1746169200,
      }),
    );
    expect((await api.view('templates', created.body.id)).body.category).toBe('marketing');
  });
});

describe('customers’ edits, deletes, ads and groups', () => {
  it('updates the original message on an edit and marks it deleted on a revoke, keeping what it said', async () => {
    await customerWrites('34600300001', 'wamid.cu.orig', 'I want 2');
    await customerWrites('34600300001', 'wamid.cu.edit', '', {
      type: 'edit',
      text: undefined,
      edit: { original_message_id: 'wamid.cu.orig', message: { type: 'text', text: { body: 'I want 3' } } },
    });
    let original = await byWamid('wamid.cu.orig');
    expect(original).toMatchObject({ text: 'I want 3' });
    expect(original.edited_at).not.toBe('');
    expect(await byWamid('wamid.cu.edit')).toBeUndefined();
    await customerWrites('34600300001', 'wamid.cu.revoke', '', { type: 'revoke', text: undefined, revoke: { original_message_id: 'wamid.cu.orig' } });
    original = await byWamid('wamid.cu.orig');
    expect(original.deleted_at).not.toBe('');
    expect(original.payload.previous.map((p: { text: string }) => p.text)).toEqual(['I want 2', 'I want 3']);
  });

  it('stores the ad a customer came from and the group a message was sent in', async () => {
    const ad = fixture('text-ctwa-ad-referral.json').entry[0].changes[0].value.messages[0].referral;
    const stored = await customerWrites('34600300002', 'wamid.ad.1', 'Can I get more info about this?', { referral: ad });
    expect(stored.referral).toMatchObject({ sourceType: 'ad', sourceId: '120226305854810726', headline: 'Chat with us' });
    // On the contact's attributes before routing runs, for rules such as `ad_id equals … → Sales`.
    const [contact] = await api.list('contacts', 'wa_id = "34600300002"');
    expect(contact.attributes).toMatchObject({ ad_id: '120226305854810726', ad_source: 'ad', ad_headline: 'Chat with us' });
    const group = await customerWrites('34600300003', 'wamid.group.1', 'hi all', { group_id: 'G.123' });
    expect(group.group_id).toBe('G.123');
  });

  it('routes a customer who came from an ad by a rule on the ad id', async () => {
    const sales = await createTeam(api, 'Sales');
    const rules = [{ name: 'Summer ad', attributes: [{ field: 'ad_id', op: 'equals', value: '1202' }], teamId: sales }];
    expect((await api.update('channels', channelId, { routing: { rules } })).status).toBe(200);
    const ad = { source_type: 'ad', source_id: '1202', headline: 'Summer sale', ctwa_clid: 'x' };
    const fromAd = await customerWrites('34600300004', 'wamid.ad.2', 'is this still on?', { referral: ad });
    const other = await customerWrites('34600300005', 'wamid.ad.3', 'hello');
    expect((await api.view('conversations', fromAd.conversation)).body.team).toBe(sales);
    expect((await api.view('conversations', other.conversation)).body.team).not.toBe(sales);
    await api.update('channels', channelId, { routing: {} });
  });
});

describe('history (past chats from the Business app)', () => {
  it('imports past messages with their time and direction, once, without routing or opening the 24-hour window', async () => {
    const raw = JSON.stringify(fixture('history-sync.json'));
    expect((await send(raw)).status).toBe('processed');
    await send(raw.replace('"progress": 55', '"progress":55'));
    const thanks = await byWamid('wamid.N0FCNjMAHBgLMTY0NjcwNDM1OTUVAgARGBIyNDlBOEI5QUQ4NDc0');
    expect(thanks).toMatchObject({ direction: 'in', sender: 'customer', origin: 'history', text: 'Thanks!' });
    expect(new Date(thanks.timestamp).getTime()).toBe(1739230970_000);
    const thread = await api.list('messages', `conversation = "${thanks.conversation}"`);
    expect(thread.map((m: { direction: string }) => m.direction).sort()).toEqual(['in', 'out', 'out']);
    const conversation = (await api.view('conversations', thanks.conversation)).body;
    expect(conversation).toMatchObject({ status: 'resolved', last_inbound_at: '', unread_count: 0, assignee: '' });
    expect(await api.list('routing_events', `conversation = "${thanks.conversation}"`)).toHaveLength(0);
    const [contact] = await api.list('contacts', 'wa_id = "16505551234"');
    expect(contact.last_inbound_at).toBe('');
    const other = await api.list('contacts', 'wa_id = "12125557890"');
    expect(other).toHaveLength(1);
    // The same chunk delivered twice is one part of phase 0.
    expect((await api.view('channels', channelId)).body.health.history).toMatchObject({ progress: 55, phases: [{ phase: 0, chunks: 1, orders: [1] }] });
  });

  it('adds a past chat to a customer’s open ticket without touching its window or unread count', async () => {
    const open = await customerWrites('34600600001', 'wamid.hist.live', 'hello again');
    const before = (await api.view('conversations', open.conversation)).body;
    await send(
      envelope('history', {
        messaging_product: 'whatsapp',
        metadata,
        history: [
          {
            metadata: { phase: 0, chunk_order: 2, progress: 100 },
            threads: [
              {
                id: '34600600001',
                messages: [{ from: '34600600001', id: 'wamid.hist.old', timestamp: '1700000000', type: 'text', text: { body: 'old question' } }],
              },
            ],
          },
        ],
      }),
    );
    const old = await byWamid('wamid.hist.old');
    expect(old).toMatchObject({ conversation: open.conversation, origin: 'history', direction: 'in' });
    const after = (await api.view('conversations', open.conversation)).body;
    expect(after).toMatchObject({
      last_inbound_at: before.last_inbound_at,
      unread_count: before.unread_count,
      last_message_preview: before.last_message_preview,
    });
  });
});

describe('smb_app_state_sync, calls and errors', () => {
  it('adds, renames and un-names contacts from the Business app', async () => {
    const sync = (action: string, name: string) =>
      envelope('smb_app_state_sync', {
        messaging_product: 'whatsapp',
        metadata,
        state_sync: [
          { type: 'contact', contact: { full_name: name, first_name: name, phone_number: '34600400001' }, action, metadata: { timestamp: String(tick()) } },
        ],
      });
    await send(sync('add', 'Pablo Morales'));
    await send(sync('add', 'Pablo Morales'));
    expect(await api.list('contacts', 'wa_id = "34600400001"')).toMatchObject([{ name: 'Pablo Morales' }]);
    await send(sync('edit', 'Pablo M.'));
    expect((await api.list('contacts', 'wa_id = "34600400001"'))[0].name).toBe('Pablo M.');
    await send(sync('remove', 'Pablo M.'));
    const after = await api.list('contacts', 'wa_id = "34600400001"');
    expect(after).toHaveLength(1);
    expect(after[0].name).toBe('34600400001');
  });

  it('opens a ticket for a missed call, and updates one call’s row as it connects and ends', async () => {
    const call = (id: string, event: string, extra: Record<string, unknown>) =>
      envelope('calls', {
        messaging_product: 'whatsapp',
        metadata,
        contacts: [{ profile: { name: 'Caller' }, wa_id: '34600500001' }],
        calls: [{ id, from: '34600500001', to: '15550783881', event, direction: 'USER_INITIATED', timestamp: String(tick()), ...extra }],
      });
    await send(call('wacid.missed', 'terminate', { status: 'FAILED', duration: 0 }));
    const missed = await byWamid('wacid.missed');
    expect(missed).toMatchObject({ type: 'call', direction: 'in' });
    const conversation = (await api.view('conversations', missed.conversation)).body;
    expect(conversation.status).toBe('open');
    expect((await api.list('routing_events', `conversation = "${missed.conversation}"`)).length).toBeGreaterThan(0);
    await send(call('wacid.talk', 'connect', {}));
    const ended = call('wacid.talk', 'terminate', { status: 'COMPLETED', duration: 125 });
    await send(ended);
    await send(call('wacid.talk', 'connect', {}));
    const talk = await api.list('messages', 'wamid = "wacid.talk"');
    expect(talk).toHaveLength(1);
    expect(talk[0]).toMatchObject({ conversation: missed.conversation, text: 'Call ended · 2:05' });
    expect(talk[0].payload.call).toMatchObject({ outcome: 'completed', durationSeconds: 125 });
  });

  it('shows Meta’s value-level errors on the channel’s health line', async () => {
    const raw = JSON.stringify(fixture('value-level-errors.json')).replace(/106540352242922/g, CHANNEL_PNID);
    await send(raw);
    const channel = (await api.view('channels', channelId)).body;
    expect(channel.health.errors[0]).toMatchObject({ code: 130429, title: 'Rate limit hit' });
  });

  it('answers 200 to every field, known or not, and stores unknown ones as unsupported', async () => {
    const event = await send(envelope('account_update', { event: 'VOLUME_BASED_PRICING_TIER_UPDATE' }));
    expect(event.status).toBe('unsupported');
    const broken = await send(envelope('calls', { metadata, calls: 'not a list' }));
    expect(broken.status).toBe('invalid');
  });
});
