import type { SimulatorKnobs } from '../lib/schemas/simulator';
import { usernameOf, type Customer } from './customer-book';

// Which identity keys a webhook carries depends on the 2026 BSUID rollout (§3.3), set by the `bsuid_mode` knob:
// `off` = phones only, `with_phone` = phones and user ids, `username_no_phone` = user ids and usernames, no phones.

type BsuidMode = SimulatorKnobs['bsuid_mode'];

function showsPhone(customer: Customer, mode: BsuidMode): boolean {
  return customer.waId !== undefined && mode !== 'username_no_phone';
}

function showsUserId(customer: Customer, mode: BsuidMode): boolean {
  // A customer known only by user id has nothing else to identify them, whatever the mode.
  return mode !== 'off' || customer.waId === undefined;
}

/** The `contacts[]` entry of a webhook value. */
export function buildContact(customer: Customer, mode: BsuidMode): Record<string, unknown> {
  const profile: Record<string, string> = customer.name ? { name: customer.name } : {};
  if (mode === 'username_no_phone') profile['username'] = usernameOf(customer);
  return {
    // A number the business wrote to first has no profile name yet.
    ...(Object.keys(profile).length > 0 ? { profile } : {}),
    ...(showsPhone(customer, mode) ? { wa_id: customer.waId } : {}),
    ...(showsUserId(customer, mode) ? { user_id: customer.userId } : {}),
  };
}

/** `from` / `from_user_id` of an inbound message. */
export function buildSenderFields(customer: Customer, mode: BsuidMode): Record<string, string> {
  return {
    ...(showsPhone(customer, mode) && customer.waId ? { from: customer.waId } : {}),
    ...(showsUserId(customer, mode) ? { from_user_id: customer.userId } : {}),
  };
}

/** `recipient_id` / `recipient_user_id` of a status. */
export function buildRecipientFields(customer: Customer, mode: BsuidMode): Record<string, string> {
  return {
    ...(showsPhone(customer, mode) && customer.waId ? { recipient_id: customer.waId } : {}),
    ...(showsUserId(customer, mode) ? { recipient_user_id: customer.userId } : {}),
  };
}
