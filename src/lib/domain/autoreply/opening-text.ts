import { describeOpening } from '../hours/business-hours';
import { daysBetween, weekdayIndexOf, type LocalDateTime } from '../hours/civil-date';
import type { BusinessSchedule } from '../hours/schedule';
import type { TimeZonePort } from '../hours/time-zone-port';

// Written out by hand because the hooks' VM has no Intl; only the two languages customers are answered in.

/** The languages auto-replies are written in. */
export type ReplyLanguage = 'en' | 'es';

const WEEKDAY_NAMES: Record<ReplyLanguage, readonly string[]> = {
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  es: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'],
};
const MONTH_NAMES: Record<ReplyLanguage, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
};
// Past a week a weekday alone is ambiguous, so the date is added.
const WEEKDAY_ONLY_DAYS = 6;

/** Spanish for `es`, `es-MX`, `es_AR` and the like; English for everything else. */
export function replyLanguageOf(language: string | null | undefined): ReplyLanguage {
  return typeof language === 'string' && /^es(?:[-_]|$)/i.test(language.trim()) ? 'es' : 'en';
}

/** A wall-clock reading as 24-hour `HH:MM`. */
export function formatClock(local: Pick<LocalDateTime, 'hour' | 'minute'>): string {
  return `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
}

interface When {
  /** Local dates from `now` to the instant. */
  days: number;
  hour: number;
  clock: string;
  weekday: string;
  day: number;
  month: string;
}

function whenOf(instant: number, now: number, zone: string, port: TimeZonePort, language: ReplyLanguage): When {
  const local = port.toLocal(instant, zone);
  return {
    days: daysBetween(port.toLocal(now, zone), local),
    hour: local.hour,
    clock: formatClock(local),
    weekday: WEEKDAY_NAMES[language][weekdayIndexOf(local)] ?? '',
    day: local.day,
    month: MONTH_NAMES[language][local.month - 1] ?? '',
  };
}

/** "at 09:00" or "a las 09:00" ("a la 01:00": the Spanish article agrees with the hour). */
function clockText(when: When, language: ReplyLanguage): string {
  if (language === 'en') return `at ${when.clock}`;
  return `${when.hour === 1 ? 'a la' : 'a las'} ${when.clock}`;
}

/** "today at 09:00", "Monday at 09:00", "el lunes 5 de enero a las 09:00". */
function whenText(when: When, language: ReplyLanguage): string {
  const at = clockText(when, language);
  if (language === 'es') {
    if (when.days <= 0) return `hoy ${at}`;
    if (when.days === 1) return `mañana ${at}`;
    if (when.days <= WEEKDAY_ONLY_DAYS) return `el ${when.weekday} ${at}`;
    return `el ${when.weekday} ${when.day} de ${when.month} ${at}`;
  }
  if (when.days <= 0) return `today ${at}`;
  if (when.days === 1) return `tomorrow ${at}`;
  if (when.days <= WEEKDAY_ONLY_DAYS) return `${when.weekday} ${at}`;
  return `${when.weekday} ${when.day} ${when.month} ${at}`;
}

/** "until 19:00" on the same day, otherwise "until tomorrow at 02:00"; likewise in Spanish. */
function untilText(when: When, language: ReplyLanguage): string {
  if (language === 'es') return when.days <= 0 ? `hasta ${when.hour === 1 ? 'la' : 'las'} ${when.clock}` : `hasta ${whenText(when, language)}`;
  return when.days <= 0 ? `until ${when.clock}` : `until ${whenText(when, language)}`;
}

// A display zone the runtime does not know would make the port throw (Intl) or silently read UTC (Go).
const zoneFor = (schedule: BusinessSchedule, zone: string | undefined, port: TimeZonePort): string =>
  zone !== undefined && zone !== '' && port.isValidZone(zone) ? zone : schedule.timezone;

/** The next opening as a phrase for `{{opens_at}}` ("Monday at 09:00", "mañana a las 09:00"), or '' when none is in sight. */
export function formatOpensAt(schedule: BusinessSchedule, now: number, port: TimeZonePort, language: string, zone?: string): string {
  const state = describeOpening(schedule, now, port);
  if (state.open || state.opensAt === null) return '';
  const lang = replyLanguageOf(language);
  return whenText(whenOf(state.opensAt, now, zoneFor(schedule, zone, port), port, lang), lang);
}

/**
 * A short sentence on when the schedule opens or closes, in `zone` (default: the schedule's own) and in Spanish for
 * `es*` languages, English otherwise:
 * "We open Monday at 09:00 (Europe/Madrid)", "Abrimos el lunes a las 09:00 (Europe/Madrid)".
 */
export function formatOpeningHours(schedule: BusinessSchedule, now: number, port: TimeZonePort, language: string, zone?: string): string {
  const lang = replyLanguageOf(language);
  const shownIn = zoneFor(schedule, zone, port);
  const state = describeOpening(schedule, now, port);
  const es = lang === 'es';
  if (state.open) {
    if (state.closesAt === null) return es ? 'Estamos abiertos' : "We're open";
    const until = untilText(whenOf(state.closesAt, now, shownIn, port, lang), lang);
    return es ? `Estamos abiertos ${until} (${shownIn})` : `We're open ${until} (${shownIn})`;
  }
  // Customer-facing, and follows "we're closed right now" in the default reply: promise a reply, not a time.
  if (state.opensAt === null) return es ? 'Te responderemos en cuanto volvamos' : "We'll reply as soon as we're back";
  const when = whenText(whenOf(state.opensAt, now, shownIn, port, lang), lang);
  return es ? `Abrimos ${when} (${shownIn})` : `We open ${when} (${shownIn})`;
}
