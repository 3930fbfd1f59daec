import { z } from 'zod';
import { SECRET_KEY_PATTERN } from '../lib/domain/secrets/sealed-secret';

const configSchema = z
  .object({
    POCKETDESK_URL: z.url().default('http://127.0.0.1:8090'),
    POCKETDESK_WORKER_EMAIL: z.email(),
    POCKETDESK_WORKER_PASSWORD: z.string().min(8),
    WHATSAPP_GRAPH_URL: z.url().default('https://graph.facebook.com'),
    WHATSAPP_GRAPH_VERSION: z
      .string()
      .regex(/^v\d+\.\d+$/)
      .default('v25.0'),
    WHATSAPP_ACCESS_TOKEN: z.string().min(1),
    // Opens channels' own access tokens (sealed by the hooks with the same key); unset = only WHATSAPP_ACCESS_TOKEN works.
    POCKETDESK_SECRET_KEY: z.string().regex(SECRET_KEY_PATTERN, 'must be 32 characters of A-Z a-z 0-9 + / - _').optional(),
    WORKER_ID: z.string().default(`worker-${process.pid}`),
    WORKER_SWEEP_MS: z.coerce.number().int().min(100).default(5_000),
    // Stored-but-unapplied webhooks exist only under load; polling for them is one indexed query.
    WORKER_WEBHOOK_POLL_MS: z.coerce.number().int().min(20).default(200),
    WORKER_LEASE_MS: z.coerce.number().int().min(500).optional(),
    WORKER_RECLAIM_GRACE_MS: z.coerce.number().int().min(500).optional(),
    // Web push is optional: without keys the worker still sends WhatsApp messages (scripts/start.mjs generates them).
    VAPID_PUBLIC_KEY: z
      .string()
      .optional()
      .transform((value) => value || undefined),
    VAPID_PRIVATE_KEY: z
      .string()
      .optional()
      .transform((value) => value || undefined),
    // Integrations: endpoints on loopback or private networks are refused unless this is set (also on PocketBase).
    POCKETDESK_ALLOW_PRIVATE_WEBHOOKS: z
      .string()
      .optional()
      .transform((value) => ['1', 'true', 'yes'].includes((value ?? '').toLowerCase())),
    WORKER_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    WORKER_WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(100).max(600_000).optional(),
    VAPID_SUBJECT: z
      .string()
      .regex(/^(mailto:|https:\/\/)/, 'must start with mailto: or https://')
      .default('mailto:admin@pocketdesk.local'),
  })
  .refine((env) => Boolean(env.VAPID_PUBLIC_KEY) === Boolean(env.VAPID_PRIVATE_KEY), {
    path: ['VAPID_PRIVATE_KEY'],
    message: 'set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither',
  });
export type WorkerConfig = z.infer<typeof configSchema>;

/** Reads the worker's environment; a bad value stops the process with the variable's name. */
export function readWorkerConfig(env: NodeJS.ProcessEnv): WorkerConfig {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`worker: bad configuration\n${lines.join('\n')}`);
}

/** The VAPID identity for web push, or null when push is not configured. */
export function vapidKeysOf(config: WorkerConfig): { publicKey: string; privateKey: string; subject: string } | null {
  if (!config.VAPID_PUBLIC_KEY || !config.VAPID_PRIVATE_KEY) return null;
  return { publicKey: config.VAPID_PUBLIC_KEY, privateKey: config.VAPID_PRIVATE_KEY, subject: config.VAPID_SUBJECT };
}
