import { z } from 'zod';

// Integration records as the admin screen reads them (secrets never come back: `secret_set` says one exists).

export const endpointRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['webhook', 'chat']),
  url: z.string(),
  events: z
    .array(z.string())
    .nullish()
    .transform((v) => v ?? []),
  active: z.boolean(),
  paused_reason: z.string().default(''),
  channel: z.string().default(''),
  team: z.string().default(''),
  wait_minutes: z.number().default(0),
  secret_set: z.boolean().default(false),
});
export type EndpointRecord = z.infer<typeof endpointRecordSchema>;

export const deliveryRecordSchema = z.object({
  id: z.string(),
  type: z.string(),
  status: z.enum(['pending', 'delivered', 'failed', 'dropped']),
  attempts: z.number(),
  response_code: z.number().default(0),
  response_ms: z.number().default(0),
  last_error: z.string().default(''),
  last_attempt_at: z.string().default(''),
  next_attempt_at: z.string().default(''),
  created: z.string(),
});
export type DeliveryRecord = z.infer<typeof deliveryRecordSchema>;

export const apiKeyRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  access: z.enum(['read-only', 'agent', 'admin']),
  expires_at: z.string(),
  revoked_at: z.string().default(''),
  last_used_at: z.string().default(''),
});
export type ApiKeyRecord = z.infer<typeof apiKeyRecordSchema>;

export const createdApiKeySchema = z.object({ id: z.string(), key: z.string(), agent_id: z.string(), expires_at: z.string() });
