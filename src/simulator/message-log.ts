import type { SendMessageRequest } from '../lib/schemas/graph';
import type { GraphFailure } from './graph-errors';
import type { MessageCard } from './message-card';
import type { Pricing } from './pricing';
import type { OutboundStatus } from './status-timeline';

/** A message the business sent through `POST /{pnid}/messages` and accepted with 200. */
export interface OutboundMessage {
  id: string;
  phoneNumberId: string;
  /** `to` or `recipient` exactly as given. */
  input: string;
  customerKey: string;
  waId?: string;
  userId?: string;
  type: string;
  voice: boolean;
  /** Human-readable gist for the phone page and logs. */
  preview: string;
  buttons?: { id: string; title: string }[];
  /** How the customer's phone draws a template or interactive message (message-card.ts). */
  card?: MessageCard;
  template?: { name: string; language: string; category: string; components: unknown[] };
  pricing: Pricing;
  windowOpen: boolean;
  acceptedAt: number;
  status: OutboundStatus;
  statusHistory: { status: OutboundStatus; at: number }[];
  errors?: GraphFailure[];
  request: SendMessageRequest;
}

/** A customer message the simulator delivered (or tried to) as a webhook. */
export interface InboundRecord {
  id: string;
  phoneNumberId: string;
  customerKey: string;
  type: string;
  preview: string;
  at: number;
  deliveryId: string;
  message: Record<string, unknown>;
}

export interface ReadReceipt {
  phoneNumberId: string;
  messageId: string;
  typing: boolean;
  at: number;
}

const MAX_ENTRIES = 5_000;

function pushCapped<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > MAX_ENTRIES) list.splice(0, list.length - MAX_ENTRIES);
}

/** In-memory history of both directions, capped so a simulator left running for days stays small. */
export class MessageLog {
  readonly outbound: OutboundMessage[] = [];
  readonly inbound: InboundRecord[] = [];
  readonly reads: ReadReceipt[] = [];
  readonly #listeners = new Set<(message: OutboundMessage) => void>();

  /** Called for every accepted business message (scripted customers answer through this). */
  onOutbound(listener: (message: OutboundMessage) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  recordOutbound(message: OutboundMessage): void {
    pushCapped(this.outbound, message);
    for (const listener of this.#listeners) listener(message);
  }

  recordInbound(record: InboundRecord): void {
    pushCapped(this.inbound, record);
  }

  recordRead(receipt: ReadReceipt): void {
    pushCapped(this.reads, receipt);
  }

  findOutbound(id: string): OutboundMessage | undefined {
    return this.outbound.find((message) => message.id === id);
  }

  findInbound(id: string): InboundRecord | undefined {
    return this.inbound.find((record) => record.id === id);
  }

  clear(): void {
    this.outbound.length = 0;
    this.inbound.length = 0;
    this.reads.length = 0;
  }
}
