import type { NormalizedInbound } from '../inbound/normalized-message';
import { isCsatRating, type CsatRating } from './csat-rating';

/** A comment is taken within this long of the rating: later text is a new message, not survey feedback. */
export const CSAT_COMMENT_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Longer comments are cut to this many characters. */
export const MAX_CSAT_COMMENT_LENGTH = 1000;

/** An inbound message as normalized from the webhook; `interactiveId` is a list row or quick-reply button payload. */
export interface CsatInbound {
  type: string;
  interactiveId?: string | null;
  text?: string | null;
  /** When it was sent; without it the time checks are skipped. */
  at?: number;
}

/** What the conversation already holds of its survey. */
export interface CsatState {
  requestedAt: number | null;
  rating: CsatRating | null;
  ratedAt: number | null;
  comment: string | null;
}

/** What an inbound message contributes to the survey. */
export type CsatAnswer = { rating: CsatRating } | { comment: string };

const ROW_ID = /^csat:([1-5])$/;
const BARE_DIGIT = /^[1-5]$/;
const QUICK_REPLY = /^(?:csat:)?([1-5])(?![0-9])/;

function ratingIn(message: CsatInbound): CsatRating | null {
  const row = ROW_ID.exec(message.interactiveId ?? '');
  // Customers often type the number instead of opening the list.
  const typed = message.type === 'text' ? (message.text ?? '').trim() : '';
  // A template's quick reply ("4 – Good") comes back as a `button` whose payload is its text unless the send set one.
  const tapped = message.type === 'button' ? QUICK_REPLY.exec(message.interactiveId ?? message.text ?? '') : null;
  const value = row !== null ? Number(row[1]) : tapped !== null ? Number(tapped[1]) : BARE_DIGIT.test(typed) ? Number(typed) : null;
  return isCsatRating(value) ? value : null;
}

function clip(text: string): string {
  if (text.length <= MAX_CSAT_COMMENT_LENGTH) return text;
  // Never cut an emoji (a surrogate pair) in half.
  const last = text.charCodeAt(MAX_CSAT_COMMENT_LENGTH - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? MAX_CSAT_COMMENT_LENGTH - 1 : MAX_CSAT_COMMENT_LENGTH);
}

/**
 * What a customer's message answers in a requested survey: the first rating (a `csat:N` row or button, or a bare
 * digit 1–5), then one text comment within CSAT_COMMENT_WINDOW_MS of it; null for anything else, including a second
 * rating or comment.
 */
export function readCsatAnswer(message: CsatInbound, state: CsatState): CsatAnswer | null {
  if (state.requestedAt === null) return null;
  // Meta stamps messages in whole seconds: an answer in the same second as the request is not "before" it.
  if (message.at !== undefined && message.at < Math.floor(state.requestedAt / 1000) * 1000) return null;
  if (state.rating === null) {
    const rating = ratingIn(message);
    return rating === null ? null : { rating };
  }
  if (state.comment !== null || message.type !== 'text') return null;
  if (message.at !== undefined && state.ratedAt !== null && message.at - state.ratedAt >= CSAT_COMMENT_WINDOW_MS) return null;
  const text = (message.text ?? '').trim();
  return text === '' ? null : { comment: clip(text) };
}

/** The survey-relevant part of a normalized inbound message: a list row's id or a template quick reply's payload. */
export function csatInboundOf(message: Pick<NormalizedInbound, 'type' | 'text' | 'timestamp' | 'payload'>): CsatInbound {
  const { payload } = message;
  const id = message.type === 'interactive' ? payload.id : message.type === 'button' ? payload.payload : null;
  return { type: message.type, interactiveId: typeof id === 'string' ? id : null, text: message.text, at: message.timestamp };
}
