import { plottedUntil, type BacklogPoint } from '../lib/domain/metrics/backlog';
import { rowsByKey, type Params } from './metrics-sql';
import { isoDate } from './records';

// The overview's backlog by SQL: open(e) = created ≤ e − resolved ≤ e at each bucket's end e, as
// src/lib/domain/metrics/backlog.ts counts an open span (a reopen clears resolved_at, so it counts as open). Each
// bucket is two range counts on the period indexes, compared as text (PocketBase dates sort as they read), where
// bucketing every row by julianday parsed two dates per conversation (~150 ms per 100k in the hooks).

const MAX_BUCKETS = 400;

/** Open conversations at the end of each `bucketMs` bucket of [from, to), never past `now`; `where` narrows to the caller's scope. */
export function backlogOf(
  app: core.App,
  where: (...parts: string[]) => string,
  params: Params,
  from: number,
  until: number,
  bucketMs: number,
  now: number,
): BacklogPoint[] {
  const to = plottedUntil(until, now);
  if (!(to > from)) return [];
  const buckets = Math.min(MAX_BUCKETS, Math.ceil((to - from) / bucketMs));
  const ends = Array.from({ length: buckets }, (_, i) => Math.min(to, from + (i + 1) * bucketMs));
  const bounds: Params = { ...params, e0: isoDate(from) };
  ends.forEach((end, i) => (bounds[`e${i + 1}`] = isoDate(end)));
  const created = (range: string) => `(SELECT COUNT(*) FROM conversations c INDEXED BY idx_conversations_created WHERE ${where(range)})`;
  const resolved = (range: string) => `(SELECT COUNT(*) FROM conversations c INDEXED BY idx_conversations_resolved_at WHERE ${where(range)})`;
  // Row 0 is what was open at `from`; row i + 1 what bucket i opened and resolved. The full report only reads
  // conversations created before `to`, hence the cap on the last bucket's end.
  const rows = [`SELECT '0' AS k, ${created('c.created <= {:e0}')} AS opened, ${resolved("c.resolved_at != '' AND c.resolved_at <= {:e0}")} AS resolved`];
  for (let i = 1; i <= buckets; i++) {
    rows.push(
      `SELECT '${i}', ${created(`c.created > {:e${i - 1}} AND c.created <= {:e${i}} AND c.created < {:to}`)}, ${resolved(`c.resolved_at > {:e${i - 1}} AND c.resolved_at <= {:e${i}}`)}`,
    );
  }
  const counts = rowsByKey(app, rows.join(' UNION ALL '), bounds, { opened: 0, resolved: 0 });
  const net = (i: number) => (counts.get(String(i))?.opened ?? 0) - (counts.get(String(i))?.resolved ?? 0);
  let open = net(0);
  return ends.map((end, i) => {
    open += net(i + 1);
    return { start: from + i * bucketMs, end, open };
  });
}
