import type { SimulatorTemplate } from '../lib/schemas/simulator';
import type { Channel } from './webhook-envelope';
import { DEFAULT_STATUS_DELAYS, type StatusDelays } from './status-timeline';
import { DEFAULT_TEMPLATES } from './template-registry';

export interface SimulatorOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Pocketdesk's `POST /api/whatsapp/webhook` URL. */
  webhookUrl: string;
  appSecret: string;
  accessToken: string;
  verifyToken: string;
  graphVersion?: string;
  /** Multiplies every delay (statuses, retries, scripted customers, URL lifetimes); tests use ~0.001. */
  timeScale?: number;
  statusDelaysMs?: Partial<StatusDelays>;
  channels: Channel[];
  templates?: SimulatorTemplate[];
  /** Makes ids, tokens and scripted customers repeatable. */
  seed?: number;
  scriptedCustomers?: boolean;
  /** Plays the business side over time (business-player.ts): history, echoes, template review, opt-out, ad, edits, calls. */
  businessPhone?: boolean;
  /** Clock for timestamps, the 24 h window, rate limits and expiries. */
  now?: () => number;
}

export interface SimulatorConfig {
  port: number;
  host: string;
  webhookUrl: string;
  appSecret: string;
  accessToken: string;
  verifyToken: string;
  graphVersion: string;
  timeScale: number;
  statusDelaysMs: StatusDelays;
  channels: Channel[];
  templates: SimulatorTemplate[];
  seed?: number;
  scriptedCustomers: boolean;
  businessPhone: boolean;
  now: () => number;
}

/** Fills in defaults and rejects settings that would make the simulator misbehave silently. */
export function resolveOptions(options: SimulatorOptions): SimulatorConfig {
  if (options.channels.length === 0) throw new Error('startSimulator: at least one channel is required');
  const timeScale = options.timeScale ?? 1;
  if (!(timeScale >= 0) || !Number.isFinite(timeScale)) throw new Error('startSimulator: timeScale must be a finite number ≥ 0');
  return {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    webhookUrl: options.webhookUrl,
    appSecret: options.appSecret,
    accessToken: options.accessToken,
    verifyToken: options.verifyToken,
    graphVersion: options.graphVersion ?? 'v25.0',
    timeScale,
    statusDelaysMs: { ...DEFAULT_STATUS_DELAYS, ...options.statusDelaysMs },
    channels: options.channels.map((channel) => ({ ...channel })),
    templates: [...(options.templates ?? DEFAULT_TEMPLATES)],
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    scriptedCustomers: options.scriptedCustomers ?? false,
    businessPhone: options.businessPhone ?? false,
    now: options.now ?? Date.now,
  };
}
