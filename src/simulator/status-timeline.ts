import type { SimulatorKnobs } from '../lib/schemas/simulator';

export type StatusName = 'sent' | 'delivered' | 'read' | 'played' | 'failed';
/** What the simulator shows for a business message: `accepted` until its first status goes out. */
export type OutboundStatus = 'accepted' | StatusName;

/** Delay of each status after the send was accepted, in clock milliseconds (before time scaling). */
export interface StatusDelays {
  sent: number;
  delivered: number;
  read: number;
  played: number;
}

export const DEFAULT_STATUS_DELAYS: Readonly<StatusDelays> = Object.freeze({ sent: 400, delivered: 1_500, read: 4_000, played: 7_000 });

export interface PlannedStatus {
  status: StatusName;
  afterMs: number;
  /** Meta prices `sent` and one of `delivered`/`read`, never both. */
  priced: boolean;
}

export interface StatusSubject {
  type: string;
  voice: boolean;
}

type TimelineKnobs = Pick<SimulatorKnobs, 'reorder_statuses' | 'drop_delivered_when_read'>;

/** The statuses an accepted message will get, in emission order. */
export function planStatuses(subject: StatusSubject, outcome: 'deliver' | 'fail', delays: StatusDelays, knobs: TimelineKnobs): PlannedStatus[] {
  if (outcome === 'fail') return [{ status: 'failed', afterMs: delays.sent, priced: false }];
  const sent: PlannedStatus = { status: 'sent', afterMs: delays.sent, priced: true };
  // Business reactions only ever get `sent`.
  if (subject.type === 'reaction') return [sent];
  const delivered: PlannedStatus = { status: 'delivered', afterMs: delays.delivered, priced: true };
  const read: PlannedStatus = { status: 'read', afterMs: delays.read, priced: false };
  if (knobs.reorder_statuses) [delivered.afterMs, read.afterMs] = [read.afterMs, delivered.afterMs];
  const plan = knobs.drop_delivered_when_read ? [sent, { ...read, priced: true }] : [sent, delivered, read];
  if (subject.type === 'audio' && subject.voice) plan.push({ status: 'played', afterMs: Math.max(delays.played, read.afterMs), priced: false });
  return plan.sort((a, b) => a.afterMs - b.afterMs);
}

const RANK: Record<OutboundStatus, number> = { accepted: 0, sent: 1, delivered: 2, read: 3, played: 4, failed: 5 };

/** The status a record shows after `incoming` arrives: statuses never regress and `failed` is terminal. */
export function advanceStatus(current: OutboundStatus, incoming: StatusName): OutboundStatus {
  if (current === 'failed') return current;
  return RANK[incoming] > RANK[current] ? incoming : current;
}
