import type { LocalDateTime } from '../lib/domain/hours/civil-date';
import { instantOfLocal, ZONE_NAME } from '../lib/domain/hours/instant-of-local';
import type { TimeZonePort } from '../lib/domain/hours/time-zone-port';
import { isoDate } from './records';

/** The time-zone port inside PocketBase's VM (no Intl there): Go's tz database through `Timezone`/`DateTime`. */
export class GoTimeZone implements TimeZonePort {
  toLocal(instantMs: number, zone: string): LocalDateTime {
    const t = new DateTime(isoDate(Math.floor(instantMs / 1000) * 1000)).time().in(new Timezone(zone));
    // Go's named numbers (time.Month) come back as Number objects.
    return {
      year: Number(t.year()),
      month: Number(t.month()),
      day: Number(t.day()),
      hour: Number(t.hour()),
      minute: Number(t.minute()),
      second: Number(t.second()),
    };
  }

  toInstant(local: LocalDateTime, zone: string): number {
    return instantOfLocal(local, zone, (instant, z) => this.toLocal(instant, z));
  }

  /** `new Timezone(name)` silently falls back to UTC for an unknown name, so the name must come back unchanged. */
  isValidZone(zone: string): boolean {
    if (!ZONE_NAME.test(zone)) return false;
    return String(new Timezone(zone).string()) === zone;
  }
}
