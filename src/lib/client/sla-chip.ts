// The SLA countdown a queue row shows: how long until the next promised response, or how long it is overdue.
import type { Messages } from '../i18n';
import type { ConversationRecord } from '../schemas/conversation';
import { isSlaOverdue } from '../domain/sla/sla-overdue';

const MINUTE_MS = 60_000;
/** Under this much time left the chip turns to a warning: enough to finish a reply, not to forget it. */
export const SLA_SOON_MS = 15 * MINUTE_MS;

export type SlaChip = { kind: 'left'; ms: number; soon: boolean } | { kind: 'overdue'; ms: number | null };

/**
 * Where a conversation's SLA stands at `now`, from what the server's sweep stored. The sweep runs once a minute,
 * so a deadline that passed since is shown as overdue without waiting for it. Resolved conversations have no
 * running clock; `ms` of an overdue chip is null when the server says breached but the deadline is unknown.
 */
export function slaChipOf(conversation: Pick<ConversationRecord, 'status' | 'sla_due_at' | 'sla_breached'>, now: number): SlaChip | null {
  const due = conversation.sla_due_at;
  // The dashboard's breach count asks the same rule (src/lib/domain/sla/sla-overdue.ts).
  if (isSlaOverdue({ status: conversation.status, slaDueAt: due, slaBreached: conversation.sla_breached }, now)) {
    return { kind: 'overdue', ms: due !== null && now > due ? now - due : null };
  }
  if (due === null || conversation.status === 'resolved') return null;
  return { kind: 'left', ms: due - now, soon: due - now <= SLA_SOON_MS };
}

/** "45 min", "2 h 5 min", "3 d 4 h": short enough for a row on a phone. */
export function formatSpan(minutes: number, t: Messages['queueSla']): string {
  if (minutes < 60) return t.minutes(minutes);
  if (minutes < 24 * 60) return t.hours(Math.floor(minutes / 60), minutes % 60);
  return t.days(Math.floor(minutes / (24 * 60)), Math.floor((minutes % (24 * 60)) / 60));
}

/**
 * The chip's words. Time left rounds up (30 s left still reads "1 min left"); time overdue rounds down, and under
 * a minute reads plainly "Overdue".
 */
export function formatSlaChip(chip: SlaChip, t: Messages['queueSla']): string {
  if (chip.kind === 'left') return t.left(formatSpan(Math.max(1, Math.ceil(chip.ms / MINUTE_MS)), t));
  const minutes = chip.ms === null ? 0 : Math.floor(chip.ms / MINUTE_MS);
  return minutes < 1 ? t.overdueNow : t.overdue(formatSpan(minutes, t));
}
