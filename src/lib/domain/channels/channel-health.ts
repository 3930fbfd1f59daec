// A number's history import and health line for admins (issue #19). The webhook adapters keep a small record on
// `channels.health` (history chunks and errors Meta reported); the health route adds what it counts from the
// database (messages imported, failed sends, the last webhook) and this module turns it all into the view the admin
// screen reads: stable codes, never sentences (the app words them in English and Spanish).

/** An error Meta reported, as kept on the channel. */
export interface HealthError {
  code: number;
  title: string;
  details: string;
  at: string;
}

export interface HistoryPhase {
  /** Meta's phase: 0 = the day before onboarding, 1 = up to 90 days, 2 = up to 180 days. */
  phase: number;
  /** Distinct chunks received (Meta's `chunk_order`s): the same chunk delivered twice counts once. */
  chunks: number;
  orders: number[];
  at: string;
}

export interface HistorySync {
  startedAt: string;
  /** When Meta said 100 %; empty while it runs. */
  finishedAt: string;
  progress: number;
  phases: HistoryPhase[];
  /** Why Meta sent no history (2593109: the business declined sharing it), newest first. */
  errors: HealthError[];
}

const KEPT_ERRORS = 10;

const keepNewest = (errors: HealthError[], error: HealthError) => [error, ...errors].slice(0, KEPT_ERRORS);

/** The stored history record, whatever shape an older version wrote (`{ phase, chunk, progress, at }`). */
export function readHistorySync(stored: unknown): HistorySync | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const s = stored as Record<string, unknown>;
  const at = typeof s.at === 'string' ? s.at : '';
  const progress = typeof s.progress === 'number' ? s.progress : 0;
  const phases = Array.isArray(s.phases)
    ? (s.phases as HistoryPhase[])
    : typeof s.phase === 'number'
      ? [{ phase: s.phase, chunks: 1, orders: typeof s.chunk === 'number' ? [s.chunk] : [], at }]
      : [];
  return {
    startedAt: typeof s.startedAt === 'string' ? s.startedAt : at,
    finishedAt: typeof s.finishedAt === 'string' ? s.finishedAt : progress >= 100 ? at : '',
    progress,
    phases,
    errors: Array.isArray(s.errors) ? (s.errors as HealthError[]) : [],
  };
}

/** One history chunk arrived: counts it under its phase; progress only grows (chunks may arrive out of order). */
export function recordHistoryChunk(history: HistorySync | null, chunk: { phase: number; chunk: number; progress: number }, at: string): HistorySync {
  const base = history ?? { startedAt: at, finishedAt: '', progress: 0, phases: [], errors: [] };
  const progress = Math.max(base.progress, Math.max(0, Math.min(100, chunk.progress)));
  const known = base.phases.find((p) => p.phase === chunk.phase);
  const phases = known
    ? base.phases.map((p) => {
        if (p !== known) return p;
        const orders = p.orders.includes(chunk.chunk) ? p.orders : [...p.orders, chunk.chunk];
        return { ...p, orders, chunks: orders.length, at };
      })
    : [...base.phases, { phase: chunk.phase, chunks: 1, orders: [chunk.chunk], at }].sort((a, b) => a.phase - b.phase);
  return { ...base, startedAt: base.startedAt || at, progress, phases, finishedAt: base.finishedAt || (progress >= 100 ? at : '') };
}

/** Meta reported an error instead of history (sharing declined, for one). */
export function recordHistoryError(history: HistorySync | null, error: HealthError): HistorySync {
  const base = history ?? { startedAt: error.at, finishedAt: '', progress: 0, phases: [], errors: [] };
  return { ...base, errors: keepNewest(base.errors, error) };
}

export { keepNewest as keepNewestError };

/** What the route counts from the database for one number. */
export interface HealthCounts {
  imported: number;
  failedSends: Array<{ code: number; reason: string; title: string; at: string }>;
  lastWebhookAt: string;
  /** The newest message the desk sent that Meta accepted, if any. */
  lastSentAt: string;
}

export type TokenState = 'missing' | 'working' | 'rejected' | 'unchecked';

export type HistoryState = 'none' | 'running' | 'finished' | 'declined';

export interface ChannelHealthView {
  history: { state: HistoryState; imported: number; progress: number; startedAt: string; finishedAt: string; phases: HistoryPhase[]; errors: HealthError[] };
  /** Value-level errors Meta sent in webhooks, newest first. */
  metaErrors: HealthError[];
  failedSends: HealthCounts['failedSends'];
  lastWebhookAt: string;
  token: TokenState;
}

/** Meta's code for "the business declined to share its chat history". */
export const HISTORY_DECLINED = 2593109;

/**
 * The admin's view of one number. The token is `rejected` when the newest sign from Meta about it (a check, a send
 * that failed with token-invalid, a send Meta accepted) is a refusal.
 */
export function describeChannelHealth(input: {
  health: unknown;
  counts: HealthCounts;
  tokenSet: boolean;
  check: { reason: string; at: string } | null;
}): ChannelHealthView {
  const stored = (typeof input.health === 'object' && input.health !== null ? input.health : {}) as Record<string, unknown>;
  const history = readHistorySync(stored.history);
  const errors = Array.isArray(stored.errors) ? (stored.errors as HealthError[]) : [];
  const state: HistoryState = !history
    ? 'none'
    : history.errors.some((e) => e.code === HISTORY_DECLINED) && history.phases.length === 0
      ? 'declined'
      : history.finishedAt
        ? 'finished'
        : 'running';
  return {
    history: {
      state,
      imported: input.counts.imported,
      progress: history?.progress ?? 0,
      startedAt: history?.startedAt ?? '',
      finishedAt: history?.finishedAt ?? '',
      phases: history?.phases ?? [],
      errors: history?.errors ?? [],
    },
    metaErrors: errors,
    failedSends: input.counts.failedSends,
    lastWebhookAt: input.counts.lastWebhookAt,
    token: tokenStateOf(input),
  };
}

function tokenStateOf(input: { counts: HealthCounts; tokenSet: boolean; check: { reason: string; at: string } | null }): TokenState {
  if (!input.tokenSet) return 'missing';
  const signs: Array<{ at: string; ok: boolean }> = [];
  if (input.check) signs.push({ at: input.check.at, ok: input.check.reason === 'connected' || !input.check.reason.startsWith('token-') });
  const refused = input.counts.failedSends.find((f) => f.reason === 'token-invalid');
  if (refused) signs.push({ at: refused.at, ok: false });
  if (input.counts.lastSentAt) signs.push({ at: input.counts.lastSentAt, ok: true });
  const newest = signs.sort((a, b) => Date.parse(b.at.replace(' ', 'T')) - Date.parse(a.at.replace(' ', 'T')))[0];
  return !newest ? 'unchecked' : newest.ok ? 'working' : 'rejected';
}
