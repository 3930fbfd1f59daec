import type { SimulatorKnobs, SimulatorTemplate } from '../lib/schemas/simulator';
import type { Customer } from './customer-book';
import { CAST } from './customers/cast';
import type { StoredMedia } from './media-store';
import type { InboundRecord, OutboundMessage, ReadReceipt } from './message-log';
import type { SimulatorContext } from './simulator-context';
import type { HandshakeResult } from './verify-handshake';
import type { Channel } from './webhook-envelope';
import type { WebhookDelivery } from './webhook-sender';

/** The body of `GET /_sim/state`: everything a test or the phone page may want to look at. */
export interface SimulatorState {
  now: number;
  url: string;
  graphVersion: string;
  channels: Channel[];
  templates: SimulatorTemplate[];
  knobs: SimulatorKnobs;
  pendingFailures: number;
  customers: Customer[];
  /** The scripted cast's numbers (when it plays): the phone page keeps people from typing one as a new customer. */
  scriptedCustomers: { phone: string; name: string }[];
  inbound: InboundRecord[];
  sentMessages: OutboundMessage[];
  markedRead: ReadReceipt[];
  /** Omitted with `?webhooks=0` (the phone page polls without them: bodies add up). */
  webhooks?: WebhookDelivery[];
  media: Omit<StoredMedia, 'bytes'>[];
  lastHandshake?: HandshakeResult;
}

export function snapshotState(context: SimulatorContext, includeWebhooks = true): SimulatorState {
  return {
    now: context.clock.now(),
    url: context.baseUrl,
    graphVersion: context.config.graphVersion,
    channels: context.config.channels,
    templates: context.config.templates,
    knobs: context.knobs,
    pendingFailures: context.failures.size(),
    customers: context.customers.list(),
    scriptedCustomers: context.config.scriptedCustomers ? CAST.map(({ phone, name }) => ({ phone, name })) : [],
    inbound: context.log.inbound,
    sentMessages: context.log.outbound,
    markedRead: context.log.reads,
    ...(includeWebhooks ? { webhooks: [...context.sender.log()] } : {}),
    media: context.media.list(),
    ...(context.lastHandshake ? { lastHandshake: context.lastHandshake } : {}),
  };
}
