import type { QaSettings } from './qa-settings';

/** A closed conversation that could be reviewed. */
export interface ClosedConversation {
  id: string;
  assigneeId: string | null;
  resolvedAt: number | null;
}

/** The conversations picked for one agent; `available` is how many there were to pick from. */
export interface ReviewSample {
  agentId: string;
  conversationIds: string[];
  available: number;
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Up to `samplePerAgent` distinct conversations per agent, resolved in [`periodStart`, `periodEnd`), drawn uniformly
 * without replacement (a partial Fisher–Yates shuffle). Candidates are sorted first, so the same `random` sequence
 * always gives the same sample whatever order the rows came in; agents in id order, none when QA is off.
 */
export function sampleForReview(
  closed: readonly ClosedConversation[],
  settings: QaSettings,
  periodStart: number,
  periodEnd: number,
  random: () => number,
): ReviewSample[] {
  if (!settings.enabled) return [];
  const size = Math.max(0, Math.floor(settings.samplePerAgent));
  const candidates = new Map<string, Set<string>>();
  for (const conversation of closed) {
    const { assigneeId, resolvedAt } = conversation;
    if (!assigneeId || resolvedAt === null || !(resolvedAt >= periodStart && resolvedAt < periodEnd)) continue;
    const ids = candidates.get(assigneeId) ?? new Set<string>();
    ids.add(conversation.id);
    candidates.set(assigneeId, ids);
  }
  return [...candidates.keys()].sort(byId).map((agentId) => {
    const pool = [...(candidates.get(agentId) ?? [])].sort(byId);
    const take = Math.min(size, pool.length);
    for (let i = 0; i < take; i++) {
      // Clamp the draw: a generator that returns 1 (or garbage) must not index past the pool.
      const draw = random();
      const offset = Math.min(pool.length - i - 1, Math.max(0, Math.floor((Number.isFinite(draw) ? draw : 0) * (pool.length - i))));
      const j = i + offset;
      const picked = pool[j] as string;
      pool[j] = pool[i] as string;
      pool[i] = picked;
    }
    return { agentId, conversationIds: pool.slice(0, take), available: pool.length };
  });
}
