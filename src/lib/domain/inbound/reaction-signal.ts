import { MAX_PRIORITY, PRIORITY_BASE } from '../routing/priority-score';

// A customer's emoji reaction is a signal about the conversation, never a new turn in it: it does not reopen a
// resolved ticket, start a new one or wait for an answer. Two kinds of signal count; every other reaction is only
// shown on the message it reacts to.

/** Reactions that acknowledge a resolution (a thumbs up, a heart, folded hands). */
export const ACKNOWLEDGING_EMOJI: readonly string[] = ['👍', '❤', '🙏'];
/** Reactions that say the customer is unhappy (a thumbs down, an angry face). */
export const UPSET_EMOJI: readonly string[] = ['👎', '😡'];

/** What the reaction and its conversation look like when it arrives. */
export interface ReactionFacts {
  /** The reaction's emoji, null when the customer removed their reaction. */
  emoji: string | null;
  status: 'open' | 'pending' | 'resolved';
  /** The reacted message is the latest message an agent sent in this conversation. */
  onLastAgentMessage: boolean;
  priority: number;
  /** The conversation already raised its priority for an earlier upset reaction. */
  alreadyUpset: boolean;
}

/** What a reaction does to its conversation beyond being shown on its message. */
export type ReactionSignal = { kind: 'acknowledgement'; emoji: string } | { kind: 'upset'; emoji: string; priority: number } | { kind: 'none' };

// Skin tones (U+1F3FB–U+1F3FF) and the emoji presentation selector (U+FE0F) do not change what a reaction says.
// Written with surrogate pairs: the hooks' VM has no \p{} or \u{} ranges in regular expressions.
const MODIFIERS = /\uFE0F|\uD83C[\uDFFB-\uDFFF]/g;

/** The emoji without skin tone or presentation selector: 👍🏽 and ❤️ read as 👍 and ❤. */
export function baseEmoji(emoji: string): string {
  return emoji.replace(MODIFIERS, '');
}

/** An upset reaction lifts the conversation to at least the "high" level, or by the gap between levels when it is there already. */
export function raisedPriority(priority: number): number {
  const step = PRIORITY_BASE.high - PRIORITY_BASE.normal;
  return Math.min(MAX_PRIORITY, Math.max(PRIORITY_BASE.high, priority + step));
}

/** Reads a reaction as a signal: an acknowledgement of a resolution, a warning on an open conversation, or nothing. */
export function readReactionSignal(facts: ReactionFacts): ReactionSignal {
  if (facts.emoji === null) return { kind: 'none' };
  const emoji = baseEmoji(facts.emoji);
  if (facts.status === 'resolved') {
    return ACKNOWLEDGING_EMOJI.includes(emoji) && facts.onLastAgentMessage ? { kind: 'acknowledgement', emoji: facts.emoji } : { kind: 'none' };
  }
  if (!UPSET_EMOJI.includes(emoji)) return { kind: 'none' };
  // One raise per conversation: a customer tapping 👎 on every message must not push it to the top of everyone's queue.
  return { kind: 'upset', emoji: facts.emoji, priority: facts.alreadyUpset ? facts.priority : raisedPriority(facts.priority) };
}
