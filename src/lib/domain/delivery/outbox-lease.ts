/** How long a worker owns a claimed message before another may take it over. */
export const LEASE_MS = 60_000;

/**
 * A message whose send had started when its worker vanished waits this much longer before it is sent again:
 * if the send did reach Meta, its `sent` status webhook (which carries our id) arrives meanwhile and links it.
 */
export const RECLAIM_GRACE_MS = 120_000;

export interface OutboxRow {
  status: string;
  wamid: string;
  nextAttemptAt: number | null;
  claimedUntil: number | null;
}

/**
 * True when a worker may claim this message now. A claimed message stays `queued` until its send starts
 * (`sending`), so a crash before that only costs the lease; a crash during a send also costs the grace.
 */
export function isClaimable(row: OutboxRow, now: number, graceMs = RECLAIM_GRACE_MS): boolean {
  if (row.status === 'queued') return (row.nextAttemptAt === null || row.nextAttemptAt <= now) && (row.claimedUntil === null || row.claimedUntil <= now);
  if (row.status === 'sending' && !row.wamid) return row.claimedUntil === null || row.claimedUntil + graceMs <= now;
  return false;
}

/** Clamps a lease or grace a worker asks for to a sane range (tests shorten them; production uses the defaults). */
export function clampMs(requested: unknown, fallback: number): number {
  const value = Number(requested);
  return Number.isFinite(value) && value >= 500 && value <= 3_600_000 ? value : fallback;
}
