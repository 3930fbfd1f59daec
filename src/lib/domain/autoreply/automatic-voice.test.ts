import { describe, expect, it } from 'vitest';
import { autoRepliesSettingsSchema, DEFAULT_AUTO_REPLIES, type AutoRepliesSettingsInput } from '../../schemas/auto-replies';
import { DEFAULT_ROUTING_SETTINGS, routingSettingsSchema } from '../../schemas/routing';
import type { BranchReply } from '../routing/branch-reply';
import type { AutoReplyContext } from './auto-reply-plan';
import { planAutomaticVoice, type VoiceSituation } from './automatic-voice';
import type { ReplyLanguage } from './opening-text';
import { voiceCases, voiceFor, voiceOutcomeFor, type VoiceCase } from './voice-cases';

const vars = {
  customer_name: 'Kofi',
  business_name: 'Sol Shop',
  channel_name: 'Sol Shop',
  business_hours: 'We open today at 09:00 (Africa/Accra)',
  opens_at: 'today at 09:00',
};
const context = (over: Partial<AutoReplyContext> = {}): AutoReplyContext => ({
  language: 'en',
  closedKey: null,
  vars,
  agentRepliedRecently: false,
  sentKeys: [],
  ...over,
});

// The full cross product of what the voice can be told.
const bools = [false, true];
const branches: Array<BranchReply | null> = [null, { kind: 'welcome', text: '' }, { kind: 'offline', text: '' }, { kind: 'returning', text: '' }];
const assignees: VoiceSituation['assignee'][] = [null, { name: 'Ana', online: true }, { name: 'Ana', online: false }];
const settingsVariants: AutoRepliesSettingsInput[] = [];
for (const greeting of bools)
  for (const outOfHours of bools)
    for (const afterAssign of bools)
      settingsVariants.push({ greeting: { enabled: greeting }, outOfHours: { enabled: outOfHours }, afterAssign: { enabled: afterAssign } });

interface Case {
  situation: VoiceSituation;
  settings: AutoRepliesSettingsInput;
  sentBefore: boolean;
  agentRepliedRecently: boolean;
}
const everyCase: Case[] = [];
for (const firstEver of bools)
  for (const closed of bools)
    for (const faqBotSpoke of bools)
      for (const branchReply of branches)
        for (const assignee of assignees)
          for (const settings of settingsVariants)
            for (const sentBefore of bools)
              for (const agentRepliedRecently of bools)
                everyCase.push({ situation: { firstEver, closed, faqBotSpoke, branchReply, assignee }, settings, sentBefore, agentRepliedRecently });

const ALL_KEYS = ['greeting', 'out-of-hours:night', 'after-assign:Ana'];
const voiceOf = (c: Case) =>
  planAutomaticVoice(
    c.situation,
    autoRepliesSettingsSchema.parse(c.settings),
    context({
      closedKey: c.situation.closed ? 'night' : null,
      sentKeys: c.sentBefore ? ALL_KEYS : [],
      agentRepliedRecently: c.agentRepliedRecently,
      vars: { ...vars, agent_name: c.situation.assignee?.name ?? '' },
    }),
  );

describe('the automatic voice over every situation', () => {
  it(`plans at most one true message in each of ${everyCase.length} situations`, () => {
    expect(everyCase.length).toBe(2 * 2 * 2 * 4 * 3 * 8 * 2 * 2);
    for (const c of everyCase) {
      const voice = voiceOf(c);
      const { situation: s } = c;
      const where = JSON.stringify(c);
      if (voice === null) continue;
      // One message, made of at most a greeting and one body.
      expect(voice.parts.length, where).toBeLessThanOrEqual(2);
      expect(voice.parts.filter((p) => p !== 'greeting').length, where).toBeLessThanOrEqual(1);
      // The bot speaks alone.
      expect(s.faqBotSpoke, where).toBe(false);
      // Closed: nothing promises an answer now.
      if (s.closed)
        expect(
          voice.parts.every((p) => p === 'greeting' || p === 'out-of-hours'),
          where,
        ).toBe(true);
      else expect(voice.parts, where).not.toContain('out-of-hours');
      // An agent who is offline is never introduced as about to answer.
      if (voice.parts.includes('after-assign')) expect(s.assignee?.online, where).toBe(true);
      // The greeting only for a first message; once-only texts never twice.
      if (voice.parts.includes('greeting')) expect(s.firstEver && !c.sentBefore, where).toBe(true);
      if (c.sentBefore)
        expect(
          voice.parts.some((p) => p === 'greeting' || p === 'out-of-hours' || p === 'after-assign'),
          where,
        ).toBe(false);
      // "We are closed" is not said while an agent is still answering.
      if (c.agentRepliedRecently) expect(voice.parts, where).not.toContain('out-of-hours');
      expect(voice.kind, where).toBe(voice.parts[voice.parts.length - 1]);
    }
  });

  it.each([
    // [situation, parts]
    ['FAQ bot spoke', { faqBotSpoke: true, firstEver: true, closed: true }, []],
    ['closed, first message', { firstEver: true, closed: true, branchReply: branches[1], assignee: assignees[1] }, ['greeting', 'out-of-hours']],
    ['closed, returning', { closed: true, branchReply: branches[2] }, ['out-of-hours']],
    ['open, online agent introduced', { firstEver: true, branchReply: branches[1], assignee: assignees[1] }, ['greeting', 'after-assign']],
    ['open, offline owner kept', { assignee: assignees[2] }, []],
    ['open, new, someone online', { firstEver: true, branchReply: branches[1] }, ['greeting', 'welcome']],
    ['open, new, nobody online', { firstEver: true, branchReply: branches[2] }, ['greeting', 'offline']],
    ['open, returning to a colleague', { branchReply: branches[3], assignee: assignees[1] }, ['after-assign']],
    ['open, new, branch says nothing', { firstEver: true }, ['greeting']],
  ] as Array<[string, Partial<VoiceSituation>, string[]]>)('with after-assign on: %s → %j', (_, partial, parts) => {
    const situation: VoiceSituation = { firstEver: false, closed: false, faqBotSpoke: false, branchReply: null, assignee: null, ...partial };
    const voice = planAutomaticVoice(
      situation,
      autoRepliesSettingsSchema.parse({ afterAssign: { enabled: true } }),
      context({ closedKey: situation.closed ? 'night' : null, vars: { ...vars, agent_name: 'Ana' } }),
    );
    expect(voice?.parts ?? []).toEqual(parts);
  });

  it('keeps the once-only keys of every merged text', () => {
    const voice = planAutomaticVoice(
      { firstEver: true, closed: true, faqBotSpoke: false, branchReply: branches[2], assignee: null },
      DEFAULT_AUTO_REPLIES,
      context({ closedKey: 'night' }),
    );
    expect(voice?.dedupeKeys).toEqual(['greeting', 'out-of-hours:night']);
  });

  it('says nothing more while closed once the hours were given this closed period', () => {
    const voice = planAutomaticVoice(
      { firstEver: false, closed: true, faqBotSpoke: false, branchReply: branches[1], assignee: assignees[1] },
      DEFAULT_AUTO_REPLIES,
      context({ closedKey: 'night', sentKeys: ['out-of-hours:night'] }),
    );
    expect(voice).toBeNull();
  });

  it('renders an admin’s own branch text with variables', () => {
    const voice = planAutomaticVoice(
      { firstEver: false, closed: false, faqBotSpoke: false, branchReply: { kind: 'offline', text: 'Back soon, {{customer_name}}.' }, assignee: null },
      DEFAULT_AUTO_REPLIES,
      context(),
    );
    expect(voice?.text).toBe('Back soon, Kofi.');
  });

  it('reads a legacy built-in routing text as the built-in text of the channel’s language', () => {
    const voice = planAutomaticVoice(
      {
        firstEver: false,
        closed: false,
        faqBotSpoke: false,
        branchReply: { kind: 'welcome', text: "Welcome to my store. We'll be with you in a moment." },
        assignee: null,
      },
      DEFAULT_AUTO_REPLIES,
      context({ language: 'es' }),
    );
    expect(voice?.text).toBe('Enseguida te atendemos.');
  });
});

// What a fresh install says, case by case: the table admins see, checked word for word in both languages.
const EN: Record<string, string | null> = {
  'new open online': "Hi Kofi! Thanks for writing to Sol Shop. We'll be with you in a moment.",
  'new open nobody': "Hi Kofi! Thanks for writing to Sol Shop. Nobody is available right now, but we'll reply as soon as we can.",
  'new closed online': "Hi Kofi! Thanks for writing to Sol Shop. We're closed right now. We open today at 09:00 (Africa/Accra).",
  'new closed nobody': "Hi Kofi! Thanks for writing to Sol Shop. We're closed right now. We open today at 09:00 (Africa/Accra).",
  'returning open online': null,
  'returning open nobody': "Nobody is available right now, but we'll reply as soon as we can.",
  'returning closed online': "We're closed right now. We open today at 09:00 (Africa/Accra).",
  'returning closed nobody': "We're closed right now. We open today at 09:00 (Africa/Accra).",
  'owner-online open online': null,
  'owner-online closed online': "We're closed right now. We open today at 09:00 (Africa/Accra).",
  'owner-offline open online': null,
  'owner-offline open nobody': null,
  'owner-offline closed online': "We're closed right now. We open today at 09:00 (Africa/Accra).",
  'owner-offline closed nobody': "We're closed right now. We open today at 09:00 (Africa/Accra).",
  'owner-off-shift open online': null,
  'owner-off-shift open nobody': null,
  'owner-off-shift closed online': "We're closed right now. We open today at 09:00 (Africa/Accra).",
  'owner-off-shift closed nobody': "We're closed right now. We open today at 09:00 (Africa/Accra).",
  'alone open nobody': "Hi Kofi! Thanks for writing to Sol Shop. Nobody is available right now, but we'll reply as soon as we can.",
  'alone closed nobody': "Hi Kofi! Thanks for writing to Sol Shop. We're closed right now. We open today at 09:00 (Africa/Accra).",
};
const ES: Record<string, string | null> = {
  'new open online': '¡Hola Kofi! Gracias por escribir a Sol Shop. Enseguida te atendemos.',
  'new open nobody': '¡Hola Kofi! Gracias por escribir a Sol Shop. Ahora mismo no hay nadie disponible, pero te responderemos lo antes posible.',
  'new closed online': '¡Hola Kofi! Gracias por escribir a Sol Shop. Ahora mismo estamos cerrados. Abrimos hoy a las 09:00 (Africa/Accra).',
  'returning open nobody': 'Ahora mismo no hay nadie disponible, pero te responderemos lo antes posible.',
  'returning closed nobody': 'Ahora mismo estamos cerrados. Abrimos hoy a las 09:00 (Africa/Accra).',
  'alone open nobody': '¡Hola Kofi! Gracias por escribir a Sol Shop. Ahora mismo no hay nadie disponible, pero te responderemos lo antes posible.',
};
const label = (c: VoiceCase) => `${c.customer} ${c.closed ? 'closed' : 'open'} ${c.staffOnline ? 'online' : 'nobody'}`;
const names = { agent: 'Ana', owner: 'Olu' };
const defaults = { autoReplies: DEFAULT_AUTO_REPLIES, routing: DEFAULT_ROUTING_SETTINGS };

describe('a fresh install’s defaults', () => {
  it.each(voiceCases(false).map((c) => [label(c), c] as const))('%s', (name, c) => {
    expect(voiceFor(c, defaults, 'en', vars, names)?.text ?? null).toBe(EN[name]);
  });

  it.each(Object.entries(ES))('in Spanish: %s', (name, text) => {
    const c = voiceCases(false).find((x) => label(x) === name)!;
    const es = { ...vars, business_hours: 'Abrimos hoy a las 09:00 (Africa/Accra)' };
    expect(voiceFor(c, defaults, 'es' as ReplyLanguage, es, names)?.text).toBe(text);
  });

  it('lists every case the table shows', () => {
    expect(voiceCases(false).map(label).sort()).toEqual(Object.keys(EN).sort());
  });

  it('lets the FAQ bot speak alone in every case', () => {
    for (const c of voiceCases(true)) expect(voiceFor(c, defaults, 'en', vars, names)).toBeNull();
  });

  it('introduces an online owner but never an offline kept owner when introductions are on', () => {
    const on = {
      autoReplies: autoRepliesSettingsSchema.parse({ afterAssign: { enabled: true } }),
      routing: routingSettingsSchema.parse({ returningCustomer: { ownerUnavailable: 'keep-owner' } }),
    };
    const text = (customer: VoiceCase['customer'], staffOnline: boolean) =>
      voiceFor({ customer, closed: false, staffOnline, faqBot: false }, on, 'en', vars, names)?.text ?? null;
    expect(text('owner-online', true)).toBe('Olu will help you shortly.');
    expect(text('owner-offline', true)).toBeNull();
    expect(text('owner-offline', false)).toBeNull();
    expect(text('new', true)).toBe('Hi Kofi! Thanks for writing to Sol Shop. Ana will help you shortly.');
  });

  it('tells a returning customer whose owner is away that a colleague takes over, when that reply is on', () => {
    const routing = routingSettingsSchema.parse({ returningCustomer: { autoReply: { enabled: true } } });
    expect(
      voiceFor(
        { customer: 'owner-offline', closed: false, staffOnline: true, faqBot: false },
        { autoReplies: DEFAULT_AUTO_REPLIES, routing },
        'en',
        vars,
        names,
      )?.text,
    ).toBe('Thanks for writing again. A colleague will help you shortly.');
  });
});

// Who holds the conversation after routing, per case, with a fresh install's routing: decided by decideRouting itself.
// "Ana" is the colleague (or the one-person desk's agent), "Olu" the customer's owner; "queue" means nobody has it.
const HOLDER: Record<string, string> = {
  'new open online': 'Ana online',
  'new open nobody': 'queue',
  'returning open online': 'Ana online',
  'returning open nobody': 'queue',
  'owner-online open online': 'Olu online',
  'owner-offline open online': 'Ana online',
  'owner-offline open nobody': 'Olu offline',
  // The owner's shift ended: a colleague covers; with nobody on, the owner keeps them (and is pushed).
  'owner-off-shift open online': 'Ana online',
  'owner-off-shift open nobody': 'Olu offline',
  // A one-person desk: its only agent gets every conversation, offline or not, with a push.
  'alone open nobody': 'Ana offline',
};

describe('who gets the conversation, in the table', () => {
  it.each(Object.entries(HOLDER))('%s: %s', (name, expected) => {
    const c = voiceCases(false).find((x) => label(x) === name)!;
    const { holder } = voiceOutcomeFor(c, defaults, 'en', vars, names);
    expect(holder ? `${holder.name} ${holder.online ? 'online' : 'offline'}` : 'queue').toBe(expected);
  });

  it("keeps an owner who is briefly away with keep-owner, but gives an off-shift owner's customer to a cover", () => {
    const keep = { autoReplies: DEFAULT_AUTO_REPLIES, routing: routingSettingsSchema.parse({ returningCustomer: { ownerUnavailable: 'keep-owner' } }) };
    const holderOf = (customer: VoiceCase['customer']) =>
      voiceOutcomeFor({ customer, closed: false, staffOnline: true, faqBot: false }, keep, 'en', vars, names).holder;
    expect(holderOf('owner-offline')).toEqual({ who: 'owner', name: 'Olu', online: false });
    expect(holderOf('owner-off-shift')).toEqual({ who: 'agent', name: 'Ana', online: true });
  });

  it("never introduces the one-person desk's offline agent as about to answer", () => {
    const on = { autoReplies: autoRepliesSettingsSchema.parse({ afterAssign: { enabled: true } }), routing: DEFAULT_ROUTING_SETTINGS };
    const text = voiceFor({ customer: 'alone', closed: false, staffOnline: false, faqBot: false }, on, 'en', vars, names)?.text;
    expect(text).toBe("Hi Kofi! Thanks for writing to Sol Shop. Nobody is available right now, but we'll reply as soon as we can.");
  });
});
