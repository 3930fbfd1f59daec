import { MAX_SHARE_BUCKETS, negativeShareSeries, type NegativeSharePoint } from '../lib/domain/metrics/negative-share';
import { plottedUntil } from '../lib/domain/metrics/backlog';
import { rowsByKey, type Params } from './metrics-sql';
import { isoDate } from './records';

// The overview's share of negative conversations (issue #20) by SQL: customer messages of the period (the partial
// index idx_messages_inbound_sentiment), bucketed by index from `from`, counting distinct conversations.

/** Per bucket of [from, until), never past `now`: conversations whose customer wrote, and those who wrote negatively. */
export function negativeShareOf(
  app: core.App,
  where: (...parts: string[]) => string,
  params: Params,
  from: number,
  until: number,
  bucketMs: number,
  now: number,
): NegativeSharePoint[] {
  const to = plottedUntil(until, now);
  if (!(to > from) || !(bucketMs > 0)) return [];
  const bounds: Params = { ...params, shareFrom: isoDate(from), shareTo: isoDate(Math.min(to, from + MAX_SHARE_BUCKETS * bucketMs)), bucketMs };
  const sql =
    "SELECT CAST((julianday(m.created) - julianday({:shareFrom})) * 86400000 / {:bucketMs} AS INTEGER) AS k, COUNT(DISTINCT m.conversation) AS conversations, COUNT(DISTINCT CASE WHEN m.sentiment = 'negative' THEN m.conversation END) AS negative" +
    ` FROM messages m JOIN conversations c ON c.id = m.conversation WHERE ${where("m.direction = 'in'", 'm.created >= {:shareFrom}', 'm.created < {:shareTo}')} GROUP BY k`;
  const rows = rowsByKey(app, sql, bounds, { conversations: 0, negative: 0 });
  const counts = new Map([...rows].map(([key, row]) => [Number(key), { conversations: Number(row.conversations), negative: Number(row.negative) }]));
  return negativeShareSeries(counts, from, until, bucketMs, now);
}
