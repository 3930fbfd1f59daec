// Property: for any signed body built from the contract payloads (tests/fixtures/whatsapp) with generated
// mutations, every valid part is applied exactly once — also when the same body comes again and when its parts
// come again in other bodies — and every invalid part is recorded on the event. Seeded: a failing round can be
// replayed by its number.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { seededRandom } from '../support/seeded-random';
import { CHANNEL_PNID, createChannel, createTeam } from '../support/seed';
import { FIXTURES_DIR, fixture, postWebhook } from '../support/webhook-client';

const SEED = 20261207;
const ROUNDS = 40;

let pb: RunningPocketBase;
let api: Api;

beforeAll(async () => {
  pb = await startPocketBase();
  api = new Api(pb.url, pb.superuserToken);
  await createChannel(api, { default_team: await createTeam(api, 'Support') });
});
afterAll(async () => pb?.stop());

type Json = Record<string, any>;
const values = (kind: 'messages' | 'statuses') =>
  readdirSync(FIXTURES_DIR)
    // Meta's group example is a template of <PLACEHOLDER> values (no real timestamp): never a valid part.
    .filter((name) => name.endsWith('.json') && name !== 'group-message.json')
    .flatMap((name) => fixture(name).entry.flatMap((entry: Json) => entry.changes.flatMap((change: Json) => change.value[kind] ?? [])))
    // A number change only stores a message when the customer already has a ticket: it is not "applied once" by wamid.
    .filter((part: Json) => part.type !== 'system') as Json[];
const MESSAGES = values('messages');
const STATUSES = values('statuses');
// A field the desk does not apply (user_preferences, templates, echoes… are applied since issue #19).
const OTHER_CHANGE = {
  field: 'account_update',
  value: { phone_number: '15550783881', event: 'VOLUME_BASED_PRICING_TIER_UPDATE', volume_tier_info: { tier_update_time: 1764000000 } },
} as Json;

/** A part of a generated body and what must become of it. */
interface Expected {
  kind: 'message' | 'status' | 'other';
  path: string;
  valid: boolean;
  wamid: string;
  part: Json;
  contact: Json | null;
}

const isReaction = (item: Expected): boolean => (item.part as { type?: unknown }).type === 'reaction';

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)];

// Each one makes its part invalid whatever else the part holds.
const BREAK_MESSAGE: Array<(message: Json, contact: Json) => void> = [
  (m) => (m.id = `wamid.${'w'.repeat(300)}`),
  (m) => (m.type = 't'.repeat(41)),
  (m) => delete m.timestamp,
  (m) => (m.timestamp = '-5'),
  (m) => (m.text = { body: 'b'.repeat(70_001) }),
  (m, c) => (m.from = c.wa_id = '9'.repeat(33)),
  (m) => (m.context = { id: 'c'.repeat(301) }),
];
// Each one leaves its part valid: ids padded with invisible characters, names past their column, unknown keys.
const BEND_MESSAGE: Array<(message: Json, contact: Json) => void> = [
  (m) => (m.from = ` \u00a0${m.from}\u0000`),
  (_, c) => (c.wa_id = `\u2003${c.wa_id}\t`),
  (_, c) => (c.profile = { name: 'N'.repeat(250) }),
  (m) => (m.extra_2027_field = { anything: [1, 'two'] }),
];
const BREAK_STATUS: Array<(status: Json) => void> = [(s) => (s.id = 's'.repeat(301)), (s) => (s.timestamp = 'yesterday'), (s) => (s.status = '')];

function generatedBody(round: number, random: Random): { raw: string; expected: Expected[] } {
  const expected: Expected[] = [];
  const changes: Json[] = [];
  const changeCount = 1 + Math.floor(random() * 3);
  for (let c = 0; c < changeCount; c++) {
    const path = `entry.0.changes.${c}`;
    const roll = random();
    if (roll < 0.15) {
      changes.push(structuredClone(OTHER_CHANGE));
      expected.push({ kind: 'other', path, valid: true, wamid: '', part: {}, contact: null });
      continue;
    }
    const value: Json = { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: CHANNEL_PNID } };
    const kind = roll < 0.7 ? 'messages' : 'statuses';
    const count = 1 + Math.floor(random() * 4);
    const parts: Json[] = [];
    const contacts: Json[] = [];
    for (let i = 0; i < count; i++) {
      const wamid = `wamid.prop.${round}.${c}.${i}`;
      if (kind === 'messages') {
        const from = `3470${String(round).padStart(3, '0')}${c}${i}`;
        const message = { ...structuredClone(pick(random, MESSAGES)), id: wamid, from };
        const contact = { profile: { name: `Customer ${from}` }, wa_id: from };
        const mutation = random();
        const valid = mutation >= 0.3;
        if (!valid) pick(random, BREAK_MESSAGE)(message, contact);
        else if (mutation < 0.6) pick(random, BEND_MESSAGE)(message, contact);
        parts.push(message);
        contacts.push(contact);
        expected.push({ kind: 'message', path: `${path}.value.messages.${i}`, valid, wamid, part: message, contact });
      } else {
        const status = { ...structuredClone(pick(random, STATUSES)), id: wamid };
        const valid = random() >= 0.3;
        if (!valid) pick(random, BREAK_STATUS)(status);
        parts.push(status);
        expected.push({ kind: 'status', path: `${path}.value.statuses.${i}`, valid, wamid, part: status, contact: null });
      }
    }
    value[kind] = parts;
    if (contacts.length) value.contacts = contacts;
    // Now and then the change itself is broken: every part in it is then invalid, recorded under the change.
    if (random() < 0.1) {
      delete value.metadata;
      for (const item of expected) if (item.path.startsWith(`${path}.`)) item.valid = false;
    }
    changes.push({ field: 'messages', value });
  }
  let raw = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: 'WABA', changes }] });
  // Rarely the bytes are not JSON at all: still signed, still kept, every part invalid.
  if (random() < 0.05) {
    raw = raw.slice(0, Math.floor(raw.length / 2));
    for (const item of expected) item.valid = false;
  }
  return { raw, expected };
}

const hashOf = (raw: string) => createHash('sha256').update(raw).digest('hex');
const eventOf = async (raw: string) => (await api.list('webhook_events', `body_hash = "${hashOf(raw)}"`))[0];
const isUnder = (path: string, recorded: string) => recorded === 'body' || path === recorded || path.startsWith(`${recorded}.`);

async function messageCounts(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const message of await api.list('messages', 'wamid ~ "wamid.prop."')) counts.set(message.wamid, (counts.get(message.wamid) ?? 0) + 1);
  return counts;
}

describe('any signed body made from the contract payloads', () => {
  it('applies every valid part exactly once and records every invalid one, also when bodies and parts come again', async () => {
    const random = seededRandom(SEED);
    const all: Expected[] = [];
    const tally = { valid: 0, invalid: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const { raw, expected } = generatedBody(round, random);
      all.push(...expected);
      const context = `round ${round} (seed ${SEED})`;
      expect((await postWebhook(pb.url, raw)).status, context).toBe(200);
      // The same bytes again (Meta's retry) change nothing.
      expect((await postWebhook(pb.url, raw)).body, context).toMatchObject({ duplicate: true });

      const event = await eventOf(raw);
      const recorded: string[] = event.summary.invalid.map((part: { path: string }) => part.path);
      const invalid = expected.filter((item) => !item.valid);
      expect(event.status, context).toBe(invalid.length ? 'invalid' : expected.every((item) => item.kind === 'other') ? 'unsupported' : 'processed');
      for (const item of invalid)
        expect(
          recorded.some((path) => isUnder(item.path, path)),
          `${context}: ${item.path} recorded`,
        ).toBe(true);
      for (const item of expected.filter((e) => e.valid))
        expect(
          recorded.some((path) => isUnder(item.path, path)),
          `${context}: ${item.path} applied`,
        ).toBe(false);
      const statuses = Object.values(event.summary.statuses as Record<string, number>).reduce((sum, n) => sum + n, 0);
      expect(statuses, context).toBe(expected.filter((item) => item.kind === 'status' && item.valid).length);
      for (const item of expected) tally[item.valid ? 'valid' : 'invalid']++;
    }
    // The generator exercises both sides.
    expect(tally.valid).toBeGreaterThan(40);
    expect(tally.invalid).toBeGreaterThan(20);

    const appliedOnce = (counts: Map<string, number>) => {
      for (const item of all.filter((e) => e.kind === 'message')) {
        const count = counts.get(item.wamid) ?? 0;
        // Every sender here is new: a reaction from someone with no conversation has no ticket to be shown on and
        // starts none (a reaction is a signal, not a request), so it is applied without a message row.
        const stored = item.valid && !isReaction(item) ? 1 : 0;
        expect(count, `${item.path} ${item.wamid} (${item.valid ? 'valid' : 'invalid'})`).toBe(stored);
      }
    };
    appliedOnce(await messageCounts());

    // The valid messages again, regrouped into new bodies in another order: still once each.
    const valid = all.filter((item) => item.kind === 'message' && item.valid);
    const shuffled = valid
      .map((item) => ({ item, key: random() }))
      .sort((a, b) => a.key - b.key)
      .map(({ item }) => item);
    for (let start = 0; start < shuffled.length; start += 7) {
      const group = shuffled.slice(start, start + 7);
      const value = {
        messaging_product: 'whatsapp',
        metadata: { display_phone_number: '15550783881', phone_number_id: CHANNEL_PNID },
        contacts: group.map((item) => item.contact),
        messages: group.map((item) => item.part),
      };
      const raw = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: 'WABA', changes: [{ field: 'messages', value }] }] });
      expect((await postWebhook(pb.url, raw)).status).toBe(200);
      const event = await eventOf(raw);
      const reactions = group.filter(isReaction).length;
      expect(event.summary.messages).toEqual({
        ...(group.length > reactions ? { duplicate: group.length - reactions } : {}),
        ...(reactions ? { reaction: reactions } : {}),
      });
    }
    appliedOnce(await messageCounts());
  });
});
