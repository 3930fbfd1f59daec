// Web push on the PWA side: the server's VAPID key and the browser's subscription as a `push_subscriptions` row.
import * as z from 'zod/mini';

export const publicKeyResponseSchema = z.object({
  publicKey: z.pipe(
    z.nullish(z.string()),
    z.transform((value) => value ?? ''),
  ),
});

/** `PushSubscription.toJSON()`: what a push service needs to reach this device. */
export const subscriptionJsonSchema = z.object({
  endpoint: z.url({ protocol: /^https?$/ }),
  keys: z.object({ p256dh: z.string().check(z.minLength(1), z.maxLength(200)), auth: z.string().check(z.minLength(1), z.maxLength(100)) }),
});

/** A `push_subscriptions` row as the agent creates it. */
export interface PushSubscriptionRow {
  agent: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  user_agent: string;
}

/** The row for a browser subscription, or null when the browser handed over something unusable. */
export function subscriptionRow(agent: string, json: unknown, userAgent: string): PushSubscriptionRow | null {
  const parsed = subscriptionJsonSchema.safeParse(json);
  if (!parsed.success || parsed.data.endpoint.length > 2000) return null;
  return { agent, endpoint: parsed.data.endpoint, p256dh: parsed.data.keys.p256dh, auth: parsed.data.keys.auth, user_agent: userAgent.slice(0, 500) };
}
