import { startSimulator, type Simulator } from '../server';
import type { SimulatorOptions } from '../simulator-options';
import { startWebhookReceiver, type ReceiverOptions, type WebhookReceiver } from './webhook-receiver';

export const APP_SECRET = 'test_app_secret';
export const ACCESS_TOKEN = 'test-access-token';
export const VERIFY_TOKEN = 'test-verify-token';
export const CHANNEL = { phoneNumberId: '106540352242922', displayPhoneNumber: '15550783881', wabaId: '102290129340398' };

/** A manual clock for tests that must not depend on wall time. */
export function createManualClock(start = Date.UTC(2026, 5, 1, 12, 0, 0)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms), set: (ms: number) => void (now = ms) };
}

export interface TestRig {
  simulator: Simulator;
  receiver: WebhookReceiver;
  /** Calls a Graph route with the bearer token (pass `token: null` to omit it). */
  graph(path: string, init?: { method?: string; body?: unknown; token?: string | null; form?: FormData }): Promise<{ status: number; json: any }>;
  close(): Promise<void>;
}

/** Starts a webhook receiver and a simulator pointed at it, with compressed time. */
export async function startTestRig(options: Partial<SimulatorOptions> = {}, receiverOptions: ReceiverOptions = {}): Promise<TestRig> {
  const receiver = await startWebhookReceiver({ verifyToken: VERIFY_TOKEN, ...receiverOptions });
  const simulator = await startSimulator({
    webhookUrl: receiver.url,
    appSecret: APP_SECRET,
    accessToken: ACCESS_TOKEN,
    verifyToken: VERIFY_TOKEN,
    timeScale: 0.001,
    channels: [CHANNEL],
    seed: 7,
    ...options,
  });
  return {
    simulator,
    receiver,
    async graph(path, init = {}) {
      const headers: Record<string, string> = {};
      const token = init.token === undefined ? ACCESS_TOKEN : init.token;
      if (token !== null) headers['Authorization'] = `Bearer ${token}`;
      if (init.body !== undefined) headers['Content-Type'] = 'application/json';
      const res = await fetch(`${simulator.url}${path}`, {
        method: init.method ?? (init.body !== undefined || init.form ? 'POST' : 'GET'),
        headers,
        body: init.form ?? (init.body !== undefined ? JSON.stringify(init.body) : null),
      });
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : undefined };
    },
    async close() {
      await simulator.close();
      await receiver.close();
    },
  };
}

interface EnvelopeShape {
  entry?: {
    changes?: {
      value?: {
        statuses?: Record<string, unknown>[];
        messages?: Record<string, unknown>[];
        contacts?: Record<string, unknown>[];
        errors?: Record<string, unknown>[];
      };
    }[];
  }[];
}

function values(receiver: WebhookReceiver) {
  return receiver.received
    .flatMap((hook) => ((hook.json ?? {}) as EnvelopeShape).entry ?? [])
    .flatMap((entry) => entry.changes ?? [])
    .map((change) => change.value ?? {});
}

/** Every status object the receiver got, in arrival order. */
export function receivedStatuses(receiver: WebhookReceiver): Record<string, unknown>[] {
  return values(receiver).flatMap((value) => value.statuses ?? []);
}

/** Every inbound message object the receiver got, in arrival order. */
export function receivedMessages(receiver: WebhookReceiver): Record<string, unknown>[] {
  return values(receiver).flatMap((value) => value.messages ?? []);
}

/** Every value-level error the receiver got. */
export function receivedValueErrors(receiver: WebhookReceiver): Record<string, unknown>[] {
  return values(receiver).flatMap((value) => value.errors ?? []);
}
