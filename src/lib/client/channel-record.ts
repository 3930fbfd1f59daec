// A channel as the device caches it. Apart from channel-hours.ts so the refresh that fills the cache on every screen
// does not pull in the schedule validator (and full zod), which only the channels screen needs.
import * as z from 'zod/mini';
import { channelRecordSchema, type ChannelRecord } from '../schemas/directory';

/** A channel as the device keeps it: the directory fields plus its zone and raw `business_hours` JSON. */
export const channelHoursRecordSchema = z.extend(channelRecordSchema, {
  timezone: z.pipe(
    z.nullish(z.string()),
    z.transform((value) => value ?? ''),
  ),
  business_hours: z.pipe(
    z.nullish(z.unknown()),
    z.transform((value) => value ?? null),
  ),
  // The survey settings (`service.csat`): the resolve dialog tells the agent when no survey can be sent.
  service: z.pipe(
    z.nullish(z.unknown()),
    z.transform((value) => value ?? null),
  ),
  /** An admin switched the number off (first-run setup and the channels screen). */
  disabled: z.pipe(
    z.nullish(z.boolean()),
    z.transform((value) => value ?? false),
  ),
});
/** Optional fields: rows cached before the hours were kept read as "around the clock" until the next refresh. */
export type ChannelHoursRecord = ChannelRecord & { timezone?: string; business_hours?: unknown; service?: unknown; disabled?: boolean };
