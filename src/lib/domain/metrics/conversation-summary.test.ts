import { describe, expect, it } from 'vitest';
import { intlTimeZone as port } from '../../client/intl-time-zone';
import type { BusinessSchedule } from '../hours/schedule';
import type { ConversationTimeline, TimelineEvent } from './conversation-timeline';
import { summarizeConversations } from './conversation-summary';

// June 2026 in Madrid is CEST (+02:00); 2026-06-15 is a Monday.
const at = (local: string) => Date.parse(`2026-06-${local}+02:00`);
const MIN = 60_000;
// Compact events: '15T09:00 in', '15T09:02 assigned ana', '15T09:05 out-agent ana'.
const events = (...specs: string[]): TimelineEvent[] =>
  specs.map((spec) => {
    const [when, kind, agentId] = spec.split(' ');
    return { at: at(when as string), kind: kind as TimelineEvent['kind'], ...(agentId ? { agentId } : {}) };
  });
function timeline(id: string, over: Partial<ConversationTimeline> = {}): ConversationTimeline {
  const createdAt = over.createdAt ?? at('15T10:00');
  return {
    id,
    channelId: 'wa-main',
    teamId: 'support',
    assigneeId: 'ana',
    createdAt,
    firstInboundAt: createdAt,
    firstResponseAt: null,
    resolvedAt: null,
    resolvedBy: null,
    reopenCount: 0,
    handoverCount: 0,
    events: [],
    csat: null,
    ...over,
  };
}
const june = { from: at('01T00:00'), to: at('30T00:00') };
const plain = { schedule: null, port: null };
const weekdays = (spec: { start: string; end: string }[]) => ({ mon: spec, tue: spec, wed: spec, thu: spec, fri: spec });
const office: BusinessSchedule = {
  timezone: 'Europe/Madrid',
  weekly: weekdays([{ start: '09:00', end: '19:00' }]),
  holidays: [{ date: '2026-06-24', name: 'Sant Joan' }],
};

describe('summarizeConversations: volume', () => {
  it.each([
    ['one created at the start of the range', '15T00:00', 1],
    ['one created the instant the range ends', '16T00:00', 0],
    ['one created the day before', '14T23:59', 0],
  ])('counts %s as opened: %i', (_, created, opened) => {
    const range = { from: at('15T00:00'), to: at('16T00:00') };
    expect(summarizeConversations([timeline('c', { createdAt: at(created) })], range, plain).opened).toBe(opened);
  });

  it('counts resolutions by when they happened, and the bot ones apart', () => {
    const range = { from: at('15T00:00'), to: at('16T00:00') };
    const summary = summarizeConversations(
      [
        timeline('agent', { createdAt: at('14T10:00'), resolvedAt: at('15T11:00'), resolvedBy: 'agent' }),
        timeline('bot', { resolvedAt: at('15T12:00'), resolvedBy: 'bot' }),
        timeline('later', { resolvedAt: at('16T09:00'), resolvedBy: 'agent' }),
        timeline('open'),
      ],
      range,
      plain,
    );
    expect(summary).toMatchObject({ opened: 3, resolved: 2, botResolved: 1 });
  });
});

describe('summarizeConversations: first response', () => {
  it('measures from the first customer message to the first reply, skipping unanswered and desk-first conversations', () => {
    const asked = at('15T10:00');
    const summary = summarizeConversations(
      [
        ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((minutes) => timeline(`c${minutes}`, { firstInboundAt: asked, firstResponseAt: asked + minutes * MIN })),
        timeline('unanswered'),
        timeline('desk-first', { firstInboundAt: asked, firstResponseAt: asked - MIN }),
        timeline('never-asked', { firstInboundAt: null, firstResponseAt: asked }),
      ],
      june,
      plain,
    );
    expect(summary.firstResponse).toEqual({ medianMs: 5.5 * MIN, p90Ms: 9 * MIN, count: 10 });
  });

  it.each([
    ['a 3 a.m. message answered at 9:01 (opening 9:00)', '15T03:00', '15T09:01', 1],
    ['a message just before closing answered the next morning', '15T18:55', '16T09:04', 9],
    ['a Friday evening message answered on Monday', '19T18:50', '22T09:05', 15],
    ['a message before a holiday answered the day after it', '23T18:58', '25T09:03', 5],
    ['a message on a holiday answered on it', '24T11:00', '24T11:30', 0],
    ['a message answered within opening hours', '15T10:00', '15T10:07', 7],
  ])('counts only open time for %s: %i min', (_, asked, answered, minutes) => {
    const conversation = timeline('c', { createdAt: at(asked), firstInboundAt: at(asked), firstResponseAt: at(answered) });
    const summary = summarizeConversations([conversation], june, { schedule: office, port });
    expect(summary.firstResponse.businessMedianMs).toBe(minutes * MIN);
    expect(summary.firstResponse.medianMs).toBe(at(answered) - at(asked));
  });

  it('leaves the business-time figures out without a schedule, and null when nothing was answered', () => {
    expect(summarizeConversations([timeline('c')], june, plain).firstResponse).toEqual({ medianMs: null, p90Ms: null, count: 0 });
    expect(summarizeConversations([timeline('c')], june, { schedule: office, port }).firstResponse).toEqual({
      medianMs: null,
      p90Ms: null,
      count: 0,
      businessMedianMs: null,
      businessP90Ms: null,
    });
  });
});

describe('summarizeConversations: resolution', () => {
  const created = at('15T10:00');
  const resolved = (id: string, hours: number, over: Partial<ConversationTimeline> = {}) =>
    timeline(id, { createdAt: created, resolvedAt: created + hours * 60 * MIN, resolvedBy: 'agent', ...over });

  it('gives resolution time from creation, with its median, 90th percentile and mean', () => {
    const summary = summarizeConversations([resolved('a', 1), resolved('b', 2), resolved('c', 3), resolved('d', 10)], june, plain);
    expect(summary.resolution).toEqual({ medianMs: 2.5 * 60 * MIN, p90Ms: 10 * 60 * MIN });
    expect(summary.averageDurationMs).toBe(4 * 60 * MIN);
  });

  it.each([
    ['resolved at first contact', {}, 1],
    ['reopened once', { reopenCount: 1 }, 0],
    ['handed over to another agent', { handoverCount: 1 }, 0],
    ['reopened and handed over', { reopenCount: 2, handoverCount: 1 }, 0],
  ])('counts a conversation %s towards first-contact resolution: %i', (_, over, rate) => {
    expect(summarizeConversations([resolved('a', 1, over)], june, plain).firstContactResolutionRate).toBe(rate);
  });

  it('divides first-contact resolutions by all resolutions', () => {
    const summary = summarizeConversations(
      [resolved('a', 1), resolved('b', 1), resolved('c', 1, { reopenCount: 1 }), resolved('d', 1, { handoverCount: 3 })],
      june,
      plain,
    );
    expect(summary.firstContactResolutionRate).toBe(0.5);
  });

  it('averages agent replies over resolved conversations, not counting the bot', () => {
    const summary = summarizeConversations(
      [
        resolved('a', 1, { events: events('15T10:00 in', '15T10:01 out-bot', '15T10:02 out-agent ana', '15T10:05 out-agent ana', '15T10:09 out-agent ana') }),
        resolved('b', 1, { events: events('15T10:00 in', '15T10:01 out-agent ben') }),
        timeline('open', { events: events('15T10:00 in', '15T10:01 out-agent ben') }),
      ],
      june,
      plain,
    );
    expect(summary.repliesPerConversation).toBe(2);
  });

  it('answers null, not zero, for rates and averages over no resolutions', () => {
    expect(summarizeConversations([timeline('open')], june, plain)).toMatchObject({
      resolved: 0,
      resolution: { medianMs: null, p90Ms: null },
      firstContactResolutionRate: null,
      averageDurationMs: null,
      repliesPerConversation: null,
      csat: { average: null, count: 0 },
    });
  });
});

describe('summarizeConversations: handle time', () => {
  const handle = (...specs: string[]) => summarizeConversations([timeline('c', { events: events(...specs) })], june, plain).handleTime;

  it('starts the clock at assignment when the customer was already waiting', () => {
    expect(handle('15T09:00 in', '15T09:10 assigned ana', '15T09:12 out-agent ana')).toEqual([
      { agentId: 'ana', replies: 1, totalMs: 2 * MIN, averageMs: 2 * MIN },
    ]);
  });

  it('leaves out the time spent waiting on the customer between exchanges', () => {
    expect(handle('15T09:00 in', '15T09:00 assigned ana', '15T09:03 out-agent ana', '15T09:30 in', '15T09:31 in', '15T09:34 out-agent ana')).toEqual([
      { agentId: 'ana', replies: 2, totalMs: 7 * MIN, averageMs: 3.5 * MIN },
    ]);
  });

  it('adds nothing for a follow-up sent while nobody is waiting', () => {
    expect(handle('15T09:00 in', '15T09:00 assigned ana', '15T09:02 out-agent ana', '15T11:00 out-agent ana')).toEqual([
      { agentId: 'ana', replies: 1, totalMs: 2 * MIN, averageMs: 2 * MIN },
    ]);
  });

  it('gives the new agent only the time since their own assignment after a handover', () => {
    expect(handle('15T09:00 in', '15T09:01 assigned ana', '15T09:20 assigned ben', '15T09:25 out-agent ben')).toEqual([
      { agentId: 'ben', replies: 1, totalMs: 5 * MIN, averageMs: 5 * MIN },
    ]);
  });

  it('keeps the customer waiting through bot replies until a person answers', () => {
    expect(handle('15T09:00 in', '15T09:00 out-bot', '15T09:01 in', '15T09:03 out-bot', '15T09:09 out-agent ana')).toEqual([
      { agentId: 'ana', replies: 1, totalMs: 9 * MIN, averageMs: 9 * MIN },
    ]);
  });

  it('starts a new wait after a reopen rather than counting the resolved stretch', () => {
    expect(handle('15T09:00 in', '15T09:00 resolved', '15T12:00 in', '15T12:00 reopened', '15T12:04 out-agent ana')).toEqual([
      { agentId: 'ana', replies: 1, totalMs: 4 * MIN, averageMs: 4 * MIN },
    ]);
  });

  it('credits a reply without an author to the assignee and reads events given out of order', () => {
    const shuffled: TimelineEvent[] = [
      { at: at('15T09:06'), kind: 'out-agent' },
      { at: at('15T09:00'), kind: 'in' },
    ];
    expect(summarizeConversations([timeline('c', { events: shuffled })], june, plain).handleTime).toEqual([
      { agentId: 'ana', replies: 1, totalMs: 6 * MIN, averageMs: 6 * MIN },
    ]);
  });

  it('also counts opening hours only when given a schedule, so a night shift does not look like slow handling', () => {
    const night = timeline('c', { events: events('15T03:00 in', '15T03:01 assigned ana', '15T09:01 out-agent ana', '15T18:58 in', '16T09:04 out-agent ana') });
    expect(summarizeConversations([night], june, { schedule: office, port }).handleTime).toEqual([
      {
        agentId: 'ana',
        replies: 2,
        totalMs: (6 * 60 + 14 * 60 + 6) * MIN,
        averageMs: ((6 * 60 + 14 * 60 + 6) * MIN) / 2,
        businessTotalMs: 7 * MIN,
        businessAverageMs: 3.5 * MIN,
      },
    ]);
  });

  it('counts only replies sent within the range, and lists agents in id order', () => {
    const range = { from: at('15T00:00'), to: at('16T00:00') };
    const summary = summarizeConversations(
      [
        timeline('a', { events: events('14T23:50 in', '15T00:10 out-agent zoe') }),
        timeline('b', { events: events('15T23:50 in', '16T00:10 out-agent ana') }),
        timeline('c', { events: events('15T10:00 in', '15T10:01 out-agent ben') }),
      ],
      range,
      plain,
    );
    expect(summary.handleTime.map((row) => [row.agentId, row.totalMs])).toEqual([
      ['ben', MIN],
      ['zoe', 20 * MIN],
    ]);
  });
});

describe('summarizeConversations: CSAT', () => {
  it('averages valid ratings on conversations resolved in the range and counts each score', () => {
    const rated = (id: string, csat: number | null, resolvedAt = at('15T12:00')) => timeline(id, { resolvedAt, resolvedBy: 'agent', csat });
    const summary = summarizeConversations(
      [
        rated('a', 5),
        rated('b', 5),
        rated('c', 4),
        rated('d', 1),
        rated('none', null),
        rated('zero', 0),
        rated('six', 6),
        rated('half', 3.5),
        rated('july', 2, at('30T12:00')),
      ],
      june,
      plain,
    );
    expect(summary.csat).toEqual({ average: 3.75, count: 4, distribution: { 1: 1, 2: 0, 3: 0, 4: 1, 5: 2 }, acknowledged: 0 });
  });

  it('counts resolutions in the range the customer acknowledged with a reaction', () => {
    const resolved = (id: string, acknowledged: boolean, resolvedAt = at('15T12:00')) => ({
      ...timeline(id, { resolvedAt, resolvedBy: 'agent' }),
      acknowledged,
    });
    const summary = summarizeConversations(
      [resolved('a', true), resolved('b', false), resolved('c', true), resolved('july', true, at('30T12:00'))],
      june,
      plain,
    );
    expect(summary.csat.acknowledged).toBe(2);
  });
});
