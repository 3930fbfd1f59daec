import type { LocalDateTime } from './civil-date';

/**
 * The one way the domain reads time zones: `Intl` in Node and the browser (src/lib/client/intl-time-zone.ts),
 * PocketBase's `Timezone`/`DateTime` bindings in the hooks.
 *
 * Every implementation must resolve wall-clock readings the same way, so a schedule means the same instants
 * everywhere:
 * - a reading that does not exist (the spring-forward gap) resolves to the first valid instant after it, which is
 *   the transition itself: 02:30 on the morning Madrid jumps from 02:00 to 03:00 is 03:00 CEST;
 * - a reading that happens twice (the fall-back overlap) resolves to its first occurrence (the earlier instant).
 * With these rules `toInstant` never decreases as the wall clock advances, which open-period merging relies on.
 */
export interface TimeZonePort {
  /** The wall-clock reading in `zone` at the epoch-ms instant (seconds truncated toward the past). */
  toLocal(instantMs: number, zone: string): LocalDateTime;
  /** The epoch-ms instant of a wall-clock reading in `zone`, resolved as described on the interface. */
  toInstant(local: LocalDateTime, zone: string): number;
  /** True when `zone` is an IANA name this runtime knows; never silently treat an unknown name as UTC. */
  isValidZone(zone: string): boolean;
}
