import type { PriorityLevel, PriorityPolicy } from '../../schemas/routing';
import { NO_HISTORY, type CustomerHistory } from '../signals/customer-history';
import { complexityPointsOf, type ExpectedComplexity } from '../signals/expected-complexity';
import { readMessageSignals } from '../signals/message-signals';
import { serviceWindowAt } from '../window/service-window';
import { foldText, hasPhrase } from './text-folding';

export type PriorityReasonCode =
  | 'level'
  | 'urgency-words'
  | 'angry-emoji'
  | 'urgent-message'
  | 'negative-message'
  | 'vip'
  | 'escalated'
  | 'handovers'
  | 'low-rating'
  | 'reopens'
  | 'slow-resolution'
  | 'long-intent'
  | 'window-closing';

export interface PriorityReason {
  code: PriorityReasonCode;
  points: number;
  /** What triggered it, for people: the words found, the level, the escalation count. */
  detail: string;
}

export interface PriorityScore {
  score: number;
  reasons: PriorityReason[];
}

export interface PrioritySignals {
  text: string;
  vip: boolean;
  previousEscalations: number;
  lastInboundAt: number | null;
  /** The customer's past with the desk (escalations are counted from `previousEscalations`); absent: nothing known. */
  history?: CustomerHistory;
  /** The handle time of the intent the model is sure enough of (hybrid routing); absent: no such prediction. */
  expected?: ExpectedComplexity | null;
}

/** Where each level starts; signals add points on top, so an urgent rule outranks any normal conversation. */
export const PRIORITY_BASE: Readonly<Record<PriorityLevel, number>> = { low: 0, normal: 100, high: 300, urgent: 600 };

/** The stored `priority` field's range. */
export const MAX_PRIORITY = 1000;

const MAX_COUNTED_ESCALATIONS = 3;
/** Handovers and reopens count per occurrence, up to this many. */
const MAX_COUNTED_REPEATS = 3;

const counted = (n: number, max: number) => Math.min(max, Math.max(0, Math.floor(n)));

/** Scores how urgently a conversation needs an agent, listing every signal that added points. */
export function scorePriority(signals: PrioritySignals, now: number, policy: PriorityPolicy, folded: string = foldText(signals.text)): PriorityScore {
  const reasons: PriorityReason[] = [];
  const { points } = policy;
  const words = policy.urgencyWords.filter((word) => hasPhrase(folded, word));
  if (words.length > 0) reasons.push({ code: 'urgency-words', points: points.urgencyWords, detail: words.join(', ') });
  const emoji = policy.angryEmoji.filter((e) => signals.text.includes(e));
  if (emoji.length > 0) reasons.push({ code: 'angry-emoji', points: points.angryEmoji, detail: emoji.join('') });
  // The message's own reading scores once per signal: the admin's word and emoji lists above already said so.
  const message = readMessageSignals(signals.text, folded);
  if (message.urgent && words.length === 0) reasons.push({ code: 'urgent-message', points: points.urgentMessage, detail: 'urgent' });
  if (message.sentiment === 'negative' && emoji.length === 0)
    reasons.push({ code: 'negative-message', points: points.negativeMessage, detail: message.cues.filter((cue) => cue !== 'urgent').join(', ') });
  if (signals.vip) reasons.push({ code: 'vip', points: points.vip, detail: 'vip' });
  const escalations = counted(signals.previousEscalations, MAX_COUNTED_ESCALATIONS);
  if (escalations > 0) reasons.push({ code: 'escalated', points: points.escalation * escalations, detail: String(signals.previousEscalations) });
  const history = signals.history ?? NO_HISTORY;
  const handovers = counted(history.handovers, MAX_COUNTED_REPEATS);
  if (handovers > 0) reasons.push({ code: 'handovers', points: points.handover * handovers, detail: String(history.handovers) });
  if (history.lowRatings > 0) reasons.push({ code: 'low-rating', points: points.lowRating, detail: String(history.lowRatings) });
  const reopens = counted(history.reopens, MAX_COUNTED_REPEATS);
  if (reopens > 0) reasons.push({ code: 'reopens', points: points.reopen * reopens, detail: String(history.reopens) });
  const slow = history.averageResolutionMinutes;
  if (slow !== null && policy.slowResolutionMinutes > 0 && slow >= policy.slowResolutionMinutes)
    reasons.push({ code: 'slow-resolution', points: points.slowResolution, detail: `${Math.round(slow)} min` });
  const complexity = complexityPointsOf(signals.expected, policy.longIntentMinutes, points.longIntent);
  if (complexity > 0)
    reasons.push({ code: 'long-intent', points: complexity, detail: `${signals.expected!.intentName}: ${signals.expected!.medianMinutes} min` });
  const closing = windowClosingOf(signals.lastInboundAt, now, policy);
  if (closing !== null) reasons.push({ code: 'window-closing', points: points.windowClosing, detail: `${Math.ceil(closing / 60_000)} min left` });
  return { score: reasons.reduce((sum, r) => sum + r.points, 0), reasons: reasons.filter((r) => r.points > 0) };
}

/** The time left (ms) when the customer's open 24 h window closes within the policy's minutes; null otherwise. */
export function windowClosingOf(lastInboundAt: number | null, now: number, policy: Pick<PriorityPolicy, 'windowClosingMinutes'>): number | null {
  const serviceWindow = serviceWindowAt(lastInboundAt, now);
  return serviceWindow.open && serviceWindow.remainingMs <= policy.windowClosingMinutes * 60_000 ? serviceWindow.remainingMs : null;
}

/** A stored priority and the window-closing points it includes. */
export interface WindowScore {
  priority: number;
  windowPoints: number;
}

/**
 * Re-scores the window-closing points of a waiting conversation at `now`: they are added once its window closes
 * within the policy's minutes and taken off again when the customer writes (a new window) or the window has closed.
 */
export function rescoreWindowClosing(current: WindowScore, lastInboundAt: number | null, now: number, policy: PriorityPolicy): WindowScore {
  const wanted = windowClosingOf(lastInboundAt, now, policy) === null ? 0 : policy.points.windowClosing;
  const base = current.priority - current.windowPoints;
  const priority = Math.max(0, Math.min(MAX_PRIORITY, base + wanted));
  // Kept inside the field's range, so what is taken off later is what was really added.
  return { priority, windowPoints: priority - base };
}

/** The stored priority for a level plus a score, kept inside the field's range. */
export function priorityFor(level: PriorityLevel, score: PriorityScore): number {
  return Math.max(0, Math.min(MAX_PRIORITY, PRIORITY_BASE[level] + score.score));
}

export interface QueueEntry {
  id: string;
  priority: number;
  /** When the customer started waiting (their last unanswered inbound message). */
  waitingSince: number;
}

/** Orders the unassigned queue: higher priority first, then whoever has waited longest, then by id. */
export function compareQueue(a: QueueEntry, b: QueueEntry): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.waitingSince !== b.waitingSince) return a.waitingSince < b.waitingSince ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
