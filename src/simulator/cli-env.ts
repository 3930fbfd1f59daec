import { z } from 'zod';
import { simulatorTemplatesFileSchema, type SimulatorTemplate } from '../lib/schemas/simulator';
import type { SimulatorOptions } from './simulator-options';

// Environment of the `simulator` command. Validated up front so a typo fails at start naming the variable,
// instead of surfacing later as a signature mismatch in Pocketdesk.

const digits = z.string().regex(/^\d{5,20}$/, 'digits only');

export const simulatorEnvSchema = z.object({
  SIMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(8091),
  SIMULATOR_HOST: z.string().min(1).default('127.0.0.1'),
  SIMULATOR_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:8090/api/whatsapp/webhook'),
  WHATSAPP_APP_SECRET: z.string().min(1, 'required'),
  WHATSAPP_ACCESS_TOKEN: z.string().min(1, 'required'),
  WHATSAPP_VERIFY_TOKEN: z.string().min(1, 'required'),
  WHATSAPP_GRAPH_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/, 'like v25.0')
    .default('v25.0'),
  SIMULATOR_PHONE_NUMBER_ID: digits.default('106540352242922'),
  SIMULATOR_DISPLAY_PHONE_NUMBER: digits.default('15550783881'),
  SIMULATOR_WABA_ID: digits.default('102290129340398'),
  SIMULATOR_TIME_SCALE: z.coerce.number().positive().max(1000).default(1),
  SIMULATOR_CUSTOMERS: z.enum(['on', 'off']).default('on'),
  SIMULATOR_BUSINESS: z.enum(['on', 'off']).default('on'),
  SIMULATOR_TEMPLATES: z.string().min(1).optional(),
  SIMULATOR_SEED: z.coerce.number().int().nonnegative().optional(),
});
export type SimulatorEnv = z.infer<typeof simulatorEnvSchema>;

export class EnvError extends Error {}

/** Parses the environment; throws EnvError with one line per bad variable. Empty strings count as unset. */
export function parseSimulatorEnv(env: Record<string, string | undefined>): SimulatorEnv {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = simulatorEnvSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`);
  throw new EnvError(`invalid simulator environment:\n  ${lines.join('\n  ')}`);
}

/** Parses a SIMULATOR_TEMPLATES file's content (a JSON array of templates). */
export function parseTemplatesFile(text: string, path: string): SimulatorTemplate[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new EnvError(`SIMULATOR_TEMPLATES: ${path} is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = simulatorTemplatesFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new EnvError(`SIMULATOR_TEMPLATES: ${path}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  return parsed.data;
}

export function toSimulatorOptions(env: SimulatorEnv, templates: SimulatorTemplate[] | undefined): SimulatorOptions {
  return {
    port: env.SIMULATOR_PORT,
    host: env.SIMULATOR_HOST,
    webhookUrl: env.SIMULATOR_WEBHOOK_URL,
    appSecret: env.WHATSAPP_APP_SECRET,
    accessToken: env.WHATSAPP_ACCESS_TOKEN,
    verifyToken: env.WHATSAPP_VERIFY_TOKEN,
    graphVersion: env.WHATSAPP_GRAPH_VERSION,
    timeScale: env.SIMULATOR_TIME_SCALE,
    channels: [{ phoneNumberId: env.SIMULATOR_PHONE_NUMBER_ID, displayPhoneNumber: env.SIMULATOR_DISPLAY_PHONE_NUMBER, wabaId: env.SIMULATOR_WABA_ID }],
    ...(templates ? { templates } : {}),
    ...(env.SIMULATOR_SEED !== undefined ? { seed: env.SIMULATOR_SEED } : {}),
    scriptedCustomers: env.SIMULATOR_CUSTOMERS === 'on',
    businessPhone: env.SIMULATOR_BUSINESS === 'on',
  };
}
