import { describe, expect, it } from 'vitest';
import { intlTimeZone as port } from '../../client/intl-time-zone';
import { autoRepliesSettingsSchema, type AutoRepliesSettingsInput } from '../../schemas/auto-replies';
import type { BusinessSchedule } from '../hours/schedule';
import { autoReplyContextOf, type AutoReplyInput } from './auto-reply-plan';
import { planAutomaticVoice } from './automatic-voice';

const day = [{ start: '09:00', end: '19:00' }];
const office: BusinessSchedule = { timezone: 'Europe/Madrid', weekly: { mon: day, tue: day, wed: day, thu: day, fri: day } };
const at = (iso: string) => Date.parse(iso);

interface Scenario {
  settings?: AutoRepliesSettingsInput;
  schedule?: BusinessSchedule | null;
  language?: string;
  firstEver?: boolean;
  customer?: string;
  lastAgentReplyAt?: number | null;
  sent?: string[];
  agent?: string | null;
}

function input(s: Scenario = {}): AutoReplyInput {
  return {
    settings: autoRepliesSettingsSchema.parse(s.settings ?? {}),
    schedule: s.schedule === undefined ? office : s.schedule,
    channel: { name: 'Tienda Sol', timezone: 'Europe/Madrid', language: s.language ?? 'en' },
    contact: { name: s.customer ?? 'Lucía', isFirstEverMessage: s.firstEver ?? false },
    conversation: { lastAgentReplyAt: s.lastAgentReplyAt ?? null, sentAutoReplyKeys: s.sent ?? [] },
    assignedAgentName: s.agent ?? null,
  };
}
interface Planned {
  kind: string;
  text: string;
  dedupeKey: string;
}

// These tables read the clock-dependent side of the automatic voice (hours, keys, variables) with routing out of the
// picture: no branch reply, the assignee (if any) online. automatic-voice.test.ts covers the precedence.
function planned(s: Scenario, now: number) {
  const context = autoReplyContextOf(input(s), now, port);
  return planAutomaticVoice(
    {
      firstEver: s.firstEver ?? false,
      closed: context.closedKey !== null,
      faqBotSpoke: false,
      branchReply: null,
      assignee: s.agent == null ? null : { name: s.agent, online: true },
    },
    input(s).settings,
    context,
  );
}
const plan = (s: Scenario, instant: string): Planned[] => {
  const voice = planned(s, at(instant));
  return voice ? [{ kind: voice.kind, text: voice.text, dedupeKey: voice.dedupeKeys.join(' ') }] : [];
};
const kinds = (s: Scenario, instant: string) => planned(s, at(instant))?.parts ?? [];

// Simulates the caller: every message is planned against the keys stored so far, and sent keys are stored.
function conversationOver(instants: string[], s: Scenario = {}): Array<string[]> {
  const sent: string[] = [...(s.sent ?? [])];
  return instants.map((instant) => {
    const voice = planned({ ...s, sent }, at(instant));
    sent.push(...(voice?.dedupeKeys ?? []));
    return voice?.parts ?? [];
  });
}

// 2026-06-15 is a Monday; Madrid is on CEST (+02:00) in June.
describe('out-of-hours replies', () => {
  it('replies once per night, however many messages arrive, and again the next night', () => {
    expect(
      conversationOver([
        '2026-06-15T20:00+02:00',
        '2026-06-15T23:59+02:00',
        '2026-06-16T07:00+02:00',
        '2026-06-16T08:59+02:00',
        '2026-06-16T12:00+02:00',
        '2026-06-16T19:00+02:00',
      ]),
    ).toEqual([['out-of-hours'], [], [], [], [], ['out-of-hours']]);
  });

  it('replies once over a whole weekend', () => {
    expect(
      conversationOver(['2026-06-19T19:01+02:00', '2026-06-20T10:00+02:00', '2026-06-21T23:00+02:00', '2026-06-22T08:59+02:00', '2026-06-22T09:00+02:00']),
    ).toEqual([['out-of-hours'], [], [], [], []]);
  });

  it('replies once over a weekend in which the clocks go forward', () => {
    expect(conversationOver(['2026-03-27T19:30+01:00', '2026-03-29T01:59+01:00', '2026-03-29T03:00+02:00', '2026-03-30T08:00+02:00'])).toEqual([
      ['out-of-hours'],
      [],
      [],
      [],
    ]);
  });

  it('gives the same key for every message of one closed period and a new key for the next', () => {
    const key = (instant: string) => plan({}, instant)[0]?.dedupeKey;
    expect(key('2026-06-19T20:00+02:00')).toBe(key('2026-06-21T20:00+02:00'));
    expect(key('2026-06-19T20:00+02:00')).not.toBe(key('2026-06-22T20:00+02:00'));
    expect(key('2026-06-19T20:00+02:00')).toMatch(/^out-of-hours:closed-since:/);
  });

  it('renders the opening hours in the channel’s zone with a self-service hint', () => {
    const settings = { outOfHours: { selfService: { keywords: ['prices', 'shipping', 'returns'], link: 'https://help.example.com' } } };
    expect(plan({ settings }, '2026-06-19T19:30+02:00')).toEqual([
      {
        kind: 'out-of-hours',
        text: 'We\'re closed right now. We open Monday at 09:00 (Europe/Madrid).\n\nMeanwhile, type "prices", "shipping" or "returns" for instant answers, or visit https://help.example.com',
        dedupeKey: expect.stringMatching(/^out-of-hours:/),
      },
    ]);
  });

  it.each([
    [
      'keywords and a link',
      { keywords: ['precios', 'envíos'], link: 'https://ayuda.example.com' },
      '\n\nMientras tanto, escribe «precios» o «envíos» para obtener respuestas al instante, o visita https://ayuda.example.com',
    ],
    ['one keyword', { keywords: ['precios'] }, '\n\nMientras tanto, escribe «precios» para obtener respuestas al instante.'],
    ['a link', { link: 'https://ayuda.example.com' }, '\n\nMientras tanto, puedes encontrar respuestas en https://ayuda.example.com'],
    ['nothing', {}, ''],
  ])('writes in Spanish for a Spanish channel, with %s for self-service', (_, selfService, hint) => {
    const [reply] = plan({ language: 'es-ES', settings: { outOfHours: { selfService } } }, '2026-06-19T19:30+02:00');
    expect(reply?.text).toBe(`Ahora mismo estamos cerrados. Abrimos el lunes a las 09:00 (Europe/Madrid).${hint}`);
  });

  it('uses the admin’s own text with its variables', () => {
    const settings = { outOfHours: { text: '{{channel_name}} is closed, {{customer_name}}. Back {{opens_at}}.' } };
    expect(plan({ settings }, '2026-06-15T20:00+02:00')[0]?.text).toBe('Tienda Sol is closed, Lucía. Back tomorrow at 09:00.');
  });

  it.each([
    ['the desk’s business name', 'Corner Shop', 'Corner Shop'],
    ['the channel’s name while the desk has none', '  ', 'Tienda Sol'],
  ])('greets a new customer with %s', (_, businessName, shown) => {
    const context = autoReplyContextOf({ ...input({ firstEver: true }), channel: { ...input().channel, businessName } }, at('2026-06-15T12:00+02:00'), port);
    expect(context.vars.business_name).toBe(shown);
    const voice = planAutomaticVoice({ firstEver: true, closed: false, faqBotSpoke: false, branchReply: null, assignee: null }, input().settings, context);
    expect(voice?.text).toBe(`Hi Lucía! Thanks for writing to ${shown}.`);
  });

  it.each([
    ['an agent replied 10 minutes ago', { lastAgentReplyAt: at('2026-06-15T19:50+02:00') }, []],
    ['an agent replied 29 minutes ago', { lastAgentReplyAt: at('2026-06-15T19:31+02:00') }, []],
    ['an agent replied exactly 30 minutes ago', { lastAgentReplyAt: at('2026-06-15T19:30+02:00') }, ['out-of-hours']],
    ['an agent replied yesterday', { lastAgentReplyAt: at('2026-06-14T19:50+02:00') }, ['out-of-hours']],
    ['an agent reply is stamped in the future', { lastAgentReplyAt: at('2026-06-15T20:05+02:00') }, []],
    [
      'suppression is set to 5 minutes and the agent replied 10 ago',
      { lastAgentReplyAt: at('2026-06-15T19:50+02:00'), settings: { outOfHours: { suppressAfterAgentReplyMinutes: 5 } } },
      ['out-of-hours'],
    ],
    [
      'suppression is off',
      { lastAgentReplyAt: at('2026-06-15T19:59+02:00'), settings: { outOfHours: { suppressAfterAgentReplyMinutes: 0 } } },
      ['out-of-hours'],
    ],
  ])('at 20:00 when %s, plans %j', (_, scenario, expected) => {
    expect(kinds(scenario, '2026-06-15T20:00+02:00')).toEqual(expected);
  });

  it('still replies later in the same closed period once the agent has gone quiet', () => {
    const lastAgentReplyAt = at('2026-06-15T19:50+02:00');
    expect(conversationOver(['2026-06-15T20:00+02:00', '2026-06-15T20:30+02:00', '2026-06-15T21:00+02:00'], { lastAgentReplyAt })).toEqual([
      [],
      ['out-of-hours'],
      [],
    ]);
  });

  it.each([
    ['the channel is open', {}, '2026-06-15T12:00+02:00'],
    ['the channel has no schedule (always open)', { schedule: null }, '2026-06-15T23:00+02:00'],
    ['out-of-hours replies are off', { settings: { outOfHours: { enabled: false } } }, '2026-06-15T23:00+02:00'],
  ])('plans nothing when %s', (_, scenario, instant) => {
    expect(plan(scenario, instant)).toEqual([]);
  });

  it('plans nothing when the caller already stored this period’s key', () => {
    const sent = plan({}, '2026-06-15T20:00+02:00').map((r) => r.dedupeKey);
    expect(plan({ sent }, '2026-06-16T08:00+02:00')).toEqual([]);
  });

  it('replies once per conversation on a schedule that never opens', () => {
    const never = { timezone: 'Europe/Madrid', weekly: {} };
    expect(conversationOver(['2026-06-15T12:00+02:00', '2026-07-15T12:00+02:00'], { schedule: never })).toEqual([['out-of-hours'], []]);
    expect(plan({ schedule: never }, '2026-06-15T12:00+02:00')[0]?.text).toBe("We're closed right now. We'll reply as soon as we're back.");
  });

  it('plans no out-of-hours reply for an instant that is not a number', () => {
    expect(planned({}, Number.NaN)).toBeNull();
  });
});

describe('greetings', () => {
  it.each([
    ['English', 'en', 'Lucía', 'Hi Lucía! Thanks for writing to Tienda Sol.'],
    ['English, without a name', 'en', '', 'Hi! Thanks for writing to Tienda Sol.'],
    ['Spanish', 'es', 'Lucía', '¡Hola Lucía! Gracias por escribir a Tienda Sol.'],
  ])('greets a first-time customer in %s', (_, language, customer, text) => {
    expect(plan({ firstEver: true, language, customer }, '2026-06-15T12:00+02:00')).toEqual([{ kind: 'greeting', text, dedupeKey: 'greeting' }]);
  });

  it.each([
    ['a returning customer', { firstEver: false }],
    ['greetings turned off', { firstEver: true, settings: { greeting: { enabled: false } } }],
    ['a greeting already sent', { firstEver: true, sent: ['greeting'] }],
    ['a greeting text that renders empty', { firstEver: true, settings: { greeting: { text: '{{nothing}}' } } }],
  ])('does not greet %s', (_, scenario) => {
    expect(plan(scenario, '2026-06-15T12:00+02:00')).toEqual([]);
  });

  it('greets and explains the hours in one message when a new customer writes at night', () => {
    expect(kinds({ firstEver: true }, '2026-06-15T23:00+02:00')).toEqual(['greeting', 'out-of-hours']);
    expect(plan({ firstEver: true, customer: 'Kofi' }, '2026-06-15T23:00+02:00')).toEqual([
      {
        kind: 'out-of-hours',
        text: "Hi Kofi! Thanks for writing to Tienda Sol. We're closed right now. We open tomorrow at 09:00 (Europe/Madrid).",
        dedupeKey: expect.stringMatching(/^greeting out-of-hours:/),
      },
    ]);
  });
});

describe('after-assign replies', () => {
  const on = { afterAssign: { enabled: true } };

  it.each([
    ['en', 'Ana will help you shortly.'],
    ['es', 'Ana te atenderá en breve.'],
  ])('introduces the assigned agent in %s', (language, text) => {
    expect(plan({ settings: on, agent: ' Ana ', language }, '2026-06-15T12:00+02:00')).toEqual([{ kind: 'after-assign', text, dedupeKey: 'after-assign:Ana' }]);
  });

  it('introduces each new agent once', () => {
    expect(conversationOver(['2026-06-15T12:00+02:00', '2026-06-15T12:05+02:00'], { settings: on, agent: 'Ana' })).toEqual([['after-assign'], []]);
    expect(kinds({ settings: on, agent: 'Ben', sent: ['after-assign:Ana'] }, '2026-06-15T12:10+02:00')).toEqual(['after-assign']);
  });

  it.each([
    ['it is off (the default)', { agent: 'Ana' }, '2026-06-15T12:00+02:00'],
    ['nobody is assigned', { settings: on, agent: null }, '2026-06-15T12:00+02:00'],
    ['the assignee has a blank name', { settings: on, agent: '  ' }, '2026-06-15T12:00+02:00'],
  ])('plans nothing when %s', (_, scenario, instant) => {
    expect(plan(scenario, instant)).toEqual([]);
  });

  it('leaves the introduction to the out-of-hours reply while closed', () => {
    expect(kinds({ settings: on, agent: 'Ana' }, '2026-06-15T23:00+02:00')).toEqual(['out-of-hours']);
    expect(kinds({ settings: on, agent: 'Ana', schedule: null }, '2026-06-15T23:00+02:00')).toEqual(['after-assign']);
  });

  it('uses a custom text', () => {
    expect(
      plan(
        { settings: { afterAssign: { enabled: true, text: '{{agent_name}} from {{channel_name}} is on it, {{customer_name}}.' } }, agent: 'Ana' },
        '2026-06-15T12:00+02:00',
      )[0]?.text,
    ).toBe('Ana from Tienda Sol is on it, Lucía.');
  });
});
