/** How long a worker owns a claimed message before another may take it over. */
export const LEASE_MS = 60_000;

/**
 * After a lease expires we wait this much longer before re-sending: if the crashed worker's send did reach Meta,
 * its `sent` status webhook (which carries our id) arrives in the meantime and the message is not sent twice.
 */
export const RECLAIM_GRACE_MS = 120_000;

export interface OutboxRow {
  status: string;
  wamid: string;
  nextAttemptAt: number | null;
  claimedUntil: number | null;
}

/** True when a worker may claim this message for sending now. */
export function isClaimable(row: OutboxRow, now: number): boolean {
  if (row.status === 'queued') return row.nextAttemptAt === null || row.nextAttemptAt <= now;
  if (row.status === 'sending' && !row.wamid) return row.claimedUntil === null || row.claimedUntil + RECLAIM_GRACE_MS <= now;
  return false;
}
