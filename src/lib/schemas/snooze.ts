// POST /api/pocketdesk/conversations/{id}/snooze: shared by the hooks (validation) and the PWA (the request it sends).
import * as z from 'zod/mini';
import { SNOOZE_PRESETS } from '../domain/tickets/snooze';

/** A preset (read on the channel's clock by the server), a time of the agent's own (epoch ms), until the customer writes, or wake now. */
export const snoozeRequestSchema = z.union([
  z.object({ preset: z.enum(SNOOZE_PRESETS) }),
  z.object({ until: z.int().check(z.positive()) }),
  z.object({ untilCustomerWrites: z.literal(true) }),
  z.object({ wake: z.literal(true) }),
]);
export type SnoozeRequestBody = z.infer<typeof snoozeRequestSchema>;

/** What the route answers: the snooze now in force (reason null: awake). */
export const snoozeResultSchema = z.object({
  ok: z.literal(true),
  reason: z.nullable(z.enum(['until-time', 'until-customer'])),
  until: z.nullable(z.number()),
});
export type SnoozeResult = z.infer<typeof snoozeResultSchema>;
