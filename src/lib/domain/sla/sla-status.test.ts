import { describe, expect, it } from 'vitest';
import { intlTimeZone as port } from '../../client/intl-time-zone';
import type { BusinessSchedule } from '../hours/schedule';
import type { ConversationTimeline, TimelineEvent } from '../metrics/conversation-timeline';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from './sla-policy';
import { slaStatus, type SlaTarget, type SlaTargetStatus } from './sla-status';

// June 2026 in Madrid is CEST (+02:00); 2026-06-15 is a Monday, 2026-06-24 (Wednesday) a holiday.
const at = (local: string) => Date.parse(`2026-06-${local}+02:00`);
const MIN = 60_000;
const weekdays = (start: string, end: string) => {
  const day = [{ start, end }];
  return { mon: day, tue: day, wed: day, thu: day, fri: day };
};
const office: BusinessSchedule = { timezone: 'Europe/Madrid', weekly: weekdays('09:00', '19:00'), holidays: [{ date: '2026-06-24' }] };
const lunchRush: BusinessSchedule = { timezone: 'Europe/Madrid', weekly: weekdays('12:00', '14:00') };
const policy = (over: Partial<SlaPolicy> = {}): SlaPolicy => ({ ...DEFAULT_SLA_POLICY, ...over });
const events = (...specs: string[]): TimelineEvent[] =>
  specs.map((spec) => {
    const [when, kind, agentId] = spec.split(' ');
    return { at: at(when as string), kind: kind as TimelineEvent['kind'], ...(agentId ? { agentId } : {}) };
  });
function conversation(asked: string, over: Partial<ConversationTimeline> = {}): ConversationTimeline {
  return {
    id: 'c1',
    channelId: 'wa',
    teamId: null,
    assigneeId: 'ana',
    createdAt: at(asked),
    firstInboundAt: at(asked),
    firstResponseAt: null,
    resolvedAt: null,
    resolvedBy: null,
    reopenCount: 0,
    handoverCount: 0,
    events: events(`${asked} in`),
    ...over,
  };
}
const targetOf = (statuses: SlaTargetStatus[], target: SlaTarget) => statuses.find((status) => status.target === target);
const firstResponse = (timeline: ConversationTimeline, now: string, over: Partial<SlaPolicy> = {}, schedule: BusinessSchedule | null = office) =>
  targetOf(slaStatus(timeline, policy(over), at(now), schedule, port), 'first-response');

describe('slaStatus: first response', () => {
  it.each([
    ['counts down during opening hours', '15T10:00', '15T10:03', '15T10:05', 2, null],
    ['breaches at the due instant and counts past it', '15T10:00', '15T10:07', '15T10:05', -2, '15T10:05'],
    ['is not yet breached at the due instant itself', '15T10:00', '15T10:05', '15T10:05', 0, null],
    ['waits for the opening for a message at 03:00', '15T03:00', '15T08:00', '15T09:05', 5, null],
    ['does not run over the weekend', '19T18:58', '20T12:00', '22T09:03', 3, null],
    ['does not run on a holiday', '23T18:57', '24T12:00', '25T09:02', 2, null],
    ['counts the overdue time in open hours only', '19T18:50', '22T09:10', '19T18:55', -15, '19T18:55'],
  ])('%s', (_, asked, now, due, remainingMinutes, breachedAt) => {
    expect(firstResponse(conversation(asked), now)).toEqual({
      target: 'first-response',
      startedAt: at(asked),
      dueAt: at(due),
      stoppedAt: null,
      remainingMs: remainingMinutes * MIN,
      breached: breachedAt !== null,
      breachedAt: breachedAt === null ? null : at(breachedAt),
      peak: false,
    });
  });

  it.each([
    ['in time', '15T10:04', false, 1],
    ['exactly at the due instant', '15T10:05', false, 0],
    ['late', '15T10:06', true, -1],
  ])('stops the clock at a reply %s', (_, replied, breached, remainingMinutes) => {
    const status = firstResponse(conversation('15T10:00', { firstResponseAt: at(replied) }), '15T18:00');
    expect(status).toMatchObject({ stoppedAt: at(replied), breached, remainingMs: remainingMinutes * MIN });
  });

  it.each([
    ['a message inside the peak window gets the peak target', '15T12:30', true, '15T13:00'],
    ['a message just before it gets the normal one', '15T11:58', false, '15T12:03'],
    ['a message just after it gets the normal one', '15T14:00', false, '15T14:05'],
  ])('%s', (_, asked, peak, due) => {
    expect(firstResponse(conversation(asked), asked, { peakHours: lunchRush })).toMatchObject({ peak, dueAt: at(due) });
  });

  it('lets a peak target run on past closing time into the next opening', () => {
    const eveningRush: BusinessSchedule = { timezone: 'Europe/Madrid', weekly: weekdays('18:00', '20:00') };
    expect(firstResponse(conversation('15T18:45'), '15T20:00', { peakHours: eveningRush })).toMatchObject({
      peak: true,
      dueAt: at('16T09:15'),
      remainingMs: 15 * MIN,
    });
  });

  it('counts wall time when the policy ignores business hours, or the channel has no schedule', () => {
    expect(firstResponse(conversation('15T03:00'), '15T03:10', { businessHoursOnly: false })).toMatchObject({
      dueAt: at('15T03:05'),
      breached: true,
      remainingMs: -5 * MIN,
    });
    expect(firstResponse(conversation('15T03:00'), '15T03:10', {}, null)).toMatchObject({ dueAt: at('15T03:05'), breached: true });
  });

  it('stops the clock at a resolution that came before any reply', () => {
    const closed = conversation('15T10:00', {
      resolvedAt: at('15T10:02'),
      resolvedBy: 'bot',
      events: events('15T10:00 in', '15T10:01 out-bot', '15T10:02 resolved'),
    });
    expect(firstResponse(closed, '15T18:00')).toMatchObject({ stoppedAt: at('15T10:02'), breached: false });
  });

  it('finds the first reply in the events when the stored one came before the customer wrote', () => {
    const deskFirst = conversation('15T10:00', {
      createdAt: at('15T09:00'),
      firstResponseAt: at('15T09:00'),
      events: events('15T09:00 out-agent ana', '15T10:00 in', '15T10:03 out-agent ana'),
    });
    expect(firstResponse(deskFirst, '15T18:00')).toMatchObject({ startedAt: at('15T10:00'), stoppedAt: at('15T10:03'), breached: false });
  });

  it('has no first-response target when the customer never wrote', () => {
    expect(firstResponse(conversation('15T10:00', { firstInboundAt: null, events: [] }), '15T18:00')).toBeUndefined();
  });

  it('gives no deadline on a schedule that never opens', () => {
    expect(firstResponse(conversation('15T10:00'), '15T18:00', {}, { timezone: 'Europe/Madrid', weekly: {} })).toMatchObject({
      dueAt: null,
      remainingMs: null,
      breached: false,
      breachedAt: null,
    });
  });
});

describe('slaStatus: next response', () => {
  const nextResponse = (timeline: ConversationTimeline, now: string, over: Partial<SlaPolicy> = {}) =>
    targetOf(slaStatus(timeline, policy(over), at(now), office, port), 'next-response');
  const replied = (...more: string[]) =>
    conversation('15T10:00', { firstResponseAt: at('15T10:02'), events: events('15T10:00 in', '15T10:02 out-agent ana', ...more) });

  it('starts when the customer writes again after a reply and breaches after the target', () => {
    expect(nextResponse(replied('15T10:10 in', '15T10:12 in'), '15T10:50')).toMatchObject({
      startedAt: at('15T10:10'),
      dueAt: at('15T10:40'),
      stoppedAt: null,
      breached: true,
      breachedAt: at('15T10:40'),
      remainingMs: -10 * MIN,
    });
  });

  it('stops at the agent’s next reply', () => {
    expect(nextResponse(replied('15T10:10 in', '15T10:20 out-agent ana'), '15T18:00')).toMatchObject({
      stoppedAt: at('15T10:20'),
      breached: false,
      remainingMs: 20 * MIN,
    });
  });

  it('runs in business time across the night', () => {
    expect(nextResponse(replied('15T18:50 in'), '16T09:05')).toMatchObject({ dueAt: at('16T09:20'), breached: false, remainingMs: 15 * MIN });
  });

  it('reports the latest wait', () => {
    expect(nextResponse(replied('15T10:10 in', '15T11:00 out-agent ana', '15T11:30 in'), '15T11:31')).toMatchObject({
      startedAt: at('15T11:30'),
      breached: false,
    });
  });

  it.each([
    ['before the first reply', conversation('15T10:00', { events: events('15T10:00 in', '15T10:01 in') }), {}],
    ['when the customer has not written since the reply', replied(), {}],
    ['when bot replies are all the customer got', conversation('15T10:00', { events: events('15T10:00 in', '15T10:01 out-bot', '15T10:02 in') }), {}],
    ['when the policy tracks no next response', replied('15T10:10 in'), { nextResponseMinutes: null }],
  ])('is not tracked %s', (_, timeline, over) => {
    expect(nextResponse(timeline, '15T18:00', over)).toBeUndefined();
  });
});

describe('slaStatus: resolution', () => {
  const resolution = (timeline: ConversationTimeline, now: string) => targetOf(slaStatus(timeline, policy(), at(now), office, port), 'resolution');

  it('is due after 8 hours of opening time from creation', () => {
    expect(resolution(conversation('15T15:00'), '16T14:00')).toMatchObject({
      startedAt: at('15T15:00'),
      dueAt: at('16T13:00'),
      breached: true,
      remainingMs: -60 * MIN,
    });
  });

  it('stops at the resolution', () => {
    expect(resolution(conversation('15T15:00', { resolvedAt: at('16T10:00'), resolvedBy: 'agent' }), '17T12:00')).toMatchObject({
      stoppedAt: at('16T10:00'),
      breached: false,
      remainingMs: 180 * MIN,
    });
  });

  it('lists only the targets the policy tracks', () => {
    const statuses = slaStatus(conversation('15T10:00'), policy({ resolutionMinutes: null }), at('15T10:01'), office, port);
    expect(statuses.map((status) => status.target)).toEqual(['first-response']);
  });
});
