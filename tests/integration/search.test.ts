import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_PAGE_SIZE, SNIPPET_CLOSE, SNIPPET_OPEN } from '../../src/lib/schemas/search';
import { Api } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, createChannel, createTeam, PASSWORD } from '../support/seed';

// GET /api/pocketdesk/search against a real PocketBase: the FTS5 index kept by triggers, accents and case folded,
// the conversations view rule applied per role, erasure, hostile input and paging.
let pb: RunningPocketBase;
let root: Api;
const as: Record<string, Api> = {};
const ids: Record<string, string> = {};

interface Hit {
  kind: string;
  snippet: string;
  conversation: { id: string; contact_name: string; status: string };
}

async function created(collection: string, data: Record<string, unknown>): Promise<string> {
  const response = await root.create(collection, data);
  if (response.status !== 200) throw new Error(`${collection}: ${JSON.stringify(response.body)}`);
  return response.body.id;
}

async function conversation(key: string, customer: { name: string; wa_id: string }, data: Record<string, unknown>, texts: string[] = []) {
  const contact = await created('contacts', customer);
  ids[`${key}Contact`] = contact;
  ids[key] = await created('conversations', { contact, channel: ids.channel, status: 'resolved', ...data });
  for (const text of texts) await created('messages', { conversation: ids[key], direction: 'in', type: 'text', text, status: 'received', sender: 'customer' });
}

async function search(who: Api, q: string, before?: number) {
  const query = new URLSearchParams({ q, ...(before ? { before: String(before) } : {}) });
  return who.request<{ items: Hit[]; next: number | null }>('GET', `/api/pocketdesk/search?${query}`);
}

async function found(who: Api, q: string): Promise<string[]> {
  const response = await search(who, q);
  expect(response.status).toBe(200);
  return response.body.items.map((hit) => hit.conversation.id).sort();
}

beforeAll(async () => {
  pb = await startPocketBase();
  root = new Api(pb.url, pb.superuserToken);
  ids.teamA = await createTeam(root, 'Team A');
  ids.teamB = await createTeam(root, 'Team B');
  ids.channel = await createChannel(root, { default_team: ids.teamA });
  for (const [key, spec] of Object.entries({
    a1: { name: 'Agent One', teams: [ids.teamA] },
    a2: { name: 'Agent Two', teams: [ids.teamA] },
    b1: { name: 'Agent Bee', teams: [ids.teamB] },
    managerA: { name: 'Manager A', role: 'manager' as const, teams: [ids.teamA] },
    managerB: { name: 'Manager B', role: 'manager' as const, teams: [ids.teamB] },
    admin: { name: 'The Admin', role: 'admin' as const, teams: [] },
  })) {
    const agent = await createAgent(root, spec);
    ids[key] = agent.id;
    as[key] = await root.as(agent.email, PASSWORD);
  }
  // Every conversation below says "bomba" once, so one query shows what each role may see.
  await conversation('mine', { name: 'José Peña', wa_id: '34612345678' }, { assignee: ids.a1, team: ids.teamA }, [
    'Mi canción favorita no suena',
    'La bomba del PEDIDO 4521 gotea',
  ]);
  await conversation('teammates', { name: 'Ana Ruiz', wa_id: '34699000111' }, { assignee: ids.a2, team: ids.teamA }, ['bomba rota']);
  await conversation('queueA', { name: 'Unassigned A', wa_id: '15550007777' }, { team: ids.teamA, status: 'open' }, ['bomba nueva']);
  await conversation('queueB', { name: 'Unassigned B', wa_id: '15550006666' }, { team: ids.teamB, status: 'open' }, ['bomba de agua']);
  await conversation('otherTeam', { name: 'Bea Team B', wa_id: '15550005555' }, { assignee: ids.b1, team: ids.teamB }, ['bomba vieja']);
  await conversation('noTeam', { name: 'Nobody', wa_id: '15550004444' }, { status: 'open' }, ['bomba sin equipo']);
  await created('notes', { conversation: ids.mine, author: ids.a1, body: 'Customer prefers a callback after 5pm about the warranty' });
});
afterAll(async () => pb?.stop());

describe('search over all history', () => {
  it.each([
    ['cancion', 'an accent the query leaves out'],
    ['CANCIÓN', 'another case and the accent'],
    ['pedido', 'a word written in capitals'],
    ['Peña', 'the customer’s name with its tilde'],
    ['pena', 'the customer’s name without it'],
    ['jos', 'the start of a name, still being typed'],
    ['2345', 'digits from the middle of the number'],
    ['+34 612 34', 'the number as a person types it'],
    ['warranty', 'words of an internal note'],
    ['callback after', 'two words of a note, the last one complete'],
  ])('finds the conversation by %j (%s)', async (q) => {
    expect(await found(as.a1, q)).toEqual([ids.mine]);
  });

  it('says what matched, with the words marked', async () => {
    const [hit] = (await search(as.a1, 'cancion')).body.items;
    expect(hit?.kind).toBe('message');
    expect(hit?.snippet).toContain(`${SNIPPET_OPEN}canción${SNIPPET_CLOSE}`);
    expect(hit?.conversation).toMatchObject({ id: ids.mine, contact_name: 'José Peña', status: 'resolved' });
    const [note] = (await search(as.a1, 'warranty')).body.items;
    expect(note?.kind).toBe('note');
    const [customer] = (await search(as.a1, '612345')).body.items;
    expect(customer).toMatchObject({ kind: 'contact', snippet: '' });
  });

  it('requires every word, in one text', async () => {
    expect(await found(as.a1, 'bomba gotea')).toEqual([ids.mine]);
    expect(await found(as.a1, 'bomba warranty')).toEqual([]);
  });

  it('keeps up with edits and deletions of messages and notes', async () => {
    const message = await created('messages', {
      conversation: ids.mine,
      direction: 'in',
      type: 'text',
      text: 'zanahoria',
      status: 'received',
      sender: 'customer',
    });
    expect(await found(as.a1, 'zanahoria')).toEqual([ids.mine]);
    await root.update('messages', message, { status: 'read' });
    expect(await found(as.a1, 'zanahoria')).toEqual([ids.mine]);
    await root.delete('messages', message);
    expect(await found(as.a1, 'zanahoria')).toEqual([]);
    const note = await created('notes', { conversation: ids.mine, author: ids.a1, body: 'pepino' });
    await root.update('notes', note, { body: 'calabaza' });
    expect(await found(as.a1, 'pepino')).toEqual([]);
    expect(await found(as.a1, 'calabaza')).toEqual([ids.mine]);
    await root.update('contacts', ids.mineContact, { name: 'José Peña Ortega' });
    expect(await found(as.a1, 'ortega')).toEqual([ids.mine]);
  });
});

describe('who sees what', () => {
  // The same sets the conversations collection gives each of them (tests/integration/access-rules.test.ts).
  it.each([
    ['a1', 'an agent: their own and their teams’ unassigned queue', ['mine', 'queueA', 'noTeam']],
    ['a2', 'a teammate: theirs, not the colleague’s', ['teammates', 'queueA', 'noTeam']],
    ['b1', 'an agent of another team: nothing of team A', ['queueB', 'otherTeam', 'noTeam']],
    ['managerA', 'a manager: everything in their team', ['mine', 'teammates', 'queueA', 'noTeam']],
    ['managerB', 'the other team’s manager: nothing of team A', ['queueB', 'otherTeam', 'noTeam']],
    ['admin', 'an admin: everything', ['mine', 'teammates', 'queueA', 'queueB', 'otherTeam', 'noTeam']],
  ])('shows %s (%s) exactly what the collection shows', async (who, _, expected) => {
    const results = await found(as[who]!, 'bomba');
    expect(results).toEqual(expected.map((key) => ids[key]).sort());
    const listed = (await as[who]!.list<{ id: string }>('conversations')).map((c) => c.id);
    for (const id of results) expect(listed).toContain(id);
  });

  it('answers a guest with 403 and nothing else', async () => {
    const guest = new Api(pb.url, '');
    const response = await search(guest, 'bomba');
    expect(response.status).toBe(403);
    expect(response.body.items).toBeUndefined();
  });
});

describe('erasure', () => {
  it('removes an erased customer’s words, name and number from the index', async () => {
    await conversation('erased', { name: 'Marisol Erasable', wa_id: '34677123456' }, { assignee: ids.a1, team: ids.teamA }, [
      'Mi dirección es Calle Secreta 2',
    ]);
    await created('notes', { conversation: ids.erased, author: ids.a1, body: 'Marisol lives at Calle Secreta' });
    expect(await found(as.admin, 'secreta')).toEqual([ids.erased]);
    expect((await as.admin.request('POST', `/api/pocketdesk/contacts/${ids.erasedContact}/erase`)).status).toBe(200);
    for (const q of ['secreta', 'marisol', 'erasable', '677123']) expect(await found(as.admin, q), q).toEqual([]);
  });
});

describe('hostile queries', () => {
  it.each(['"', '*', 'NEAR(', 'NEAR(bomba', '-', '-bomba', 'bomba OR', 'AND', 'body:bomba', '^bomba', '(', ')', "'", '\\', '%', '_', '🙏', '¿?'])(
    'answers %j with 200',
    async (q) => {
      const response = await search(as.a1, q);
      expect(response.status).toBe(200);
      expect(Array.isArray(response.body.items)).toBe(true);
    },
  );

  it('treats operators as words', async () => {
    expect(await found(as.a1, '-bomba')).toEqual(await found(as.a1, 'bomba'));
    expect(await found(as.a1, 'NOT bomba')).toEqual([]);
  });

  it.each(['', '   ', '"*-:^()'])('finds nothing, without an error, for %j', async (q) => {
    expect((await search(as.a1, q)).body).toEqual({ items: [], next: null });
  });

  it('refuses 1,000 characters with a clear 400', async () => {
    const response = await search(as.a1, 'bomba '.repeat(167).slice(0, 1000));
    expect(response.status).toBe(400);
    expect((response.body as unknown as { data: { q: { code: string } } }).data.q.code).toBe('too-long');
  });

  it('refuses a cursor that is not one', async () => {
    const response = await as.a1.request('GET', '/api/pocketdesk/search?q=bomba&before=1%20OR%201');
    expect(response.status).toBe(400);
  });
});

describe('paging', () => {
  it('walks every match once, newest first, a page at a time', async () => {
    const total = SEARCH_PAGE_SIZE * 2 + 5;
    const created: string[] = [];
    for (let i = 0; i < total; i++) {
      await conversation(`page${i}`, { name: `Paged ${i}`, wa_id: `1555100${String(i).padStart(4, '0')}` }, { assignee: ids.a1, team: ids.teamA }, [
        `manguera número ${i}`,
      ]);
      created.push(ids[`page${i}`]!);
    }
    const seen: string[] = [];
    let before: number | undefined;
    let pages = 0;
    do {
      const response = await search(as.a1, 'manguera', before);
      expect(response.status).toBe(200);
      seen.push(...response.body.items.map((hit) => hit.conversation.id));
      before = response.body.next ?? undefined;
      pages++;
    } while (before);
    expect(pages).toBe(3);
    expect(seen).toEqual([...created].reverse());
  });
});
