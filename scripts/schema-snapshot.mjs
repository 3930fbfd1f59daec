#!/usr/bin/env node
// The database schema a set of migrations produces, as normalised JSON: what tests/fixtures/schema.json holds and
// tests/integration/schema.test.ts compares with what pb_migrations/ builds today.
//
//   node scripts/schema-snapshot.mjs                      print the snapshot of pb_migrations/
//   node scripts/schema-snapshot.mjs --write              regenerate tests/fixtures/schema.json from pb_migrations/
//   node scripts/schema-snapshot.mjs --migrations=DIR     snapshot another migrations dir
//
// The project's PocketBase binary applies the migrations to an empty temp data dir (no hooks: the schema is the
// migrations' alone), followed by one extra migration that dumps collections, settings and SQLite's own catalogue.
// Ids are left out (relation targets become collection names): a squashed migration may pick other ids and still
// build the same database. Fields are keyed by name, so their order does not count.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pocketBaseBinary, projectRoot } from './pocketbase-paths.mjs';

export const fixtureFile = join(projectRoot, 'tests', 'fixtures', 'schema.json');
export const projectMigrations = join(projectRoot, 'pb_migrations');

// Runs last (its name sorts after any real timestamp); `$os.getenv` is how it learns where to write.
const DUMP_MIGRATION = `migrate((app) => {
  const catalogue = arrayOf(new DynamicModel({ type: '', name: '', tbl_name: '', sql: '' }));
  app.db().newQuery("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL").all(catalogue);
  const columns = arrayOf(new DynamicModel({ tbl: '', name: '', type: '', notnull: 0, dflt_value: '', pk: 0 }));
  app.db().newQuery("SELECT m.name AS tbl, p.name, p.type, p.\\"notnull\\", COALESCE(p.dflt_value, '') AS dflt_value, p.pk FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'").all(columns);
  const dump = {
    collections: app.findAllCollections().map((c) => ({ ...JSON.parse(JSON.stringify(c)), rows: app.countRecords(c.name) })),
    settings: JSON.parse(JSON.stringify(app.settings())),
    catalogue,
    columns,
  };
  $os.writeFile($os.getenv('POCKETDESK_SCHEMA_DUMP'), JSON.stringify(dump), 0o644);
});
`;

/** Collapses whitespace and drops identifier quotes, so hand-written and generated SQL compare equal. */
export function normaliseSql(sql) {
  return sql
    .replace(/[`"]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\(\s+/g, '(')
    .replace(/\s+\)/g, ')')
    .replace(/\s*,\s*/g, ', ')
    .trim();
}

/** Sorts object keys recursively so the JSON text is stable. */
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys(value[key])]),
    );
  return value;
}

// Auth options worth comparing: who may sign in and how, and for how long. The e-mail templates are PocketBase's
// defaults and the token secrets are never exported.
const AUTH_OPTIONS = [
  'authRule',
  'manageRule',
  'passwordAuth',
  'oauth2',
  'mfa',
  'otp',
  'authAlert',
  'authToken',
  'passwordResetToken',
  'emailChangeToken',
  'verificationToken',
  'fileToken',
];
const RULES = ['listRule', 'viewRule', 'createRule', 'updateRule', 'deleteRule'];

function withoutTemplates(option) {
  if (!option || typeof option !== 'object') return option;
  const { emailTemplate: _template, ...rest } = option;
  return rest;
}

/** Turns a raw dump (collections, settings and catalogue as PocketBase exported them) into the comparable snapshot. */
export function normaliseDump(dump) {
  const nameOf = new Map(dump.collections.map((c) => [c.id, c.name]));
  // Auth collections' system indexes carry the collection id in their names.
  const withNames = (sql) => [...nameOf].reduce((text, [id, name]) => text.split(id).join(`{${name}}`), sql);
  const columnsOf = (table) =>
    Object.fromEntries(
      dump.columns
        .filter((column) => column.tbl === table)
        .map((column) => [
          column.name,
          `${column.type}${column.notnull ? ' NOT NULL' : ''}${column.dflt_value !== '' ? ` DEFAULT ${column.dflt_value}` : ''}${column.pk ? ' PRIMARY KEY' : ''}`,
        ]),
    );

  const collections = {};
  for (const raw of dump.collections) {
    const fields = {};
    for (const { id: _id, name, ...field } of raw.fields) {
      if (field.type === 'relation') field.collectionId = nameOf.get(field.collectionId) ?? `missing:${field.collectionId}`;
      fields[name] = field;
    }
    const collection = {
      type: raw.type,
      system: raw.system,
      rows: raw.rows,
      rules: Object.fromEntries(RULES.map((rule) => [rule, raw[rule]])),
      fields,
      indexes: Object.fromEntries(
        raw.indexes.map((sql) => normaliseSql(withNames(sql))).map((sql) => [sql.match(/INDEX (?:IF NOT EXISTS )?(\S+)/i)?.[1] ?? sql, sql]),
      ),
      columns: columnsOf(raw.name),
    };
    if (raw.type === 'auth') collection.auth = Object.fromEntries(AUTH_OPTIONS.map((option) => [option, withoutTemplates(raw[option])]));
    if (raw.type === 'view') collection.viewQuery = normaliseSql(raw.viewQuery);
    collections[raw.name] = collection;
  }

  const triggers = Object.fromEntries(dump.catalogue.filter((entry) => entry.type === 'trigger').map((entry) => [entry.name, normaliseSql(entry.sql)]));
  // Indexes outside any collection's list (created by raw SQL) would otherwise go unseen.
  const listed = new Set(Object.values(collections).flatMap((c) => Object.keys(c.indexes)));
  const otherIndexes = Object.fromEntries(
    dump.catalogue
      .filter((entry) => entry.type === 'index' && !listed.has(withNames(entry.name)) && !entry.name.startsWith('sqlite_'))
      .map((entry) => [entry.name, normaliseSql(entry.sql)]),
  );
  return sortKeys({ collections, triggers, otherIndexes, settings: dump.settings });
}

/** Applies the migrations in `migrationsDir` to a fresh database with the project's PocketBase; returns the snapshot. */
export function snapshotSchema(migrationsDir = projectMigrations) {
  const scratch = mkdtempSync(join(tmpdir(), 'pocketdesk-schema-'));
  try {
    const migrations = join(scratch, 'migrations');
    const hooks = join(scratch, 'hooks');
    mkdirSync(migrations);
    mkdirSync(hooks);
    for (const file of readdirSync(migrationsDir).filter((name) => name.endsWith('.js'))) copyFileSync(join(migrationsDir, file), join(migrations, file));
    writeFileSync(join(migrations, '9999999999_dump_schema.js'), DUMP_MIGRATION);
    const dumpFile = join(scratch, 'dump.json');
    execFileSync(pocketBaseBinary(), ['migrate', 'up', `--dir=${join(scratch, 'data')}`, `--migrationsDir=${migrations}`, `--hooksDir=${hooks}`], {
      env: { ...process.env, POCKETDESK_SCHEMA_DUMP: dumpFile },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    return normaliseDump(JSON.parse(readFileSync(dumpFile, 'utf8')));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The fixture's text for a snapshot: what `--write` stores and the test compares. */
export function formatSnapshot(snapshot) {
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const migrationsArg = process.argv.find((arg) => arg.startsWith('--migrations='));
  const snapshot = snapshotSchema(migrationsArg ? migrationsArg.slice('--migrations='.length) : projectMigrations);
  if (process.argv.includes('--write')) {
    writeFileSync(fixtureFile, formatSnapshot(snapshot));
    console.log(`wrote ${fixtureFile}`);
  } else {
    process.stdout.write(formatSnapshot(snapshot));
  }
}
