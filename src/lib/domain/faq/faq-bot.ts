import type { FaqEntry, FaqSettings } from '../../schemas/faq';
import { MINUTE_MS } from '../hours/civil-date';
import type { BotResolution, BotState, HandoffReason } from './bot-state';
import { isHandoffRequest, matchFaqEntry } from './faq-matching';
import type { MeaningMemo } from './faq-meaning';

/** The id of the "That solved it" button under an answer. */
export const SOLVED_BUTTON_ID = 'faq:solved';
/** The id of the "Talk to a person" button under an answer. */
export const HUMAN_BUTTON_ID = 'faq:human';

/** An inbound message as the bot sees it: a reply-button tap carries the button's id and its title as `text`. */
export interface BotMessage {
  type: string;
  text: string;
  buttonReplyId?: string | null;
}

/** An interactive reply button as Meta takes it. */
export interface BotButton {
  id: string;
  title: string;
}

/** What the caller does, in order; the bot's messages stay in the thread for the agent who takes over. */
export type BotAction =
  | { kind: 'send-text'; text: string }
  | { kind: 'send-buttons'; text: string; buttons: BotButton[] }
  | { kind: 'handoff'; reason: HandoffReason }
  | { kind: 'resolve-by-bot'; reason: BotResolution };

/** The bot's new state and what the caller does, saved and queued in one transaction. */
export interface BotTurn {
  state: BotState;
  actions: BotAction[];
}

// Text a customer typed or tapped; media, locations and the like go to a person.
const READABLE_TYPES: readonly string[] = ['text', 'interactive', 'button'];
// A reaction to the bot's answer is neither a question nor a request for help.
const IGNORED_TYPES: readonly string[] = ['reaction'];

function handoff(settings: FaqSettings, reason: HandoffReason, now: number): BotTurn {
  const actions: BotAction[] = [];
  if (settings.handoffText !== '' && reason !== 'bot-disabled') actions.push({ kind: 'send-text', text: settings.handoffText });
  actions.push({ kind: 'handoff', reason });
  return { state: { stage: 'handed-off', reason, at: now }, actions };
}

function resolve(settings: FaqSettings, reason: BotResolution, now: number): BotTurn {
  const actions: BotAction[] = [];
  if (reason === 'solved' && settings.solvedText !== '') actions.push({ kind: 'send-text', text: settings.solvedText });
  actions.push({ kind: 'resolve-by-bot', reason });
  return { state: { stage: 'resolved', reason, at: now }, actions };
}

function answer(entry: FaqEntry, settings: FaqSettings, answers: number, now: number): BotTurn {
  if (answers > settings.maxAnswers) return handoff(settings, 'too-many-answers', now);
  const reply = entry.answer;
  // A buttons answer's own buttons are the choices (a tap on an entry's id answers that entry); Meta allows only
  // three buttons, so the feedback pair goes on text answers, and "agent" or silence still ends a buttons answer.
  const buttons =
    reply.type === 'buttons'
      ? reply.buttons.map((b) => ({ id: b.id, title: b.title }))
      : [
          { id: SOLVED_BUTTON_ID, title: settings.buttons.solved },
          { id: HUMAN_BUTTON_ID, title: settings.buttons.human },
        ];
  return { state: { stage: 'awaiting-feedback', entryId: entry.id, answeredAt: now, answers }, actions: [{ kind: 'send-buttons', text: reply.text, buttons }] };
}

/**
 * The FAQ bot's turn on one inbound message: answer a matching question with feedback buttons, resolve on
 * "That solved it", hand over on "Talk to a person", a handoff keyword or anything it cannot answer, and stay out
 * of a conversation it has handed over. A `resolved` state nobody reset on reopening starts over like `idle`.
 */
export function botReply(state: BotState, message: BotMessage, settings: FaqSettings, now: number, memo?: MeaningMemo): BotTurn {
  if (state.stage === 'handed-off' || IGNORED_TYPES.includes(message.type)) return { state, actions: [] };
  if (!settings.enabled) return handoff(settings, 'bot-disabled', now);

  const buttonId = typeof message.buttonReplyId === 'string' ? message.buttonReplyId : '';
  if (buttonId === SOLVED_BUTTON_ID) return resolve(settings, 'solved', now);
  if (buttonId === HUMAN_BUTTON_ID) return handoff(settings, 'asked-for-human', now);

  const text = typeof message.text === 'string' ? message.text : '';
  if (!READABLE_TYPES.includes(message.type) || (text.trim() === '' && buttonId === '')) return handoff(settings, 'unsupported-message', now);
  if (isHandoffRequest(text, settings.handoffKeywords)) return handoff(settings, 'asked-for-human', now);

  const answered = state.stage === 'awaiting-feedback' ? state.answers : 0;
  const tapped = buttonId === '' ? undefined : settings.entries.find((entry) => entry.enabled && entry.id === buttonId);
  const entry = tapped ?? matchFaqEntry(text, settings.entries, memo);
  return entry === null ? handoff(settings, 'no-match', now) : answer(entry, settings, answered + 1, now);
}

/** When an unanswered answer resolves the conversation (epoch ms), or null when the bot is not waiting for feedback. */
export function botTimeoutAt(state: BotState, settings: FaqSettings): number | null {
  return state.stage === 'awaiting-feedback' ? state.answeredAt + settings.resolveAfterSilenceMinutes * MINUTE_MS : null;
}

/** Resolves by bot when the customer stayed silent for the whole window after an answer; otherwise changes nothing. */
export function botTimeout(state: BotState, now: number, settings: FaqSettings): BotTurn {
  const due = botTimeoutAt(state, settings);
  return due !== null && now >= due ? resolve(settings, 'silence', now) : { state, actions: [] };
}
