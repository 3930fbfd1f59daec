import type { SimulatorKnobs } from '../lib/schemas/simulator';
import { newPlayerMemory, type PlayerMemory } from './business-player';
import { createClock, type Clock } from './clock';
import { CustomerBook } from './customer-book';
import { FailureQueue } from './failure-queue';
import { DEFAULT_KNOBS } from './knobs';
import { MediaStore } from './media-store';
import { MessageLog, type OutboundMessage } from './message-log';
import { createIdFactory, type IdFactory } from './message-ids';
import { createRandomSource, type RandomSource } from './random-source';
import { SendRateLimits } from './rate-limits';
import type { SimulatorConfig } from './simulator-options';
import type { HandshakeResult } from './verify-handshake';
import type { Channel } from './webhook-envelope';
import { WebhookOutbox } from './webhook-outbox';
import { WebhookSender } from './webhook-sender';

/** Everything a route handler needs: configuration, the clock, randomness and the simulator's in-memory world. */
export interface SimulatorContext {
  readonly config: SimulatorConfig;
  readonly clock: Clock;
  readonly random: RandomSource;
  readonly ids: IdFactory;
  knobs: SimulatorKnobs;
  readonly customers: CustomerBook;
  readonly log: MessageLog;
  readonly media: MediaStore;
  readonly limits: SendRateLimits;
  readonly failures: FailureQueue;
  readonly sender: WebhookSender;
  readonly outbox: WebhookOutbox;
  /** The last status delivery of each business message, so the next status waits for it. */
  readonly statusChains: WeakMap<OutboundMessage, Promise<void>>;
  /** What the business side has played (business-player.ts): the demo's timeline and the phone page's buttons share it. */
  business: PlayerMemory;
  /** Bumped by reset; timers scheduled before it check it and stand down. */
  epoch: number;
  /** The simulator's own URL, known once the server listens (media URLs point at it). */
  baseUrl: string;
  /** Outcome of the last verification handshake run through /_sim/verify. */
  lastHandshake?: HandshakeResult;
}

export function createContext(config: SimulatorConfig): SimulatorContext {
  const clock = createClock(config.now, config.timeScale);
  const random = createRandomSource(config.seed);
  const ids = createIdFactory(random);
  const sender = new WebhookSender({ url: config.webhookUrl, appSecret: config.appSecret, clock, ids });
  const context: SimulatorContext = {
    config,
    clock,
    random,
    ids,
    knobs: { ...DEFAULT_KNOBS },
    customers: new CustomerBook(String(config.seed ?? 'pocketdesk')),
    log: new MessageLog(),
    media: new MediaStore(clock, ids, random),
    limits: new SendRateLimits(),
    failures: new FailureQueue(),
    sender,
    outbox: new WebhookOutbox(sender, clock, random, () => context.knobs),
    statusChains: new WeakMap(),
    business: newPlayerMemory(),
    epoch: 0,
    baseUrl: '',
  };
  return context;
}

/** Forgets customers, messages, media, pending webhooks and injected failures; knobs return to their defaults. */
export function resetContext(context: SimulatorContext): void {
  context.epoch += 1;
  context.knobs = { ...DEFAULT_KNOBS };
  context.business = newPlayerMemory();
  context.customers.clear();
  context.log.clear();
  context.media.clear();
  context.limits.clear();
  context.failures.clear();
  context.outbox.reset();
  context.sender.reset();
  delete context.lastHandshake;
}

export function findChannel(context: SimulatorContext, phoneNumberId: string | undefined): Channel | undefined {
  if (phoneNumberId === undefined) return context.config.channels[0];
  return context.config.channels.find((channel) => channel.phoneNumberId === phoneNumberId);
}

/** Unix seconds as Meta writes them in messages and statuses: a string. */
export function unixSecondsNow(context: SimulatorContext): string {
  return String(Math.floor(context.clock.now() / 1000));
}
