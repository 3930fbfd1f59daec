import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkCsatDraft,
  checkQaDraft,
  checkSlaDraft,
  csatDraftOf,
  newPolicyDraft,
  qaDraftOf,
  saveChannelService,
  saveTeamQa,
  serviceChannelSchema,
  serviceTeamSchema,
  slaDraftOf,
} from '../../src/lib/client/service-draft';
import { Api } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, createChannel, createTeam, PASSWORD } from '../support/seed';

// The service settings screen's own calls: weekly QA per team (admins and the team's managers), response targets and
// the survey per channel (admins), each checked by the server with the schema its sweep reads.
let server: RunningPocketBase;
let root: Api;
const ids: Record<string, string> = {};
const as: Record<string, PocketBase> = {};

beforeAll(async () => {
  server = await startPocketBase();
  root = new Api(server.url, server.superuserToken);
  ids.front = await createTeam(root, 'Front desk');
  ids.back = await createTeam(root, 'Back office');
  ids.channel = await createChannel(root);
  for (const [key, role, team] of [
    ['admin', 'admin', ids.front],
    ['manager', 'manager', ids.front],
    ['managerBack', 'manager', ids.back],
    ['agent', 'agent', ids.front],
  ] as const) {
    const person = await createAgent(root, { name: `The ${key}`, role, teams: [team], status: 'offline' });
    const pb = new PocketBase(server.url);
    pb.autoCancellation(false);
    await pb.collection('agents').authWithPassword(person.email, PASSWORD);
    as[key] = pb;
  }
});
afterAll(async () => server?.stop());

const team = async (id: string) => serviceTeamSchema.parse((await root.view('teams', id)).body);
const channel = async () => serviceChannelSchema.parse((await root.view('channels', ids.channel)).body);

describe('weekly QA', () => {
  it('lets a manager of the team switch it on with their own rubric; the audit names them', async () => {
    const draft = { ...qaDraftOf(await team(ids.front)), enabled: true, samplePerAgent: 2 };
    draft.rubric.push({ id: 'empathy', label: 'Empathy', max: 3 });
    const checked = checkQaDraft(draft);
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    expect(await saveTeamQa(as.manager, ids.front, checked.input)).toMatchObject({ ok: true });
    expect((await team(ids.front)).settings.qa).toMatchObject({ enabled: true, samplePerAgent: 2, periodDays: 7 });
    const [entry] = await root.list('audit_log', `collection_name = "teams" && record_id = "${ids.front}"`, '-created');
    expect(entry.summary).toBe('The manager switched on weekly QA for team Front desk');
  });

  it.each(['managerBack', 'agent'] as const)('refuses %s, changing nothing', async (who) => {
    const before = (await team(ids.front)).settings;
    expect(await saveTeamQa(as[who], ids.front, { enabled: false, samplePerAgent: 1, periodDays: 1, rubric: [{ id: 'x', label: 'X', max: 1 }] })).toMatchObject(
      { ok: false, reason: 'forbidden' },
    );
    expect((await team(ids.front)).settings).toEqual(before);
  });

  it('refuses a rubric with a repeated id beside the field, on the device and on the server', async () => {
    const draft = {
      enabled: true,
      samplePerAgent: 1,
      periodDays: 7,
      rubric: [
        { id: 'tone', label: 'Tone', max: 2 },
        { id: 'tone', label: 'Again', max: 2 },
      ],
    };
    expect(checkQaDraft(draft)).toMatchObject({ ok: false, errors: { 'rubric.1.id': { code: 'duplicate-id' } } });
    const sent = await saveTeamQa(as.admin, ids.back, draft as never);
    expect(sent).toMatchObject({ ok: false, errors: { 'rubric.1.id': { code: 'duplicate-id' } } });
    expect((await team(ids.back)).settings.qa).toBeUndefined();
  });
});

describe('response targets and the survey', () => {
  it('saves a team’s target with peak hours and keeps the survey beside it', async () => {
    const csat = checkCsatDraft({ ...csatDraftOf(await channel()), askBotResolved: true });
    if (!csat.ok) throw new Error(JSON.stringify(csat.errors));
    expect(await saveChannelService(as.admin, await channel(), 'csat', csat.input)).toMatchObject({ ok: true });

    const policy = {
      ...newPolicyDraft('Europe/Madrid', ids.front),
      firstResponseMinutes: 10,
      peak: { use: true, timezone: 'Europe/Madrid', from: '12:00', to: '14:00', days: ['mon' as const, 'fri' as const] },
    };
    const sla = checkSlaDraft(ids.channel, [...slaDraftOf(await channel()), policy]);
    if (!sla.ok) throw new Error(JSON.stringify(sla.errors));
    expect(await saveChannelService(as.admin, await channel(), 'sla', sla.input)).toMatchObject({ ok: true });
    const stored = (await channel()).service as { sla: { policies: unknown[] }; csat: { askBotResolved: boolean } };
    expect(stored.csat.askBotResolved).toBe(true);
    expect(stored.sla.policies[1]).toMatchObject({
      channelId: ids.channel,
      teamId: ids.front,
      firstResponseMinutes: 10,
      peakHours: { timezone: 'Europe/Madrid', weekly: { mon: [{ start: '12:00', end: '14:00' }] } },
    });
    expect(slaDraftOf(await channel())[1].peak).toEqual(policy.peak);
  });

  it('refuses a peak that starts where it ends, or a team that does not exist, and changes nothing', async () => {
    const before = (await channel()).service;
    const bad = { ...newPolicyDraft('UTC'), peak: { use: true, timezone: 'UTC', from: '12:00', to: '12:00', days: ['mon' as const] } };
    expect(checkSlaDraft(ids.channel, [bad])).toMatchObject({ ok: false, errors: { 'policies.0.peak.to': { code: 'empty-interval' } } });
    const forged = await new Api(server.url, as.admin.authStore.token).update('channels', ids.channel, {
      service: { ...before, sla: { policies: [{ teamId: 'nosuchteam00000' }] } },
    });
    expect(forged.status).toBe(400);
    expect(forged.body.data['service.sla.policies.0.teamId'].code).toBe('unknown-team');
    expect((await channel()).service).toEqual(before);
  });

  it('refuses a manager who saves a channel’s targets', async () => {
    const sla = checkSlaDraft(ids.channel, [newPolicyDraft('UTC')]);
    if (!sla.ok) throw new Error('draft');
    expect(await saveChannelService(as.manager, await channel(), 'sla', sla.input)).toMatchObject({ ok: false, reason: 'forbidden' });
  });
});
