// A conversation's `bot_state` JSON. It is read back from the database, so reading it is forgiving: anything
// unrecognised (including the `{}` a new conversation starts with) is a fresh, idle bot.

/** Why the bot gave the conversation to people. */
export type HandoffReason = 'asked-for-human' | 'no-match' | 'unsupported-message' | 'too-many-answers' | 'bot-disabled';

/** Why the bot resolved the conversation itself. */
export type BotResolution = 'solved' | 'silence';

/** Where the FAQ bot stands in one conversation. */
export type BotState =
  | { stage: 'idle' }
  /** An answer was sent at `answeredAt`; `answers` counts the answers sent in this conversation. */
  | { stage: 'awaiting-feedback'; entryId: string; answeredAt: number; answers: number }
  | { stage: 'handed-off'; reason: HandoffReason; at: number }
  | { stage: 'resolved'; reason: BotResolution; at: number };

const HANDOFF_REASONS: readonly string[] = ['asked-for-human', 'no-match', 'unsupported-message', 'too-many-answers', 'bot-disabled'];
const RESOLUTIONS: readonly string[] = ['solved', 'silence'];

/** The state of a bot that has not spoken yet; store it when a resolved conversation reopens. */
export function resetBotState(): BotState {
  return { stage: 'idle' };
}

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Reads a stored `bot_state` value; anything malformed reads as idle. */
export function readBotState(raw: unknown): BotState {
  if (typeof raw !== 'object' || raw === null) return resetBotState();
  const s = raw as Record<string, unknown>;
  if (s.stage === 'awaiting-feedback' && typeof s.entryId === 'string' && isTime(s.answeredAt)) {
    const answers = isTime(s.answers) && s.answers >= 1 ? Math.floor(s.answers) : 1;
    return { stage: 'awaiting-feedback', entryId: s.entryId, answeredAt: s.answeredAt, answers };
  }
  if (s.stage === 'handed-off' && typeof s.reason === 'string' && HANDOFF_REASONS.includes(s.reason) && isTime(s.at)) {
    return { stage: 'handed-off', reason: s.reason as HandoffReason, at: s.at };
  }
  if (s.stage === 'resolved' && typeof s.reason === 'string' && RESOLUTIONS.includes(s.reason) && isTime(s.at)) {
    return { stage: 'resolved', reason: s.reason as BotResolution, at: s.at };
  }
  return resetBotState();
}
