import type { LocalDateTime } from '../domain/hours/civil-date';
import { instantOfLocal, ZONE_NAME } from '../domain/hours/instant-of-local';
import type { TimeZonePort } from '../domain/hours/time-zone-port';

/** The time-zone port for Node and the browser, on `Intl.DateTimeFormat` (the runtime's ICU tz data). */
export class IntlTimeZone implements TimeZonePort {
  readonly #formatters = new Map<string, Intl.DateTimeFormat>();

  /** The wall-clock reading in `zone` at `instantMs` (seconds truncated toward the past). */
  toLocal(instantMs: number, zone: string): LocalDateTime {
    const fields: Record<string, number> = {};
    for (const part of this.#formatter(zone).formatToParts(instantMs)) {
      if (part.type !== 'literal') fields[part.type] = Number(part.value);
    }
    return {
      year: fields.year ?? 0,
      month: fields.month ?? 0,
      day: fields.day ?? 0,
      hour: fields.hour ?? 0,
      minute: fields.minute ?? 0,
      second: fields.second ?? 0,
    };
  }

  /** The instant of a wall-clock reading in `zone`: a skipped reading gives the transition, a repeated one its first occurrence. */
  toInstant(local: LocalDateTime, zone: string): number {
    return instantOfLocal(local, zone, (instant, z) => this.toLocal(instant, z));
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
