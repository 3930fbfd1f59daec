import { renderTemplate, type TemplateVariables } from '../autoreply/template-text';
import { foldText } from '../routing/text-folding';

/** What the composer's `/shortcut` search reads from a `canned_replies` record. */
export interface CannedReply {
  shortcut: string;
  title: string;
  body: string;
}

/** A canned reply's body with the same `{{variables}}` as auto-replies filled in. */
export function expandCannedReply(body: string, vars: TemplateVariables): string {
  return renderTemplate(body, vars);
}

const folded = (text: unknown): string => (typeof text === 'string' ? foldText(text).trim() : '');
const byShortcut = <T extends CannedReply>(a: T, b: T): number => (a.shortcut < b.shortcut ? -1 : a.shortcut > b.shortcut ? 1 : 0);

/**
 * Canned replies for what follows `/` in the composer: shortcuts starting with the query first, then titles
 * containing it, then bodies, each group by shortcut; accents, case and punctuation are ignored.
 */
export function searchCannedReplies<T extends CannedReply>(list: readonly T[], query: string, limit = Infinity): T[] {
  const wanted = folded(typeof query === 'string' ? query.replace(/^\s*\//, '') : '');
  const tiers: T[][] = [[], [], []];
  for (const reply of list) {
    if (wanted === '' || folded(reply.shortcut).startsWith(wanted)) tiers[0]?.push(reply);
    else if (folded(reply.title).includes(wanted)) tiers[1]?.push(reply);
    else if (folded(reply.body).includes(wanted)) tiers[2]?.push(reply);
  }
  return tiers.flatMap((tier) => [...tier].sort(byShortcut)).slice(0, Math.max(0, limit));
}

/** How often agents sent a canned reply in conversations of one intent (a `canned_reply_uses` row). */
export interface CannedReplyUse {
  cannedReply: string;
  intent: string;
  uses: number;
}

/**
 * The canned replies agents sent most for `intent` first, most used first, each marked `suggested`; the others
 * after them in their given order. Without an intent, or with no counts for it, the list keeps its order.
 */
export function suggestCannedReplies<T extends { id: string }>(
  list: readonly T[],
  uses: readonly CannedReplyUse[],
  intent: string,
): Array<{ reply: T; suggested: boolean }> {
  const count = new Map<string, number>();
  if (intent !== '') for (const use of uses) if (use.intent === intent && use.uses > 0) count.set(use.cannedReply, use.uses);
  const suggested = list.filter((reply) => count.has(reply.id));
  // Array.prototype.sort is stable: replies used equally often keep the list's order.
  suggested.sort((a, b) => count.get(b.id)! - count.get(a.id)!);
  return [
    ...suggested.map((reply) => ({ reply, suggested: true })),
    ...list.filter((reply) => !count.has(reply.id)).map((reply) => ({ reply, suggested: false })),
  ];
}
