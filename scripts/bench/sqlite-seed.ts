import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { historyStatements, type HistoryOptions, type HistoryTarget } from '../../src/pocketbase/bench-history';

// Writes the search benchmark's history straight into a stopped PocketBase's database with the sqlite3 shell: the
// same INSERTs the bench-seed route runs, so the database's own triggers fill the search index (and the metric
// figures) exactly as in production, but without the JS VM generating 1,000,000 texts (the route took ~30 min).

/** True when the sqlite3 shell is installed (apt-get install sqlite3). */
export function hasSqliteShell(): boolean {
  return spawnSync('sqlite3', ['-version'], { encoding: 'utf8' }).status === 0;
}

/** Conversations per transaction: large enough that commits cost nothing, small enough to keep the WAL modest. */
const PER_TRANSACTION = 2_000;

/** Seeds `total` conversations into `databasePath` (PocketBase must be stopped); resolves when sqlite3 has exited. */
export async function seedHistoryWithSqlite(databasePath: string, total: number, target: HistoryTarget, history: HistoryOptions): Promise<void> {
  // -bail: the first failing statement ends the run with a non-zero exit, instead of seeding around it.
  const shell = spawn('sqlite3', ['-bail', databasePath], { stdio: ['pipe', 'ignore', 'pipe'] });
  let errors = '';
  shell.stderr.on('data', (chunk) => (errors += chunk));
  const exited = once(shell, 'exit');
  const write = async (sql: string) => {
    if (!shell.stdin.write(`${sql};\n`)) await once(shell.stdin, 'drain');
  };
  let counter = 0;
  const id = () => `s${(counter++).toString(36).padStart(14, '0')}`;
  // A throwaway database: losing it in a power cut costs a rerun, so commits need not wait for the disk.
  await write('PRAGMA synchronous = OFF');
  await write('BEGIN');
  let statements = 0;
  const perTransaction = (PER_TRANSACTION / 100) * 3; // three statements per batch of 100 conversations
  for (const sql of historyStatements(total, target, history, id)) {
    await write(sql);
    if (++statements % perTransaction === 0) await write('COMMIT; BEGIN');
  }
  await write('COMMIT');
  shell.stdin.end();
  const [code] = await exited;
  if (code !== 0) throw new Error(`sqlite3 exited with ${code}: ${errors}`);
}
