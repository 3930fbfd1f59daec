import { customerDisplayName } from '../../lib/domain/contacts/display-name';
import { dateOf, jsonOf, optional, storedDate } from './fields';

/** A customer as the hooks work with it (`contacts`). */
export interface Contact {
  id: string;
  name: string;
  profileName: string;
  username: string;
  waId: string;
  userId: string;
  parentUserId: string;
  ownerId: string | null;
  vip: boolean;
  labels: string[];
  language: string | null;
  attributes: Record<string, unknown>;
  lastInboundAt: number | null;
}

export function readContact(record: core.Record): Contact {
  return {
    id: record.id,
    name: record.getString('name'),
    profileName: record.getString('profile_name'),
    username: record.getString('username'),
    waId: record.getString('wa_id'),
    userId: record.getString('user_id'),
    parentUserId: record.getString('parent_user_id'),
    ownerId: optional(record, 'owner'),
    vip: record.getBool('vip'),
    labels: record.getStringSlice('labels'),
    language: optional(record, 'language'),
    attributes: jsonOf<Record<string, unknown>>(record, 'attributes', {}) ?? {},
    lastInboundAt: dateOf(record, 'last_inbound_at'),
  };
}

const COLUMNS: { [K in keyof Omit<Contact, 'id'>]: string } = {
  name: 'name',
  profileName: 'profile_name',
  username: 'username',
  waId: 'wa_id',
  userId: 'user_id',
  parentUserId: 'parent_user_id',
  ownerId: 'owner',
  vip: 'vip',
  labels: 'labels',
  language: 'language',
  attributes: 'attributes',
  lastInboundAt: 'last_inbound_at',
};

/** Writes the given values onto the record (nothing is saved). */
export function writeContact(record: core.Record, values: Partial<Omit<Contact, 'id'>>): void {
  for (const [key, value] of Object.entries(values) as Array<[keyof typeof COLUMNS, unknown]>) {
    if (value === undefined) continue;
    record.set(COLUMNS[key], key === 'lastInboundAt' ? storedDate(value as number | null) : value === null ? '' : value);
  }
}

export const CONTACT_FILTERS = {
  byUserId: 'user_id = {:v}',
  byWaId: 'wa_id = {:v}',
  otherWithWaId: 'wa_id = {:v} && id != {:id}',
  otherWithUserId: 'user_id = {:v} && id != {:id}',
} as const;

/** The customer's display name (one rule everywhere: queue, push, exports). */
export function contactDisplayNameOf(record: core.Record): string {
  return customerDisplayName({
    name: record.getString('name'),
    profileName: record.getString('profile_name'),
    username: record.getString('username'),
    waId: record.getString('wa_id'),
  });
}
