import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slaChipOf } from '../../src/lib/client/sla-chip';
import { Api } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, createChannel, createTeam, PASSWORD } from '../support/seed';
import { postWebhook, textWebhook } from '../support/webhook-client';

let pb: RunningPocketBase;
let root: Api;
let admin: Api;
let managerA: Api;
let agentA: Api;
let agentAId: string;
let teamA: string;
let teamB: string;
const from = Date.now() - 3600_000;
const range = () => `from=${from}&to=${Date.now() + 60_000}`;

/** The conversations the queue shows an Overdue chip for now (the chip's own rule), among the open ones matching `filter`. */
async function overdueChips(filter = ''): Promise<string[]> {
  const now = Date.now();
  const open = await root.list('conversations', ['status != "resolved"', filter].filter(Boolean).join(' && '));
  const chipOf = (c: { status: 'open' | 'pending'; sla_due_at: string; sla_breached: boolean }) =>
    slaChipOf({ status: c.status, sla_due_at: c.sla_due_at ? Date.parse(c.sla_due_at.replace(' ', 'T')) : null, sla_breached: c.sla_breached }, now);
  return open.filter((c) => chipOf(c)?.kind === 'overdue').map((c) => c.id);
}

async function ticket(n: number, team: string): Promise<string> {
  await postWebhook(pb.url, JSON.stringify(textWebhook({ from: `3480000${n}`, name: `Metric ${n}`, wamid: `wamid.metrics.${n}`, text: 'help' })));
  const [conversation] = await root.list('conversations', `contact.wa_id = "3480000${n}"`);
  await root.update('conversations', conversation.id, { team, assignee: team === teamA ? agentAId : '' });
  return conversation.id;
}

beforeAll(async () => {
  pb = await startPocketBase();
  root = new Api(pb.url, pb.superuserToken);
  teamA = await createTeam(root, 'Metrics A');
  teamB = await createTeam(root, 'Metrics B');
  await createChannel(root, {
    default_team: teamA,
    routing: { newCustomer: { agentsOnline: { autoReply: { enabled: false } }, agentsOffline: { autoReply: { enabled: false } } } },
    auto_replies: { greeting: { enabled: false }, outOfHours: { enabled: false } },
  });
  const a = await createAgent(root, { name: 'Metric Agent', teams: [teamA], status: 'offline' });
  agentAId = a.id;
  agentA = await root.as(a.email, PASSWORD);
  admin = await root.as((await createAgent(root, { name: 'Metric Admin', role: 'admin', status: 'offline' })).email, PASSWORD);
  managerA = await root.as((await createAgent(root, { name: 'Metric Manager', role: 'manager', teams: [teamA], status: 'offline' })).email, PASSWORD);
  const answered = await ticket(1, teamA);
  expect((await agentA.create('messages', { conversation: answered, direction: 'out', author: agentAId, type: 'text', text: 'On it' })).status).toBe(200);
  await agentA.update('conversations', answered, { status: 'resolved' });
  await ticket(2, teamA);
  await ticket(3, teamB);
});
afterAll(async () => pb?.stop());

describe('metrics', () => {
  it('counts opened and resolved tickets and first responses for an admin', async () => {
    const response = await admin.request('GET', `/api/pocketdesk/metrics?${range()}`);
    expect(response.status).toBe(200);
    expect(response.body.summary).toMatchObject({ opened: 3, resolved: 1, botResolved: 0 });
    expect(response.body.summary.firstResponse.count).toBe(1);
    expect(response.body.summary.firstResponse.medianMs).toBeGreaterThanOrEqual(0);
    expect(response.body.backlog.length).toBeGreaterThan(0);
  });

  it('shows a manager their own teams only, and refuses another team', async () => {
    expect((await managerA.request('GET', `/api/pocketdesk/metrics?${range()}`)).body.summary.opened).toBe(2);
    expect((await managerA.request('GET', `/api/pocketdesk/metrics?${range()}&teamId=${teamB}`)).status).toBe(403);
  });

  it('refuses agents and bad ranges', async () => {
    expect((await agentA.request('GET', `/api/pocketdesk/metrics?${range()}`)).status).toBe(403);
    const bad = await admin.request('GET', `/api/pocketdesk/metrics?from=${Date.now()}&to=${from}`);
    expect(bad.status).toBe(400);
    expect(bad.body.data.to.code).toBe('empty-range');
  });

  it('gives the same headline figures from the SQL overview as from the full report', async () => {
    const report = (await admin.request('GET', `/api/pocketdesk/metrics?${range()}&bucket=hour`)).body;
    const full = report.summary;
    const overview = await admin.request('GET', `/api/pocketdesk/metrics/overview?${range()}&bucket=hour`);
    expect(overview.status).toBe(200);
    expect(overview.body).toMatchObject({ opened: full.opened, resolved: full.resolved, botResolved: full.botResolved });
    expect(overview.body.firstResponse.count).toBe(full.firstResponse.count);
    expect(Math.abs(overview.body.firstResponse.medianMs - full.firstResponse.medianMs)).toBeLessThan(1000);
    expect(overview.body.firstContactResolutionRate).toBe(full.firstContactResolutionRate);
    expect(overview.body.backlog.map((b: { open: number }) => b.open)).toEqual(report.backlog.map((b: { open: number }) => b.open));
    expect((await managerA.request('GET', `/api/pocketdesk/metrics/overview?${range()}`)).body.opened).toBe(2);
  });

  it('bins first responses for the dashboard, overall and per agent, as the summary counts them', async () => {
    const report = (await admin.request('GET', `/api/pocketdesk/metrics?${range()}&groupBy=agent`)).body;
    const total = (bins: Array<{ count: number }>) => bins.reduce((sum, bin) => sum + bin.count, 0);
    expect(report.firstResponseBins.map((bin: { fromMin: number }) => bin.fromMin)).toEqual([0, 1, 5, 15, 30, 60, 240]);
    expect(total(report.firstResponseBins)).toBe(report.summary.firstResponse.count);
    const mine = report.groupFirstResponseBins.find((group: { key: string | null }) => group.key === agentAId);
    expect(total(mine.bins)).toBe(1);
    expect((await admin.request('GET', `/api/pocketdesk/metrics?${range()}`)).body.groupFirstResponseBins).toBeNull();
  });

  it('exports a per-agent table as CSV', async () => {
    const response = await fetch(`${pb.url}/api/pocketdesk/metrics?${range()}&groupBy=agent&format=csv`, { headers: { authorization: admin.token } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)], 'a UTF-8 byte-order mark for Excel').toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split('\r\n');
    expect(lines[0].split(',')[0]).toBe('agent');
    expect(lines.some((line) => line.startsWith('Metric Agent,'))).toBe(true);
  });
});

describe('SLA', () => {
  it('marks a ticket without a first response as breached once its time has passed, and escalates once', async () => {
    const slow = await ticket(9, teamA);
    const manager = (await root.list('agents', 'role = "manager"'))[0];
    await root.request('PATCH', `/api/collections/channels/records/${(await root.list('channels'))[0].id}`, {
      service: {
        sla: { policies: [{ firstResponseMinutes: 5, businessHoursOnly: false, escalation: { notifyManager: true, raisePriorityTo: 900, reassign: false } }] },
      },
    });
    const early = await root.request('POST', '/api/pocketdesk/worker/sla-sweep', { now: Date.now() + 60_000 });
    expect(early.body.count).toBe(0);
    expect((await root.view('conversations', slow)).body.sla_breached).toBe(false);
    const late = Date.now() + 10 * 60_000;
    expect((await root.request('POST', '/api/pocketdesk/worker/sla-sweep', { now: late })).body.count).toBeGreaterThan(0);
    const breached = (await root.view('conversations', slow)).body;
    expect(breached).toMatchObject({ sla_breached: true, priority: 900 });
    expect(await root.list('notifications', `kind = "sla" && agent = "${manager.id}" && conversation = "${slow}"`)).toHaveLength(1);
    await root.request('POST', '/api/pocketdesk/worker/sla-sweep', { now: late + 60_000 });
    expect(await root.list('notifications', `kind = "sla" && conversation = "${slow}"`)).toHaveLength(1);
  });

  it('lets only superusers run the sweep', async () => {
    expect((await admin.request('POST', '/api/pocketdesk/worker/sla-sweep', {})).status).toBe(403);
  });
});

describe('QA review', () => {
  it('samples resolved conversations per agent once per period, lets the supervisor score them, and shows the agent the result', async () => {
    await root.update('teams', teamA, { settings: { qa: { enabled: true, samplePerAgent: 2, periodDays: 7 } } });
    // The sampled period is the one that ended before `now`: move `now` a week ahead of the resolutions.
    const now = Date.now() + 7 * 86_400_000;
    const first = await root.request('POST', '/api/pocketdesk/worker/qa-sample', { now });
    expect(first.body.count).toBeGreaterThan(0);
    expect((await root.request('POST', '/api/pocketdesk/worker/qa-sample', { now })).body.count).toBe(0);
    const [review] = await managerA.list('qa_reviews');
    expect(review).toMatchObject({ status: 'pending', agent: agentAId });
    expect(await agentA.list('qa_reviews')).toHaveLength(0);
    const bad = await managerA.update('qa_reviews', review.id, { scores: { greeting: 9 } });
    expect(bad.status).toBe(400);
    const good = await managerA.update('qa_reviews', review.id, { scores: { greeting: 2, resolution: 3, tone: 2, accuracy: 1 }, feedback: 'Clear and kind.' });
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({ status: 'done', total: 8, max: 10, percent: 80 });
    expect((await agentA.list('qa_reviews')).map((r) => r.feedback)).toEqual(['Clear and kind.']);
  });

  it('carries the period’s finished reviews in the overview, within the caller’s teams', async () => {
    const done = { agent: agentAId, percent: 80 };
    expect((await admin.request('GET', `/api/pocketdesk/metrics/overview?${range()}`)).body.reviews).toEqual([done]);
    expect((await managerA.request('GET', `/api/pocketdesk/metrics/overview?${range()}&groupBy=agent`)).body.reviews).toEqual([done]);
    expect((await admin.request('GET', `/api/pocketdesk/metrics/overview?${range()}&teamId=${teamB}`)).body.reviews).toEqual([]);
    const before = `from=${from - 86_400_000}&to=${from}`;
    expect((await admin.request('GET', `/api/pocketdesk/metrics/overview?${before}`)).body.reviews).toEqual([]);
  });
});

type Summary = Record<string, any>;
// The figures both computations share; handle time and business hours stay in the full report only.
const comparable = (s: Summary) => ({
  opened: s.opened,
  resolved: s.resolved,
  botResolved: s.botResolved,
  firstContactResolutionRate: s.firstContactResolutionRate,
  repliesPerConversation: s.repliesPerConversation,
  averageDurationMs: s.averageDurationMs === null ? null : Math.round(s.averageDurationMs),
  resolution: { medianMs: s.resolution.medianMs === null ? null : Math.round(s.resolution.medianMs), p90Ms: s.resolution.p90Ms },
  frtCount: s.firstResponse.count,
  csat: s.csat,
});
// Both measure from the customer's first message; SQL rounds a median that falls between two milliseconds.
const closeFrt = (sql: Summary, full: Summary) => {
  for (const key of ['medianMs', 'p90Ms']) {
    if (full.firstResponse[key] === null) expect(sql.firstResponse[key]).toBeNull();
    else expect(sql.firstResponse[key]).toBe(Math.round(full.firstResponse[key]));
  }
};

describe('SQL overview', () => {
  let agentB: string;
  beforeAll(async () => {
    // The one-minute SLA cron would recompute the hand-set breaches below: give the channel a policy for another team only.
    const elsewhere = await createTeam(root, 'Metrics elsewhere');
    const channel = (await root.list('channels'))[0].id;
    await root.request('PATCH', `/api/collections/channels/records/${channel}`, {
      service: { sla: { policies: [{ teamId: elsewhere, firstResponseMinutes: 5, businessHoursOnly: false }] } },
    });
    // More variety than the first tickets: two agents replying, a rating, a breach, one ticket still open.
    const b = await createAgent(root, { name: 'Metric Agent B', teams: [teamA], status: 'offline' });
    agentB = b.id;
    const asB = await root.as(b.email, PASSWORD);
    for (const [n, who, api] of [
      [4, agentAId, agentA],
      [5, agentB, asB],
      [6, agentB, asB],
    ] as const) {
      const id = await ticket(n, teamA);
      await root.update('conversations', id, { assignee: who });
      expect((await api.create('messages', { conversation: id, direction: 'out', author: who, type: 'text', text: 'Hello' })).status).toBe(200);
      expect((await api.create('messages', { conversation: id, direction: 'out', author: who, type: 'text', text: 'Anything else?' })).status).toBe(200);
      if (n !== 6) await api.update('conversations', id, { status: 'resolved' });
      if (n === 5) await root.update('conversations', id, { csat_rating: 4 });
      if (n === 6) await root.update('conversations', id, { sla_breached: true });
    }
  });

  it('gives the full report’s headline figures and first-response bins for the whole scope', async () => {
    const report = (await admin.request('GET', `/api/pocketdesk/metrics?${range()}`)).body;
    const overview = (await admin.request('GET', `/api/pocketdesk/metrics/overview?${range()}`)).body;
    expect(report.summary.resolved).toBeGreaterThan(2);
    expect(report.summary.csat.count).toBe(1);
    expect(comparable(overview)).toEqual(comparable(report.summary));
    closeFrt(overview, report.summary);
    expect(overview.firstResponseBins).toEqual(report.firstResponseBins);
    expect(overview.groups).toBeNull();
  });

  it.each([
    ['agent', 2],
    ['team', 2],
    ['channel', 1],
  ] as const)('gives the full report’s figures per %s', async (groupBy, keys) => {
    const report = (await admin.request('GET', `/api/pocketdesk/metrics?${range()}&groupBy=${groupBy}`)).body;
    const overview = (await admin.request('GET', `/api/pocketdesk/metrics/overview?${range()}&groupBy=${groupBy}`)).body;
    // The full report also lists keys with only older, still-open conversations (nothing opened or resolved now).
    const active = (groups: Array<{ key: string | null; summary: Summary }>) => groups.filter((g) => g.summary.opened + g.summary.resolved > 0);
    const fullGroups = active(report.groups);
    expect(fullGroups.length).toBeGreaterThanOrEqual(keys);
    // The headline, summed from the groups' counts, is still the whole scope's.
    expect(comparable(overview)).toEqual(comparable(report.summary));
    expect(overview.firstResponseBins).toEqual(report.firstResponseBins);
    expect(active(overview.groups).map((g) => [g.key, comparable(g.summary)])).toEqual(fullGroups.map((g) => [g.key, comparable(g.summary)]));
    for (const group of fullGroups) {
      const sql = overview.groups.find((g: { key: string | null }) => g.key === group.key);
      closeFrt(sql.summary, group.summary);
      expect(sql.firstResponseBins).toEqual(report.groupFirstResponseBins.find((g: { key: string | null }) => g.key === group.key).bins);
    }
  });

  it('counts SLA breaches and each agent’s open conversations now', async () => {
    const overview = (await admin.request('GET', `/api/pocketdesk/metrics/overview?${range()}&groupBy=agent`)).body;
    const chips = await overdueChips();
    expect(overview.slaBreaches).toBe(chips.length);
    expect(overview.slaBreaches).toBeGreaterThan(0);
    const byKey = new Map(overview.groups.map((g: { key: string | null }) => [g.key, g]));
    for (const agent of [agentAId, agentB]) {
      const open = await root.list('conversations', `assignee = "${agent}" && resolved_at = ""`);
      expect((byKey.get(agent) as { openNow: number }).openNow).toBe(open.length);
    }
    expect((byKey.get(agentB) as { slaBreaches: number }).slaBreaches).toBe(1);
  });

  it('counts as breaches the very conversations the queue shows Overdue, whenever they came in', async () => {
    // Was: "SLA breaches 0" for today beside two Overdue chips (one from yesterday, one whose deadline passed since the sweep).
    const dueLate = await ticket(7, teamA);
    await root.update('conversations', dueLate, { sla_due_at: new Date(Date.now() - 10 * 60_000).toISOString(), sla_breached: false });
    const chips = await overdueChips();
    expect(chips).toEqual(expect.arrayContaining([dueLate]));
    expect(chips.length).toBeGreaterThanOrEqual(2);
    // A period that begins after every ticket came in, as "today" begins after yesterday's.
    const today = `from=${Date.now()}&to=${Date.now() + 3600_000}`;
    const overview = (await admin.request('GET', `/api/pocketdesk/metrics/overview?${today}&groupBy=team`)).body;
    expect(overview.opened).toBe(0);
    expect(overview.slaBreaches).toBe(chips.length);
    const teamAChips = (await overdueChips(`team = "${teamA}"`)).length;
    expect(overview.groups.find((g: { key: string | null }) => g.key === teamA).slaBreaches).toBe(teamAChips);
    expect((await managerA.request('GET', `/api/pocketdesk/metrics/overview?${today}`)).body.slaBreaches).toBe(teamAChips);
  });

  it('keeps a manager to their own teams', async () => {
    const overview = (await managerA.request('GET', `/api/pocketdesk/metrics/overview?${range()}&groupBy=team`)).body;
    expect(overview.groups.map((g: { key: string | null }) => g.key)).toEqual([teamA]);
    expect((await managerA.request('GET', `/api/pocketdesk/metrics/overview?${range()}&teamId=${teamB}`)).status).toBe(403);
  });
});

describe('stored metric columns', () => {
  let deletable: string;
  let erasedContact: string;
  const resolve = (id: string) => agentA.update('conversations', id, { status: 'resolved' });
  const reply = async (id: string, text: string) => {
    const response = await agentA.create('messages', { conversation: id, direction: 'out', author: agentAId, type: 'text', text });
    expect(response.body).toMatchObject({ conversation: id });
    return response.body.id as string;
  };
  const overviewOf = async () => (await admin.request('GET', `/api/pocketdesk/metrics/overview?${range()}&groupBy=agent`)).body;
  const agentGroup = (overview: { groups: Array<{ key: string | null; summary: Summary }> }) => overview.groups.find((g) => g.key === agentAId)!.summary;

  beforeAll(async () => {
    // Reopened: the customer writes again after the resolution, and the agent answers the reopened ticket too.
    const reopened = await ticket(20, teamA);
    await reply(reopened, 'First answer');
    await resolve(reopened);
    await postWebhook(pb.url, JSON.stringify(textWebhook({ from: '348000020', name: 'Metric 20', wamid: 'wamid.metrics.20b', text: 'One more thing' })));
    expect((await root.view('conversations', reopened)).body).toMatchObject({ status: 'open', reopen_count: 1 });
    // Routing may hand the reopened ticket to someone else; this test wants the same agent on both sides.
    await root.update('conversations', reopened, { assignee: agentAId });
    await reply(reopened, 'Second answer');
    await resolve(reopened);
    // A reply that will be deleted once the ticket is resolved.
    const withDeleted = await ticket(21, teamA);
    await reply(withDeleted, 'Kept');
    deletable = await reply(withDeleted, 'Sent by mistake');
    await resolve(withDeleted);
    // A customer who asks to be erased; their rated ticket must still count.
    const erased = await ticket(22, teamA);
    await reply(erased, 'Done');
    await resolve(erased);
    await root.update('conversations', erased, { csat_rating: 5 });
    erasedContact = (await root.view('conversations', erased)).body.contact;
    // The desk's first response recorded before the customer's first message: no response time, in either report.
    const deskFirst = await ticket(23, teamA);
    const [question] = await root.list('messages', `conversation = "${deskFirst}" && direction = "in"`);
    const before = new Date(Date.parse(question.created.replace(' ', 'T')) - 60_000).toISOString().replace('T', ' ');
    await root.update('conversations', deskFirst, { first_response_at: before });
  });

  const expectSameFigures = async () => {
    const report = (await admin.request('GET', `/api/pocketdesk/metrics?${range()}&groupBy=agent`)).body;
    const overview = await overviewOf();
    expect(comparable(overview)).toEqual(comparable(report.summary));
    closeFrt(overview, report.summary);
    expect(overview.firstResponseBins).toEqual(report.firstResponseBins);
    const full = report.groups.find((g: { key: string | null }) => g.key === agentAId).summary;
    expect(comparable(agentGroup(overview))).toEqual(comparable(full));
    closeFrt(agentGroup(overview), full);
    return overview;
  };

  it('gives the full report’s figures for a reopened ticket, a reply before the question and replies on both sides of a reopen', async () => {
    await expectSameFigures();
  });

  it('cannot be set back by a stale copy of a conversation saved after its replies', async () => {
    const before = agentGroup(await expectSameFigures());
    // What a copy loaded before its replies were written would save: the figures of a ticket without them.
    const [stale] = await root.list('conversations', `assignee = "${agentAId}" && status = "resolved"`);
    const written = await root.update('conversations', stale.id, { agent_replies: 0, first_response_ms: -1, resolution_ms: 0, labels: [] });
    expect(written.status).toBe(200);
    expect(agentGroup(await expectSameFigures())).toEqual(before);
  });

  it('stops counting a deleted reply', async () => {
    const before = agentGroup(await overviewOf());
    expect((await root.delete('messages', deletable)).status).toBe(204);
    const after = agentGroup(await expectSameFigures());
    expect(after.resolved).toBe(before.resolved);
    expect(after.repliesPerConversation * after.resolved).toBeCloseTo(before.repliesPerConversation * before.resolved - 1, 6);
  });

  it('keeps an erased customer’s tickets in the figures, unchanged', async () => {
    const before = await overviewOf();
    expect((await admin.request('POST', `/api/pocketdesk/contacts/${erasedContact}/erase`)).status).toBe(200);
    const after = await expectSameFigures();
    expect(comparable(after)).toEqual(comparable(before));
    expect(after.csat.distribution[5]).toBeGreaterThan(0);
  });
});
