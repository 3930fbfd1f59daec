import { describe, expect, it } from 'vitest';
import { CSAT_COMMENT_WINDOW_MS, MAX_CSAT_COMMENT_LENGTH, csatInboundOf, readCsatAnswer, type CsatInbound, type CsatState } from './csat-answer';

const requestedAt = Date.UTC(2026, 5, 15, 10, 0);
const asked: CsatState = { requestedAt, rating: null, ratedAt: null, comment: null };
const rated: CsatState = { requestedAt, rating: 4, ratedAt: requestedAt + 60_000, comment: null };
const row = (id: string): CsatInbound => ({ type: 'interactive', interactiveId: id, at: requestedAt + 60_000 });
const text = (body: string, at = requestedAt + 120_000): CsatInbound => ({ type: 'text', text: body, at });

describe('readCsatAnswer: the rating', () => {
  it.each<[string, CsatInbound, ReturnType<typeof readCsatAnswer>]>([
    ['a list row', row('csat:5'), { rating: 5 }],
    ['the lowest row', row('csat:1'), { rating: 1 }],
    ['a template quick reply with a rating payload', { type: 'button', interactiveId: 'csat:3' }, { rating: 3 }],
    ['a survey template’s quick reply, whose payload is its text', { type: 'button', interactiveId: '4 – Good', text: '4 – Good' }, { rating: 4 }],
    ['a Spanish quick reply', { type: 'button', interactiveId: '5 – Excelente', text: '5 – Excelente' }, { rating: 5 }],
    ['a quick reply of another template', { type: 'button', interactiveId: 'Track my order', text: 'Track my order' }, null],
    ['a quick reply starting with 10', { type: 'button', interactiveId: '10 days', text: '10 days' }, null],
    ['a typed digit', text(' 2 '), { rating: 2 }],
    ['a row id out of range', row('csat:6'), null],
    ['a row from another list', row('menu:2'), null],
    ['a typed number out of range', text('9'), null],
    ['a sentence with a digit', text('I give you a 5'), null],
    ['an image', { type: 'image', text: '5' }, null],
    ['a message sent before the survey', { ...row('csat:5'), at: requestedAt - 1 }, null],
  ])('reads %s', (_, message, expected) => {
    expect(readCsatAnswer(message, asked)).toEqual(expected);
  });

  it('takes an answer stamped in the same second as the survey (Meta stamps whole seconds)', () => {
    const midSecond: CsatState = { ...asked, requestedAt: requestedAt + 700 };
    expect(readCsatAnswer({ ...row('csat:4'), at: requestedAt }, midSecond)).toEqual({ rating: 4 });
    expect(readCsatAnswer({ ...row('csat:4'), at: requestedAt - 1000 }, midSecond)).toBeNull();
  });

  it('reads nothing when no survey was sent', () => {
    expect(readCsatAnswer(row('csat:5'), { ...asked, requestedAt: null })).toBeNull();
  });
});

describe('readCsatAnswer: the comment', () => {
  it.each<[string, CsatInbound, CsatState, ReturnType<typeof readCsatAnswer>]>([
    ['takes text after the rating as the comment', text('  Quick and kind, thanks! '), rated, { comment: 'Quick and kind, thanks!' }],
    ['takes a comment just inside the window', text('ok', rated.ratedAt! + CSAT_COMMENT_WINDOW_MS - 1), rated, { comment: 'ok' }],
    ['ignores text once the window has passed', text('new question', rated.ratedAt! + CSAT_COMMENT_WINDOW_MS), rated, null],
    ['ignores a second rating', row('csat:1'), rated, null],
    ['ignores blank text', text('   '), rated, null],
    ['ignores a second comment', text('one more thing'), { ...rated, comment: 'Great' }, null],
    ['ignores text before any rating', text('Hello?'), asked, null],
  ])('%s', (_, message, state, expected) => {
    expect(readCsatAnswer(message, state)).toEqual(expected);
  });

  it('cuts a long comment without splitting an emoji', () => {
    const long = `${'a'.repeat(MAX_CSAT_COMMENT_LENGTH - 1)}😀 and more`;
    const answer = readCsatAnswer(text(long), rated);
    expect(answer).toEqual({ comment: 'a'.repeat(MAX_CSAT_COMMENT_LENGTH - 1) });
  });
});

describe('csatInboundOf', () => {
  it.each([
    [
      'a list reply',
      { type: 'interactive', text: '5 – Excellent', timestamp: 1, payload: { kind: 'list_reply', id: 'csat:5', title: '5 – Excellent' } },
      'csat:5',
    ],
    ['a template quick reply', { type: 'button', text: 'Great', timestamp: 1, payload: { payload: 'csat:4', text: 'Great' } }, 'csat:4'],
    ['a text', { type: 'text', text: '3', timestamp: 1, payload: {} }, null],
  ])('reads the id of %s', (_, message, id) => {
    expect(csatInboundOf(message)).toEqual({ type: message.type, interactiveId: id, text: message.text, at: 1 });
  });
});
