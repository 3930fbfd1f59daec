import { DAY_MS, wallClockMs, type LocalDateTime } from '../domain/hours/civil-date';
import type { TimeZonePort } from '../domain/hours/time-zone-port';

// IANA names start every segment with a capital (America/Port-au-Prince, Etc/GMT+5, UTC). Intl matches names
// case-insensitively but PocketBase's Go tz lookup does not, so "europe/madrid" must be refused here too.
const ZONE_NAME = /^[A-Z][A-Za-z0-9_+-]*(\/[A-Z][A-Za-z0-9_+-]*)*$/;

/** The time-zone port for Node and the browser, on `Intl.DateTimeFormat` (the runtime's ICU tz data). */
export class IntlTimeZone implements TimeZonePort {
  readonly #formatters = new Map<string, Intl.DateTimeFormat>();

  /** The wall-clock reading in `zone` at `instantMs` (seconds truncated toward the past). */
  toLocal(instantMs: number, zone: string): LocalDateTime {
    const fields: Record<string, number> = {};
    for (const part of this.#formatter(zone).formatToParts(instantMs)) {
      if (part.type !== 'literal') fields[part.type] = Number(part.value);
    }
    return { year: fields.year ?? 0, month: fields.month ?? 0, day: fields.day ?? 0, hour: fields.hour ?? 0, minute: fields.minute ?? 0, second: fields.second ?? 0 };
  }

  /** The instant of a wall-clock reading in `zone`: a skipped reading gives the transition, a repeated one its first occurrence. */
  toInstant(local: LocalDateTime, zone: string): number {
    const wall = wallClockMs(local);
    // Offsets a day either side bracket any transition near `wall` (equal on all but a few days a year); each gives
    // one candidate instant, valid when the zone really shows `wall` then.
    const offsetBefore = this.#offsetAt(wall - DAY_MS, zone);
    const offsetAfter = this.#offsetAt(wall + DAY_MS, zone);
    if (offsetBefore === offsetAfter) return wall - offsetBefore;
    const candidates = [wall - offsetBefore, wall - offsetAfter].filter((instant) => this.#offsetAt(instant, zone) === wall - instant);
    if (candidates.length > 0) return Math.min(...candidates);
    return this.#transitionBetween(wall - offsetAfter, wall - offsetBefore, zone);
  }

  /** True when Intl knows `zone` under exactly this IANA spelling. */
  isValidZone(zone: string): boolean {
    if (!ZONE_NAME.test(zone)) return false;
    try {
      this.#formatter(zone);
      return true;
    } catch {
      return false;
    }
  }

  /** `zone`'s offset from UTC in ms at `instantMs`. */
  #offsetAt(instantMs: number, zone: string): number {
    const second = Math.floor(instantMs / 1000) * 1000;
    return wallClockMs(this.toLocal(second, zone)) - second;
  }

  // In a spring-forward gap the offset changes somewhere in (early, late]; tz transitions fall on whole seconds,
  // so a binary search over seconds finds the first instant with the new offset.
  #transitionBetween(early: number, late: number, zone: string): number {
    const offsetEarly = this.#offsetAt(early, zone);
    let low = Math.floor(early / 1000);
    let high = Math.ceil(late / 1000);
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (this.#offsetAt(middle * 1000, zone) === offsetEarly) low = middle;
      else high = middle;
    }
    return high * 1000;
  }

  #formatter(zone: string): Intl.DateTimeFormat {
    let formatter = this.#formatters.get(zone);
    if (!formatter) {
      // Throws RangeError for an unknown zone: callers validate names with isValidZone before storing them.
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        numberingSystem: 'latn',
      });
      this.#formatters.set(zone, formatter);
    }
    return formatter;
  }
}

/** The shared adapter instance; its formatter cache lives for the page or process. */
export const intlTimeZone = new IntlTimeZone();

