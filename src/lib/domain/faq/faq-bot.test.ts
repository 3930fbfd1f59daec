import { describe, expect, it } from 'vitest';
import { faqSettingsSchema, type FaqSettingsInput } from '../../schemas/faq';
import { readBotState, resetBotState, type BotState } from './bot-state';
import { botReply, botTimeout, botTimeoutAt, HUMAN_BUTTON_ID, SOLVED_BUTTON_ID, type BotMessage } from './faq-bot';

const MINUTE = 60_000;
const now = Date.UTC(2026, 5, 15, 10, 0, 0);
const entries: FaqSettingsInput['entries'] = [
  { id: 'hours', keywords: ['opening hours', 'horario', 'open*'], answer: { type: 'text', text: 'We are open Mon–Fri 9–19.' } },
  { id: 'shipping', keywords: ['shipping', 'envío'], pattern: 'where.{0,20}(order|parcel)', answer: { type: 'text', text: 'Shipping takes 2–3 days.' } },
  {
    id: 'returns',
    keywords: ['return*', 'devoluci*'],
    answer: {
      type: 'buttons',
      text: 'What would you like to return?',
      buttons: [
        { id: 'return-shoes', title: 'Shoes' },
        { id: 'shipping', title: 'A lost parcel' },
      ],
    },
  },
  { id: 'old', enabled: false, keywords: ['price'], answer: { type: 'text', text: 'Old prices.' } },
];
const settingsOf = (over: FaqSettingsInput = {}) => faqSettingsSchema.parse({ enabled: true, entries, ...over });
const settings = settingsOf();
const idle = resetBotState();
const text = (body: string): BotMessage => ({ type: 'text', text: body });
const tap = (id: string, title = id): BotMessage => ({ type: 'interactive', text: title, buttonReplyId: id });
const feedback = [
  { id: SOLVED_BUTTON_ID, title: 'That solved it' },
  { id: HUMAN_BUTTON_ID, title: 'Talk to a person' },
];
const awaiting = (entryId = 'hours', answers = 1, answeredAt = now - MINUTE): BotState => ({ stage: 'awaiting-feedback', entryId, answeredAt, answers });

describe('first messages', () => {
  it('answers a matching question with the feedback buttons and waits for feedback', () => {
    expect(botReply(idle, text('What are your opening hours?'), settings, now)).toEqual({
      state: { stage: 'awaiting-feedback', entryId: 'hours', answeredAt: now, answers: 1 },
      actions: [{ kind: 'send-buttons', text: 'We are open Mon–Fri 9–19.', buttons: feedback }],
    });
  });

  it.each([
    ['a keyword with an accent left out', 'cuanto tarda el envio?', 'shipping'],
    ['a keyword in capitals with an accent added', 'HORÁRIO por favor', 'hours'],
    ['a prefix keyword', 'are you opened today', 'hours'],
    ['the pattern', 'Where is my order??', 'shipping'],
    ['the first entry in the admin’s order', 'shipping and opening hours', 'hours'],
  ])('matches %s', (_, body, entryId) => {
    expect(botReply(idle, text(body), settings, now).state).toMatchObject({ stage: 'awaiting-feedback', entryId });
  });

  it('sends a buttons answer with its own choices', () => {
    expect(botReply(idle, text('I want to return this'), settings, now).actions).toEqual([
      {
        kind: 'send-buttons',
        text: 'What would you like to return?',
        buttons: [
          { id: 'return-shoes', title: 'Shoes' },
          { id: 'shipping', title: 'A lost parcel' },
        ],
      },
    ]);
  });

  it.each([
    ['no entry matches', text('My invoice is wrong'), 'no-match'],
    ['only a disabled entry matches', text('price list please'), 'no-match'],
    ['the message is only emoji', text('🙂🙂'), 'no-match'],
    ['the message is a photo', { type: 'image', text: '' }, 'unsupported-message'],
    ['the message is a voice note with a description', { type: 'audio', text: 'opening hours' }, 'unsupported-message'],
    ['the message is blank', text('   '), 'unsupported-message'],
  ])('hands over to a person when %s', (_, message, reason) => {
    expect(botReply(idle, message, settings, now)).toEqual({ state: { stage: 'handed-off', reason, at: now }, actions: [{ kind: 'handoff', reason }] });
  });

  it.each([
    ['agent please'],
    ['I want to talk to a HUMAN'],
    ['Quiero hablar con una persona'],
    ['¿Me pasas con un humáno?'],
    ['PERSONA!!!'],
    ['agente, horario?'],
    ['operator: shipping'],
  ])('hands over at once when a customer writes %j, even next to an FAQ keyword', (body) => {
    expect(botReply(idle, text(body), settings, now)).toEqual({
      state: { stage: 'handed-off', reason: 'asked-for-human', at: now },
      actions: [{ kind: 'handoff', reason: 'asked-for-human' }],
    });
  });

  it.each([
    ['agency opening hours', 'hours'],
    ['personal shipping question', 'shipping'],
  ])('does not mistake %j for a handoff keyword', (body, entryId) => {
    expect(botReply(idle, text(body), settings, now).state).toMatchObject({ stage: 'awaiting-feedback', entryId });
  });

  it('uses the admin’s own handoff keywords', () => {
    const custom = settingsOf({ handoffKeywords: ['ayuda humana'] });
    expect(botReply(idle, text('necesito ayuda humana'), custom, now).state).toMatchObject({ stage: 'handed-off' });
    expect(botReply(idle, text('agent'), custom, now).state).toMatchObject({ stage: 'handed-off', reason: 'no-match' });
  });

  it('hands every message to people while the bot is switched off', () => {
    expect(botReply(idle, text('opening hours'), settingsOf({ enabled: false }), now)).toEqual({
      state: { stage: 'handed-off', reason: 'bot-disabled', at: now },
      actions: [{ kind: 'handoff', reason: 'bot-disabled' }],
    });
  });
});

describe('feedback', () => {
  it('resolves the conversation when the customer taps "That solved it"', () => {
    expect(botReply(awaiting(), tap(SOLVED_BUTTON_ID, 'That solved it'), settings, now)).toEqual({
      state: { stage: 'resolved', reason: 'solved', at: now },
      actions: [{ kind: 'resolve-by-bot', reason: 'solved' }],
    });
  });

  it('hands over when the customer taps "Talk to a person"', () => {
    expect(botReply(awaiting(), tap(HUMAN_BUTTON_ID, 'Talk to a person'), settings, now)).toEqual({
      state: { stage: 'handed-off', reason: 'asked-for-human', at: now },
      actions: [{ kind: 'handoff', reason: 'asked-for-human' }],
    });
  });

  it('sends the admin’s closing texts before resolving or handing over', () => {
    const polite = settingsOf({ solvedText: 'Glad to help!', handoffText: 'A person will answer you here.' });
    expect(botReply(awaiting(), tap(SOLVED_BUTTON_ID), polite, now).actions).toEqual([
      { kind: 'send-text', text: 'Glad to help!' },
      { kind: 'resolve-by-bot', reason: 'solved' },
    ]);
    expect(botReply(awaiting(), tap(HUMAN_BUTTON_ID), polite, now).actions).toEqual([
      { kind: 'send-text', text: 'A person will answer you here.' },
      { kind: 'handoff', reason: 'asked-for-human' },
    ]);
    expect(botReply(idle, text('hola'), polite, now).actions).toEqual([
      { kind: 'send-text', text: 'A person will answer you here.' },
      { kind: 'handoff', reason: 'no-match' },
    ]);
  });

  it('treats a typed follow-up as a new question', () => {
    expect(botReply(awaiting('hours', 1), text('and how long is shipping?'), settings, now)).toEqual({
      state: { stage: 'awaiting-feedback', entryId: 'shipping', answeredAt: now, answers: 2 },
      actions: [{ kind: 'send-buttons', text: 'Shipping takes 2–3 days.', buttons: feedback }],
    });
  });

  it.each([
    ['an unanswerable follow-up', text('thanks, but my invoice is wrong'), 'no-match'],
    ['a handoff keyword in a follow-up', text('still confused, human please'), 'asked-for-human'],
    ['a photo as a follow-up', { type: 'image', text: '' }, 'unsupported-message'],
  ])('hands over on %s', (_, message, reason) => {
    expect(botReply(awaiting(), message, settings, now).actions).toEqual([{ kind: 'handoff', reason }]);
  });

  it('answers the entry a choice button names', () => {
    expect(botReply(awaiting('returns'), tap('shipping', 'A lost parcel'), settings, now)).toMatchObject({
      state: { stage: 'awaiting-feedback', entryId: 'shipping', answers: 2 },
      actions: [{ kind: 'send-buttons', text: 'Shipping takes 2–3 days.' }],
    });
  });

  it('reads a choice button that names no entry by its title', () => {
    expect(botReply(awaiting('returns'), tap('return-shoes', 'Shoes'), settings, now).state).toMatchObject({ stage: 'handed-off', reason: 'no-match' });
    expect(botReply(awaiting('returns'), tap('unknown', 'Opening hours'), settings, now).state).toMatchObject({ stage: 'awaiting-feedback', entryId: 'hours' });
  });

  it('hands over after the most answers one conversation may get', () => {
    const turns = ['opening hours', 'shipping', 'horario', 'envío'].reduce<{ state: BotState; kinds: string[] }>(
      (acc, body, i) => {
        const turn = botReply(acc.state, text(body), settings, now + i * MINUTE);
        return { state: turn.state, kinds: [...acc.kinds, turn.actions.map((a) => a.kind).join('+')] };
      },
      { state: idle, kinds: [] },
    );
    expect(turns.kinds).toEqual(['send-buttons', 'send-buttons', 'send-buttons', 'handoff']);
    expect(turns.state).toMatchObject({ stage: 'handed-off', reason: 'too-many-answers' });
  });

  it('ignores a reaction to its answer', () => {
    const state = awaiting();
    expect(botReply(state, { type: 'reaction', text: '👍' }, settings, now)).toEqual({ state, actions: [] });
  });
});

describe('after a handoff', () => {
  const handedOff: BotState = { stage: 'handed-off', reason: 'asked-for-human', at: now - MINUTE };

  it.each([
    ['a new question', text('opening hours')],
    ['a tap on an old "That solved it"', tap(SOLVED_BUTTON_ID)],
    ['a handoff keyword', text('agent!')],
    ['a photo', { type: 'image', text: '' }],
  ])('stays out of the conversation on %s', (_, message) => {
    expect(botReply(handedOff, message, settings, now)).toEqual({ state: handedOff, actions: [] });
    expect(botTimeout(handedOff, now + 999 * MINUTE, settings)).toEqual({ state: handedOff, actions: [] });
  });

  it('starts over once the caller resets the state on reopening', () => {
    expect(botReply(resetBotState(), text('opening hours'), settings, now).state).toMatchObject({ stage: 'awaiting-feedback', answers: 1 });
  });

  it('starts over from a resolved state that was not reset', () => {
    const resolved: BotState = { stage: 'resolved', reason: 'silence', at: now - MINUTE };
    expect(botReply(resolved, text('opening hours'), settings, now).state).toMatchObject({ stage: 'awaiting-feedback', answers: 1 });
  });
});

describe('silence after an answer', () => {
  it.each([
    [0, false],
    [29, false],
    [29.99, false],
    [30, true],
    [300, true],
  ])('after %s minutes of silence resolves by bot: %s', (minutes, resolves) => {
    const turn = botTimeout(awaiting('hours', 1, now), now + minutes * MINUTE, settings);
    expect(turn.actions).toEqual(resolves ? [{ kind: 'resolve-by-bot', reason: 'silence' }] : []);
    expect(turn.state.stage).toBe(resolves ? 'resolved' : 'awaiting-feedback');
  });

  it('uses the configured window and announces when it ends', () => {
    const quick = settingsOf({ resolveAfterSilenceMinutes: 5 });
    expect(botTimeoutAt(awaiting('hours', 1, now), quick)).toBe(now + 5 * MINUTE);
    expect(botTimeout(awaiting('hours', 1, now), now + 5 * MINUTE, quick).actions).toEqual([{ kind: 'resolve-by-bot', reason: 'silence' }]);
  });

  it.each([
    ['idle', resetBotState()],
    ['resolved', { stage: 'resolved', reason: 'solved', at: now } as BotState],
  ])('does nothing while %s', (_, state) => {
    expect(botTimeoutAt(state, settings)).toBeNull();
    expect(botTimeout(state, now + 999 * MINUTE, settings)).toEqual({ state, actions: [] });
  });

  it('does not send the solved text when silence resolves', () => {
    const polite = settingsOf({ solvedText: 'Glad to help!' });
    expect(botTimeout(awaiting('hours', 1, now), now + 30 * MINUTE, polite).actions).toEqual([{ kind: 'resolve-by-bot', reason: 'silence' }]);
  });
});

describe('readBotState', () => {
  it.each([
    ['the empty object a conversation starts with', {}, { stage: 'idle' }],
    ['null', null, { stage: 'idle' }],
    ['a string', 'awaiting-feedback', { stage: 'idle' }],
    ['an unknown stage', { stage: 'thinking' }, { stage: 'idle' }],
    ['a waiting state without its time', { stage: 'awaiting-feedback', entryId: 'hours' }, { stage: 'idle' }],
    [
      'a waiting state',
      { stage: 'awaiting-feedback', entryId: 'hours', answeredAt: now, answers: 2 },
      { stage: 'awaiting-feedback', entryId: 'hours', answeredAt: now, answers: 2 },
    ],
    [
      'a waiting state without a count',
      { stage: 'awaiting-feedback', entryId: 'hours', answeredAt: now },
      { stage: 'awaiting-feedback', entryId: 'hours', answeredAt: now, answers: 1 },
    ],
    ['a handoff', { stage: 'handed-off', reason: 'no-match', at: now }, { stage: 'handed-off', reason: 'no-match', at: now }],
    ['a handoff with an unknown reason', { stage: 'handed-off', reason: 'bored', at: now }, { stage: 'idle' }],
    ['a resolution', { stage: 'resolved', reason: 'silence', at: now, extra: 1 }, { stage: 'resolved', reason: 'silence', at: now }],
  ])('reads %s', (_, raw, expected) => {
    expect(readBotState(raw)).toEqual(expected);
  });

  it('round-trips every state the bot produces through JSON', () => {
    const states = [
      botReply(idle, text('opening hours'), settings, now).state,
      botReply(idle, text('agent'), settings, now).state,
      botReply(awaiting(), tap(SOLVED_BUTTON_ID), settings, now).state,
      resetBotState(),
    ];
    for (const state of states) expect(readBotState(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });
});
