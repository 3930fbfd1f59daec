import { z } from 'zod';

const configSchema = z.object({
  POCKETDESK_URL: z.url().default('http://127.0.0.1:8090'),
  POCKETDESK_WORKER_EMAIL: z.email(),
  POCKETDESK_WORKER_PASSWORD: z.string().min(8),
  WHATSAPP_GRAPH_URL: z.url().default('https://graph.facebook.com'),
  WHATSAPP_GRAPH_VERSION: z.string().regex(/^v\d+\.\d+$/).default('v25.0'),
  WHATSAPP_ACCESS_TOKEN: z.string().min(1),
  WORKER_ID: z.string().default(`worker-${process.pid}`),
  WORKER_SWEEP_MS: z.coerce.number().int().min(100).default(5_000),
  WORKER_LEASE_MS: z.coerce.number().int().min(500).optional(),
  WORKER_RECLAIM_GRACE_MS: z.coerce.number().int().min(500).optional(),
});
export type WorkerConfig = z.infer<typeof configSchema>;

/** Reads the worker's environment; a bad value stops the process with the variable's name. */
export function readWorkerConfig(env: NodeJS.ProcessEnv): WorkerConfig {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`worker: bad configuration\n${lines.join('\n')}`);
}
