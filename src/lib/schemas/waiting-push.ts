import * as z from 'zod/mini';
import { DEFAULT_WAITING_PUSH, type WaitingPushSettings } from '../domain/notifications/waiting-push';

/** A team's "customers waiting" push (teams.settings.waitingPush); `{}` gives the defaults (on, every 15 minutes). */
export const waitingPushSettingsSchema = z.object({
  enabled: z._default(z.boolean(), DEFAULT_WAITING_PUSH.enabled),
  everyMinutes: z._default(
    z.number().check(z.int('Use whole minutes.'), z.gte(1, 'Use at least 1 minute.'), z.lte(1440, 'Use at most 1440 minutes (a day).')),
    DEFAULT_WAITING_PUSH.everyMinutes,
  ),
});

/** Parsed settings; the constraint fails the build if the schema drifts from the domain's type. */
export type ParsedWaitingPushSettings = SatisfiesDomain<z.output<typeof waitingPushSettingsSchema>>;
type SatisfiesDomain<T extends WaitingPushSettings> = T;

export type WaitingPushFieldErrors = Record<string, { code: string; message: string }>;

/** Parses stored or submitted settings, in PocketBase's error shape (paths relative to the settings object). */
export function checkWaitingPushSettings(raw: unknown): { ok: true; settings: ParsedWaitingPushSettings } | { ok: false; errors: WaitingPushFieldErrors } {
  const parsed = waitingPushSettingsSchema.safeParse(raw ?? {});
  if (parsed.success) return { ok: true, settings: parsed.data };
  const errors: WaitingPushFieldErrors = {};
  for (const issue of parsed.error.issues)
    errors[issue.path.map(String).join('.') || 'waitingPush'] ??= { code: issue.code.replace(/_/g, '-'), message: issue.message };
  return { ok: false, errors };
}

/** The settings a team's record holds, or the defaults when it holds none or something unreadable. */
export function waitingPushSettingsOf(teamSettings: unknown): ParsedWaitingPushSettings {
  const raw = teamSettings && typeof teamSettings === 'object' ? (teamSettings as { waitingPush?: unknown }).waitingPush : undefined;
  const checked = checkWaitingPushSettings(raw);
  return checked.ok ? checked.settings : { ...DEFAULT_WAITING_PUSH };
}
