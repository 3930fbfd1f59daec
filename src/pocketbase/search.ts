import { toMatchQuery } from '../lib/domain/search/match-query';
import { SEARCH_PAGE_SIZE, SNIPPET_CLOSE, SNIPPET_OPEN } from '../lib/schemas/search';
import { respondError } from './api-errors';
import { conversationAccessSql } from './search-access';
import { signedInStaff } from './staff-auth';

// Full-text search over all history: messages, notes and customers (the index and its triggers:
// pb_migrations/1764005600_create_search_index.js). Newest matching text first, paged by a cursor on the index's
// rowid, so a page reads the matches in the index's own order and stops after a page of visible ones: no sort of
// every match, which for a common word is hundreds of thousands of rows.

const CURSOR = /^[1-9]\d{0,15}$/;

/** GET /api/pocketdesk/search?q=…[&before=cursor] — `{items: [{kind, snippet, conversation}], next}`. */
export function handleSearch(e: core.RequestEvent): void {
  const staff = signedInStaff(e);
  if (!staff) {
    respondError(e, 403, 'staff-only', 'Only signed-in agents search conversations.');
    return;
  }
  const values = e.request!.url!.query();
  const before = values.get('before');
  if (before !== '' && !CURSOR.test(before)) {
    respondError(e, 400, 'invalid-query', 'The search query is invalid.', {
      before: { code: 'invalid-cursor', message: 'Use the `next` value of the previous page.' },
    });
    return;
  }
  const query = toMatchQuery(values.get('q'));
  if (!query.ok) {
    if (query.reason === 'too-long')
      respondError(e, 400, 'invalid-query', 'The search query is invalid.', { q: { code: 'too-long', message: 'Search for at most 200 characters.' } });
    else e.json(200, { items: [], next: null });
    return;
  }
  const access = conversationAccessSql(staff);
  const rows = arrayOf(
    new DynamicModel({
      doc: 0,
      kind: '',
      snippet: '',
      id: '',
      status: '',
      assignee: '',
      team: '',
      channel: '',
      labels: '',
      contact: '',
      contact_name: '',
      contact_number: '',
      last_message_preview: '',
      last_message_at: '',
      created: '',
    }),
  );
  // CROSS JOIN fixes the order: the index first, then each match's conversation by primary key. Left to itself the
  // planner may start from an agent's conversations and run the MATCH once per conversation.
  const sql = `SELECT f.rowid AS doc, d.kind AS kind,
      CASE WHEN d.kind = 'contact' THEN '' ELSE snippet(search_fts, 0, {:open}, {:close}, '…', 16) END AS snippet,
      c.id AS id, c.status AS status, c.assignee AS assignee, c.team AS team, c.channel AS channel, c.labels AS labels, c.contact AS contact,
      COALESCE(NULLIF(ct.name, ''), NULLIF(ct.profile_name, ''), NULLIF(ct.username, ''), ct.wa_id, '') AS contact_name,
      COALESCE(ct.wa_id, '') AS contact_number, c.last_message_preview AS last_message_preview,
      c.last_message_at AS last_message_at, c.created AS created
    FROM search_fts f CROSS JOIN search_docs d CROSS JOIN conversations c LEFT JOIN contacts ct ON ct.id = c.contact
    WHERE search_fts MATCH {:match} AND f.rowid < {:before} AND d.rowid = f.rowid AND c.id = d.conversation AND ${access.where}
    ORDER BY f.rowid DESC LIMIT ${SEARCH_PAGE_SIZE}`;
  try {
    $app
      .db()
      .newQuery(sql)
      .bind({
        ...access.params,
        match: query.match,
        before: before ? Number(before) : Number.MAX_SAFE_INTEGER,
        open: SNIPPET_OPEN,
        close: SNIPPET_CLOSE,
      } as dbx.Params)
      .all(rows);
  } catch (error) {
    // toMatchQuery quotes every word, so this is not expected; if FTS5 still refuses one, say so instead of a 500.
    respondError(e, 400, 'invalid-query', 'The search query could not be read.', { q: { code: 'unreadable', message: String(error) } });
    return;
  }
  const list = rows as unknown as Array<Record<string, unknown>>;
  // Several texts of one conversation can match: the page names each conversation once, with its newest match.
  const seen = new Set<string>();
  const items = [];
  for (const row of list) {
    const id = String(row.id);
    if (seen.has(id)) continue;
    seen.add(id);
    items.push({
      kind: String(row.kind),
      snippet: String(row.snippet),
      conversation: {
        id,
        status: String(row.status),
        assignee: String(row.assignee),
        team: String(row.team),
        channel: String(row.channel),
        labels: labelsOf(String(row.labels)),
        contact: String(row.contact),
        contact_name: String(row.contact_name),
        contact_number: String(row.contact_number),
        last_message_preview: String(row.last_message_preview),
        last_message_at: String(row.last_message_at),
        created: String(row.created),
      },
    });
  }
  const last = list[list.length - 1];
  e.json(200, { items, next: list.length === SEARCH_PAGE_SIZE && last ? Number(last.doc) : null });
}

function labelsOf(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json || '[]');
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}
