import type { Params } from './metrics-sql';

// The finished QA reviews of a period, carried in the overview so the dashboard's first paint is one request.
// Measured on 100k conversations: the separate qa_reviews list, sent beside the overview, sometimes took 100–500 ms
// on the server even with no review to return, and the first paint waited for the slower of the two.

export interface ReviewScore {
  agent: string;
  percent: number;
}

/**
 * Reviews marked done in [from, to), as the qa_reviews list rule lets the caller see them: a manager's teams by the
 * review's team (`teamIds`), a channel through the reviewed conversation.
 */
export function finishedReviews(app: core.App, params: Params, teamIds: string[] | undefined, channelId: string | undefined): ReviewScore[] {
  const where = ["r.status = 'done'", 'r.updated >= {:from}', 'r.updated < {:to}'];
  if (teamIds) where.push(teamIds.length ? `r.team IN (${teamIds.map((_, i) => `{:t${i}}`).join(', ')})` : '0');
  if (channelId) where.push('c.channel = {:channel}');
  const rows = arrayOf(new DynamicModel({ agent: '', percent: 0.5 }));
  app
    .db()
    .newQuery(`SELECT r.agent AS agent, r.percent AS percent FROM qa_reviews r JOIN conversations c ON c.id = r.conversation WHERE ${where.join(' AND ')}`)
    .bind(params as dbx.Params)
    .all(rows);
  return (rows as unknown as Array<Record<string, unknown>>).map((row) => ({ agent: String(row.agent), percent: Number(row.percent) }));
}
