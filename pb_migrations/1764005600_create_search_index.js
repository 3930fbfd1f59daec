/// <reference path="../.pocketbase/types.d.ts" />
// Full-text search over all history (GET /api/pocketdesk/search, src/pocketbase/search.ts): one SQLite FTS5 index
// over every message text, note and the customer (name, profile name, number) of every conversation.
// - `search_docs` holds one row per searchable text with the conversation it belongs to; `search_fts` indexes it as
//   external content, so the text is stored once more (for snippets) and the index holds only tokens. Its integer
//   rowid grows with each new text, so "newest first" is the index's own order (no sort over every match).
// - The customer is indexed once per conversation (ref = the conversation's id): every hit then names one
//   conversation, and the route checks access with a primary-key lookup.
// - A number is indexed with all its suffixes, so a prefix query on any run of its digits finds it.
// - Triggers keep it current on every write, including customer-data erasure (texts set to '', notes deleted,
//   contact renamed): erased words leave the index in the erasure's own transaction.
// - unicode61 with remove_diacritics 2 folds case and accents (canción = cancion, PEDIDO = pedido) for Spanish
//   and English alike.

const SUFFIXES = 14; // WhatsApp numbers have at most 15 digits.
const customerText = (c) =>
  `(${c}.name || ' ' || ${c}.profile_name || ' ' || ${c}.wa_id${Array.from({ length: SUFFIXES }, (_, i) => ` || ' ' || substr(${c}.wa_id, ${i + 2})`).join('')})`;
const changed = (columns) => columns.map((column) => `OLD.${column} IS NOT NEW.${column}`).join(' OR ');

// PocketBase writes every column on each save, so the WHEN clauses compare values: a message's status update
// (the most common write) touches nothing here.
const TRIGGERS = {
  // The index follows its content table.
  pocketdesk_search_docs_insert: `AFTER INSERT ON search_docs BEGIN
    INSERT INTO search_fts (rowid, body) VALUES (NEW.rowid, NEW.body); END`,
  pocketdesk_search_docs_delete: `AFTER DELETE ON search_docs BEGIN
    INSERT INTO search_fts (search_fts, rowid, body) VALUES ('delete', OLD.rowid, OLD.body); END`,
  pocketdesk_search_docs_update: `AFTER UPDATE ON search_docs BEGIN
    INSERT INTO search_fts (search_fts, rowid, body) VALUES ('delete', OLD.rowid, OLD.body);
    INSERT INTO search_fts (rowid, body) VALUES (NEW.rowid, NEW.body); END`,

  pocketdesk_search_message_insert: `AFTER INSERT ON messages WHEN NEW.text != '' BEGIN
    INSERT INTO search_docs (kind, ref, conversation, body) VALUES ('message', NEW.id, NEW.conversation, NEW.text); END`,
  pocketdesk_search_message_update: `AFTER UPDATE ON messages WHEN ${changed(['text', 'conversation'])} BEGIN
    DELETE FROM search_docs WHERE ref = NEW.id AND NEW.text = '';
    INSERT INTO search_docs (kind, ref, conversation, body) SELECT 'message', NEW.id, NEW.conversation, NEW.text WHERE NEW.text != ''
      ON CONFLICT (ref) DO UPDATE SET conversation = excluded.conversation, body = excluded.body; END`,
  pocketdesk_search_message_delete: `AFTER DELETE ON messages BEGIN DELETE FROM search_docs WHERE ref = OLD.id; END`,

  pocketdesk_search_note_insert: `AFTER INSERT ON notes BEGIN
    INSERT INTO search_docs (kind, ref, conversation, body) VALUES ('note', NEW.id, NEW.conversation, NEW.body); END`,
  pocketdesk_search_note_update: `AFTER UPDATE ON notes WHEN ${changed(['body', 'conversation'])} BEGIN
    UPDATE search_docs SET conversation = NEW.conversation, body = NEW.body WHERE ref = NEW.id; END`,
  pocketdesk_search_note_delete: `AFTER DELETE ON notes BEGIN DELETE FROM search_docs WHERE ref = OLD.id; END`,

  pocketdesk_search_conversation_insert: `AFTER INSERT ON conversations BEGIN
    INSERT INTO search_docs (kind, ref, conversation, body) SELECT 'contact', NEW.id, NEW.id, ${customerText('ct')} FROM contacts ct WHERE ct.id = NEW.contact; END`,
  pocketdesk_search_conversation_update: `AFTER UPDATE ON conversations WHEN OLD.contact IS NOT NEW.contact BEGIN
    UPDATE search_docs SET body = COALESCE((SELECT ${customerText('ct')} FROM contacts ct WHERE ct.id = NEW.contact), '') WHERE ref = NEW.id; END`,
  pocketdesk_search_conversation_delete: `AFTER DELETE ON conversations BEGIN DELETE FROM search_docs WHERE ref = OLD.id; END`,

  pocketdesk_search_contact_update: `AFTER UPDATE ON contacts WHEN ${changed(['name', 'profile_name', 'wa_id'])} BEGIN
    UPDATE search_docs SET body = ${customerText('NEW')} WHERE ref IN (SELECT id FROM conversations WHERE contact = NEW.id); END`,
};

migrate(
  (app) => {
    const run = (sql) => app.db().newQuery(sql).execute();
    run(`CREATE TABLE search_docs (
      rowid INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,
      ref TEXT NOT NULL UNIQUE,
      conversation TEXT NOT NULL,
      body TEXT NOT NULL
    )`);
    // prefix: the last word typed is a prefix query; without these indexes a short one ("de*") merges the lists of
    // every word it starts (measured: three-word queries ending in a short word took seconds on 1M messages).
    run(
      "CREATE VIRTUAL TABLE search_fts USING fts5 (body, content = 'search_docs', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')",
    );
    for (const [name, body] of Object.entries(TRIGGERS)) run(`CREATE TRIGGER ${name} ${body}`);
    // Existing history, oldest first so the rowid order stays the order the texts were written in.
    run(`INSERT INTO search_docs (kind, ref, conversation, body)
      SELECT kind, ref, conversation, body FROM (
        SELECT 'message' AS kind, id AS ref, conversation, text AS body, created FROM messages WHERE text != ''
        UNION ALL SELECT 'note', id, conversation, body, created FROM notes
        UNION ALL SELECT 'contact', c.id, c.id, ${customerText('ct')}, c.created FROM conversations c JOIN contacts ct ON ct.id = c.contact
      ) ORDER BY created`);
  },
  (app) => {
    for (const name of Object.keys(TRIGGERS)) app.db().newQuery(`DROP TRIGGER IF EXISTS ${name}`).execute();
    app.db().newQuery('DROP TABLE IF EXISTS search_fts').execute();
    app.db().newQuery('DROP TABLE IF EXISTS search_docs').execute();
  },
);
