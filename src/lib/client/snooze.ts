// Snoozing from the app: online only, like claiming. The server reads the presets on the channel's clock and hours
// and checks who may hide the conversation at that moment; a snooze queued offline would also hide it from the
// queue on this phone only, while the team still saw it, so offline the sheet says it needs a connection instead.
import type { SnoozeRequestBody } from '../schemas/snooze';
import { snoozeResultSchema } from '../schemas/snooze';
import { assignmentRefusal, type SendApi } from './assignment';

export type SnoozeOutcome = { ok: true; reason: 'until-time' | 'until-customer' | null; until: number | null } | { ok: false; reason: string };

/** Snoozes, re-snoozes or wakes a conversation; a refusal comes back as the server's reason code. Never throws. */
export async function requestSnooze(api: SendApi, conversationId: string, body: SnoozeRequestBody): Promise<SnoozeOutcome> {
  try {
    const answer = snoozeResultSchema.safeParse(
      await api.send(`/api/pocketdesk/conversations/${encodeURIComponent(conversationId)}/snooze`, { method: 'POST', body, requestKey: null }),
    );
    return answer.success ? { ok: true, reason: answer.data.reason, until: answer.data.until } : { ok: false, reason: 'server-error' };
  } catch (error) {
    return { ok: false, reason: assignmentRefusal(error) };
  }
}

/** The value a `datetime-local` input holds for an instant on this device's clock ("2026-06-17T18:30"). */
export function localInputValue(instant: number): string {
  const d = new Date(instant);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** The instant a `datetime-local` value means on this device's clock, or null when it is empty or not a time. */
export function instantOfInput(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const instant = new Date(value).getTime();
  return Number.isFinite(instant) ? instant : null;
}
