import { describe, expect, it } from 'vitest';
import { intlTimeZone as port } from '../../client/intl-time-zone';
import { afterAssignKey } from '../autoreply/auto-reply-plan';
import type { BusinessSchedule } from '../hours/schedule';
import type { ShiftStatus } from '../routing/routing-input';
import { planAgentIntroduction, type IntroductionInput } from './agent-introduction';

const day = [{ start: '09:00', end: '19:00' }];
const office: BusinessSchedule = { timezone: 'Europe/Madrid', weekly: { mon: day, tue: day, wed: day, thu: day, fri: day } };
const HOUR = 3_600_000;
// 2026-06-15 is a Monday; Madrid is on CEST (+02:00) in June.
const MONDAY_NOON = Date.parse('2026-06-15T12:00+02:00');
const MONDAY_NIGHT = Date.parse('2026-06-15T22:00+02:00');

interface Scenario {
  enabled?: boolean;
  text?: string;
  schedule?: BusinessSchedule | null;
  language?: string;
  agent?: string;
  status?: ShiftStatus;
  shiftEndsAt?: number | null;
  actedNow?: boolean;
  lastInboundAgoMs?: number | null;
  sent?: string[];
  now?: number;
}

function input(s: Scenario): IntroductionInput {
  const now = s.now ?? MONDAY_NOON;
  return {
    afterAssign: { enabled: s.enabled ?? true, text: s.text ?? '' },
    schedule: s.schedule === undefined ? office : s.schedule,
    channel: { name: 'Tienda Sol', timezone: 'Europe/Madrid', language: s.language ?? 'en' },
    customerName: 'Lucía',
    agent: { name: s.agent ?? 'Ana', status: s.status ?? 'online', shiftEndsAt: s.shiftEndsAt ?? null, actedNow: s.actedNow ?? false },
    lastInboundAt: s.lastInboundAgoMs === null ? null : now - (s.lastInboundAgoMs ?? 5 * 60_000),
    sentAutoReplyKeys: s.sent ?? [],
  };
}
const plan = (s: Scenario = {}) => planAgentIntroduction(input(s), s.now ?? MONDAY_NOON, port);
const outcome = (s: Scenario) => {
  const p = plan(s);
  return p.send ? 'send' : p.reason;
};

describe('introducing the agent who got the conversation', () => {
  it.each<[string, Scenario, string]>([
    ['an online agent, open, inside the window', {}, 'send'],
    ['the setting is off', { enabled: false }, 'disabled'],
    ['the agent has no name to introduce', { agent: '  ' }, 'no-agent-name'],
    ['this agent was already introduced', { sent: [afterAssignKey('Ana')] }, 'already-introduced'],
    ['another agent was introduced before (a handover)', { sent: [afterAssignKey('Ben')] }, 'send'],
    ['the agent is offline (a manager assigned it to them)', { status: 'offline' }, 'agent-not-available'],
    ['the agent is away', { status: 'away' }, 'agent-not-available'],
    ['the agent is online but their shift has ended', { shiftEndsAt: MONDAY_NOON - HOUR }, 'agent-not-available'],
    ['the agent is online with their shift still running', { shiftEndsAt: MONDAY_NOON + HOUR }, 'send'],
    ['the agent claimed it themselves, past their shift', { shiftEndsAt: MONDAY_NOON - HOUR, actedNow: true }, 'send'],
    ['the customer wrote 23 hours ago', { lastInboundAgoMs: 23 * HOUR }, 'send'],
    ['the customer wrote 25 hours ago (the window closed)', { lastInboundAgoMs: 25 * HOUR }, 'window-closed'],
    ['the customer never wrote', { lastInboundAgoMs: null }, 'window-closed'],
    ['the shop is closed', { now: MONDAY_NIGHT }, 'business-closed'],
    ['the shop is closed but has no hours (always open)', { now: MONDAY_NIGHT, schedule: null }, 'send'],
    ['the admin’s text renders to nothing while open', { text: '{{opens_at}}' }, 'empty-text'],
  ])('%s → %s', (_, scenario, expected) => {
    expect(outcome(scenario)).toBe(expected);
  });

  it('never announces an agent who is not there, whatever else holds', () => {
    for (const status of ['offline', 'away'] as const) {
      for (const schedule of [office, null]) {
        for (const sent of [[], [afterAssignKey('Ben')]]) {
          expect(plan({ status, schedule, sent }).send).toBe(false);
        }
      }
    }
  });

  it('says the built-in sentence in the channel’s language, naming the agent, under the shared dedupe key', () => {
    expect(plan({})).toEqual({ send: true, text: 'Ana will help you shortly.', dedupeKey: afterAssignKey('Ana') });
    expect(plan({ language: 'es', agent: 'Lucas' })).toEqual({ send: true, text: 'Lucas te atenderá en breve.', dedupeKey: afterAssignKey('Lucas') });
  });

  it('fills the admin’s own text', () => {
    expect(plan({ text: 'Hi {{customer_name}}, {{agent_name}} from {{channel_name}} has your case.' })).toMatchObject({
      text: 'Hi Lucía, Ana from Tienda Sol has your case.',
    });
  });

  it('introduces each agent of a chain of handovers once (A → B → A → C)', () => {
    const sent: string[] = [];
    const said = ['Ana', 'Ben', 'Ana', 'Cleo'].map((agent) => {
      const p = plan({ agent, sent });
      if (p.send) sent.push(p.dedupeKey);
      return p.send ? p.text : null;
    });
    expect(said).toEqual(['Ana will help you shortly.', 'Ben will help you shortly.', null, 'Cleo will help you shortly.']);
  });
});
