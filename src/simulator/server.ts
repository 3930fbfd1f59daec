import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { failNextSchema, knobsPatchSchema, type FailNextInput, type InjectInboundInput, type KnobsPatch, type SimulatorKnobs } from '../lib/schemas/simulator';
import { handleControl } from './control-routes';
import type { Customer } from './customer-book';
import { handleGraph } from './graph-routes';
import { BodyTooLargeError, hasBearer, json, parseJson, readBody, writeReply, type Reply } from './http-io';
import { injectInbound, type InjectInboundResult } from './inject-inbound';
import { applyKnobs } from './knobs';
import { handleMediaDownload } from './media-routes';
import type { InboundRecord, OutboundMessage, ReadReceipt } from './message-log';
import { PHONE_PAGE_HTML } from './phone-page';
import { replayPayload, type ReplayResult } from './replay';
import { startScriptedCustomers } from './scripted-customers';
import { startBusinessPlayer } from './business-player';
import { createContext, resetContext, type SimulatorContext } from './simulator-context';
import { resolveOptions, type SimulatorOptions } from './simulator-options';
import { snapshotState, type SimulatorState } from './state-snapshot';
import { runHandshake, type HandshakeResult } from './verify-handshake';
import type { WebhookDelivery } from './webhook-sender';

export type { SimulatorOptions } from './simulator-options';

/** A running simulator: its URL plus a typed handle on the same operations the /_sim routes offer. */
export interface Simulator {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
  sentMessages(): OutboundMessage[];
  inboundMessages(): InboundRecord[];
  markedRead(): ReadReceipt[];
  webhookLog(): WebhookDelivery[];
  customers(): Customer[];
  injectInbound(input: InjectInboundInput): Promise<InjectInboundResult>;
  replay(payload: unknown, options?: { wait?: boolean }): Promise<ReplayResult>;
  /** Queues injected failures; returns how many sends will fail. */
  failNext(spec: FailNextInput): number;
  knobs(): SimulatorKnobs;
  setKnobs(patch: KnobsPatch): SimulatorKnobs;
  /** Meta's handshake against `webhookUrl` (the simulator's own webhook URL unless told). */
  verifyWebhook(verifyToken?: string, webhookUrl?: string): Promise<HandshakeResult>;
  expireMediaUrls(): void;
  state(): SimulatorState;
  reset(): void;
}

// Inbound injections may carry base64 media, hence a larger limit than Graph's JSON routes.
const CONTROL_LIMIT = 150 * 1024 * 1024;
const MEDIA_PATH = /^\/_sim\/media\/([^/]+)$/;

async function dispatch(context: SimulatorContext, req: IncomingMessage): Promise<Reply> {
  const url = new URL(req.url ?? '/', 'http://simulator.invalid');
  const method = req.method ?? 'GET';
  const path = url.pathname;
  if (method === 'GET' && (path === '/' || path === '/_sim/phone')) {
    return { status: 200, body: null, bytes: Buffer.from(PHONE_PAGE_HTML, 'utf8'), contentType: 'text/html; charset=utf-8' };
  }
  const download = MEDIA_PATH.exec(path);
  if (method === 'GET' && download?.[1]) {
    return handleMediaDownload(context, hasBearer(req, context.config.accessToken), decodeURIComponent(download[1]), url.searchParams.get('token') ?? '');
  }
  if (path.startsWith('/_sim/')) {
    const body = method === 'GET' ? undefined : parseJson(await readBody(req, CONTROL_LIMIT));
    return handleControl(context, method, path, url.searchParams, body);
  }
  return handleGraph(context, req, path, url.searchParams);
}

/** Starts the fake Meta: Graph routes, control routes, webhook delivery and (optionally) scripted customers. */
export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const config = resolveOptions(options);
  const context = createContext(config);
  const server = createServer((req, res) => {
    dispatch(context, req)
      .catch((error: unknown): Reply => {
        if (error instanceof BodyTooLargeError) return json(413, { error: { reason: 'body-too-large', message: error.message } });
        console.error('[simulator]', error);
        return json(500, { error: { reason: 'internal-error', message: error instanceof Error ? error.message : String(error) } });
      })
      .then(
        (reply) => writeReply(res, reply),
        () => res.destroy(),
      );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  context.baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const customers = config.scriptedCustomers ? startScriptedCustomers(context) : undefined;
  const business = config.businessPhone ? startBusinessPlayer(context, context.business) : undefined;

  return {
    url: context.baseUrl,
    port,
    async close() {
      customers?.stop();
      business?.stop();
      context.sender.close();
      context.clock.cancelAll();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
    sentMessages: () => [...context.log.outbound],
    inboundMessages: () => [...context.log.inbound],
    markedRead: () => [...context.log.reads],
    webhookLog: () => [...context.sender.log()],
    customers: () => context.customers.list(),
    injectInbound: (input) => injectInbound(context, input),
    replay: (payload, replayOptions) => replayPayload(context, payload, replayOptions?.wait === true),
    failNext: (spec) => context.failures.add(failNextSchema.parse(spec)),
    knobs: () => ({ ...context.knobs }),
    setKnobs(patch) {
      context.knobs = applyKnobs(context.knobs, knobsPatchSchema.parse(patch));
      return { ...context.knobs };
    },
    async verifyWebhook(verifyToken, webhookUrl) {
      context.lastHandshake = await runHandshake(webhookUrl ?? config.webhookUrl, verifyToken ?? config.verifyToken, context.ids, context.clock);
      return context.lastHandshake;
    },
    expireMediaUrls: () => context.media.expireUrls(),
    state: () => snapshotState(context),
    reset: () => resetContext(context),
  };
}
