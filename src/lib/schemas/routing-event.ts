// One row of the routing log (`routing_events`): who got a conversation, by which rule and algorithm, who else
// could have, and who could not and why. The "Why is this mine?" panel reads the newest one.
import * as z from 'zod/mini';
import { count, pbDate, text } from './pb-fields';

const candidate = z.object({ agentId: z.string(), openCount: count, maxOpen: count });
const exclusion = z.object({ agentId: z.string(), reason: text });

/** Keeps the entries that parse; the log is written by several server versions and must never break the panel. */
function listOf<T>(schema: z.ZodMiniType<T>) {
  return z.pipe(
    z.optional(z.unknown()),
    z.transform((value): T[] =>
      Array.isArray(value)
        ? value.flatMap((item) => {
            const parsed = schema.safeParse(item);
            return parsed.success ? [parsed.data] : [];
          })
        : [],
    ),
  );
}

const scoredIntent = z.object({ name: z.string(), confidence: z.number() });
/** Hybrid routing's intent, as the log stores it; anything else reads as none. */
const intentOf = z.pipe(
  z.optional(z.unknown()),
  z.transform((value) => {
    const parsed = z
      .object({
        ...scoredIntent.shape,
        alternatives: listOf(scoredIntent),
        applied: z.boolean(),
        reason: z.string(),
        minConfidence: z.number(),
        expectedComplexity: z.optional(z.object({ medianMinutes: z.number(), points: z.number() })),
      })
      .safeParse(value);
    return parsed.success ? parsed.data : null;
  }),
);

const priorityReason = z.object({ code: z.string(), points: z.number(), detail: z.string() });
/** The routing decision's priority and each signal's points, as the log stores it; anything else reads as none. */
const priorityOf = z.pipe(
  z.optional(z.unknown()),
  z.transform((value) => {
    const parsed = z.object({ score: z.number(), reasons: listOf(priorityReason) }).safeParse(value);
    return parsed.success ? parsed.data : null;
  }),
);

export const routingEventSchema = z.object({
  id: z.string(),
  conversation: z.string(),
  trigger: text,
  agent: text,
  team: text,
  outcome: text,
  reason: text,
  rule: text,
  algorithm: text,
  candidates: listOf(candidate),
  excluded: listOf(exclusion),
  actor: text,
  intent: intentOf,
  priority: priorityOf,
  created: pbDate,
});
export type RoutingEvent = z.output<typeof routingEventSchema>;
