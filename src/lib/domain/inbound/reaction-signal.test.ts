import { describe, expect, it } from 'vitest';
import { baseEmoji, raisedPriority, readReactionSignal, type ReactionFacts } from './reaction-signal';

const facts = (over: Partial<ReactionFacts>): ReactionFacts => ({
  emoji: '👍',
  status: 'resolved',
  onLastAgentMessage: true,
  priority: 100,
  alreadyUpset: false,
  ...over,
});

describe('readReactionSignal', () => {
  it.each([
    ['👍 on the last agent message of a resolved conversation', facts({}), 'acknowledgement'],
    ['❤️ (with its presentation selector)', facts({ emoji: '❤️' }), 'acknowledgement'],
    ['🙏🏽 (with a skin tone)', facts({ emoji: '🙏🏽' }), 'acknowledgement'],
    ['👍 on an earlier message of a resolved conversation', facts({ onLastAgentMessage: false }), 'none'],
    ['😂 on the last agent message of a resolved conversation', facts({ emoji: '😂' }), 'none'],
    ['👎 on a resolved conversation', facts({ emoji: '👎' }), 'none'],
    ['a removed reaction', facts({ emoji: null }), 'none'],
    ['👍 on an open conversation', facts({ status: 'open' }), 'none'],
    ['👎 on an open conversation', facts({ status: 'open', emoji: '👎' }), 'upset'],
    ['😡 on a pending conversation', facts({ status: 'pending', emoji: '😡' }), 'upset'],
    ['👎🏿 on an open conversation, on any message', facts({ status: 'open', emoji: '👎🏿', onLastAgentMessage: false }), 'upset'],
  ])('reads %s as %s', (_, input, kind) => {
    expect(readReactionSignal(input).kind).toBe(kind);
  });

  it('raises an open conversation once, however many upset reactions follow', () => {
    expect(readReactionSignal(facts({ status: 'open', emoji: '👎', priority: 100 }))).toEqual({ kind: 'upset', emoji: '👎', priority: 300 });
    expect(readReactionSignal(facts({ status: 'open', emoji: '😡', priority: 300, alreadyUpset: true }))).toEqual({
      kind: 'upset',
      emoji: '😡',
      priority: 300,
    });
  });

  it('keeps the emoji as the customer sent it on an acknowledgement', () => {
    expect(readReactionSignal(facts({ emoji: '❤️' }))).toEqual({ kind: 'acknowledgement', emoji: '❤️' });
  });
});

describe('raisedPriority', () => {
  it.each([
    [0, 300],
    [100, 300],
    [250, 450],
    [600, 800],
    [950, 1000],
  ])('lifts %i to %i', (from, to) => {
    expect(raisedPriority(from)).toBe(to);
  });
});

describe('baseEmoji', () => {
  it('drops skin tones and the presentation selector only', () => {
    expect(baseEmoji('👍🏻')).toBe('👍');
    expect(baseEmoji('❤️')).toBe('❤');
    expect(baseEmoji('😡')).toBe('😡');
  });
});
