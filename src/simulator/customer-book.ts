import { createHash } from 'node:crypto';
import type { RandomSource } from './random-source';

/** A WhatsApp user as the simulator knows them: a phone, a business-scoped user id, or both. */
export interface Customer {
  key: string;
  waId?: string;
  userId: string;
  name: string;
  username?: string;
  /** Last inbound message time per business line (phone_number_id): the 24 h window is per line. */
  lastInboundAt: Record<string, number>;
  createdAt: number;
}

export interface CustomerIdentity {
  from?: string;
  userId?: string;
  name?: string;
  username?: string;
}

const WINDOW_MS = 24 * 60 * 60 * 1000;
// BSUIDs start with the user's country; a few calling codes are enough for demo data.
const COUNTRY_BY_PREFIX: [string, string][] = [
  ['1', 'US'],
  ['34', 'ES'],
  ['52', 'MX'],
  ['54', 'AR'],
  ['57', 'CO'],
  ['44', 'GB'],
  ['972', 'IL'],
  ['91', 'IN'],
];

function countryOf(phone: string): string {
  return COUNTRY_BY_PREFIX.find(([prefix]) => phone.startsWith(prefix))?.[1] ?? 'US';
}

/** Customers keyed by phone and by BSUID; BSUIDs derive from the phone so they are stable across runs. */
export class CustomerBook {
  readonly #byKey = new Map<string, Customer>();
  readonly #salt: string;

  constructor(salt: string) {
    this.#salt = salt;
  }

  get(key: string): Customer | undefined {
    return this.#byKey.get(key);
  }

  findByPhone(phone: string): Customer | undefined {
    return [...this.#byKey.values()].find((customer) => customer.waId === phone);
  }

  findByUserId(userId: string): Customer | undefined {
    return [...this.#byKey.values()].find((customer) => customer.userId === userId);
  }

  /** Finds the customer by phone or user id, creating them (with a made-up phone if neither is given). */
  upsert(identity: CustomerIdentity, random: RandomSource, now: number): Customer {
    const existing = (identity.from && this.findByPhone(identity.from)) || (identity.userId && this.findByUserId(identity.userId));
    if (existing) {
      if (identity.name) existing.name = identity.name;
      if (identity.username) existing.username = identity.username;
      if (identity.from && !existing.waId) existing.waId = identity.from;
      return existing;
    }
    const waId = identity.from ?? (identity.userId ? undefined : `1555${random.digits(7)}`);
    const customer: Customer = {
      key: waId ?? identity.userId ?? '',
      ...(waId ? { waId } : {}),
      userId: identity.userId ?? this.#deriveUserId(waId ?? ''),
      name: identity.name ?? '',
      ...(identity.username ? { username: identity.username } : {}),
      lastInboundAt: {},
      createdAt: now,
    };
    this.#byKey.set(customer.key, customer);
    return customer;
  }

  recordInbound(customer: Customer, phoneNumberId: string, at: number): void {
    customer.lastInboundAt[phoneNumberId] = at;
  }

  list(): Customer[] {
    return [...this.#byKey.values()];
  }

  clear(): void {
    this.#byKey.clear();
  }

  #deriveUserId(phone: string): string {
    const digest = createHash('sha256').update(`${this.#salt}:${phone}`).digest();
    return `${countryOf(phone)}.${digest.readBigUInt64BE(0).toString().padStart(20, '1').slice(0, 20)}`;
  }
}

/** True while the customer's last message to this line is less than 24 h old. */
export function isWindowOpen(customer: Customer | undefined, phoneNumberId: string, now: number): boolean {
  const last = customer?.lastInboundAt[phoneNumberId];
  return last !== undefined && now - last < WINDOW_MS;
}

/** A handle for `profile.username` when the customer has not chosen one. */
export function usernameOf(customer: Customer): string {
  if (customer.username) return customer.username;
  const plain = customer.name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  return plain.replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '') || `user${customer.userId.slice(-4)}`;
}
