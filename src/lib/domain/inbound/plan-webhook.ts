import type { ChangeValue, DeliveryStatus, GraphError, ParsedEnvelope } from '../../schemas/webhook';
import { identifyCustomer, type CustomerIdentity } from './customer-identity';
import { normalizeInbound } from './normalize-message';
import type { NormalizedInbound } from './normalized-message';

export type WebhookItem =
  | { kind: 'message'; phoneNumberId: string; customer: CustomerIdentity; message: NormalizedInbound }
  | { kind: 'status'; phoneNumberId: string; status: DeliveryStatus }
  | { kind: 'account-error'; phoneNumberId: string; error: GraphError }
  | { kind: 'other-field'; field: string; phoneNumberId: string | null };

export interface WebhookPlan {
  items: WebhookItem[];
  fields: string[];
  phoneNumberIds: string[];
}

export type PlanResult = { ok: true; plan: WebhookPlan } | { ok: false; reason: 'invalid-change'; path: string; message: string };

function phoneNumberIdOf(value: Record<string, unknown>): string | null {
  const pnid = (value.metadata as { phone_number_id?: unknown } | undefined)?.phone_number_id;
  return typeof pnid === 'string' ? pnid : null;
}

/** Flattens a validated webhook POST into the items to apply, walking every entry, change, message and status. */
export function planWebhook(envelope: ParsedEnvelope): PlanResult {
  const items: WebhookItem[] = [];
  const fields = new Set<string>();
  const phoneNumberIds = new Set<string>();
  for (const [e, entry] of envelope.entry.entries()) {
    for (const [c, change] of entry.changes.entries()) {
      fields.add(change.field);
      if (change.field !== 'messages') {
        items.push({ kind: 'other-field', field: change.field, phoneNumberId: phoneNumberIdOf(change.value) });
        continue;
      }
      const value = change.value as ChangeValue;
      const phoneNumberId = value.metadata?.phone_number_id;
      if (!phoneNumberId) {
        return { ok: false, reason: 'invalid-change', path: `entry.${e}.changes.${c}.value.metadata.phone_number_id`, message: 'missing phone_number_id' };
      }
      phoneNumberIds.add(phoneNumberId);
      for (const [m, message] of (value.messages ?? []).entries()) {
        const customer = identifyCustomer(message, value.contacts);
        if (!customer) {
          return { ok: false, reason: 'invalid-change', path: `entry.${e}.changes.${c}.value.messages.${m}.from`, message: 'message has neither from nor from_user_id' };
        }
        items.push({ kind: 'message', phoneNumberId, customer, message: normalizeInbound(message) });
      }
      for (const status of value.statuses ?? []) items.push({ kind: 'status', phoneNumberId, status });
      for (const error of value.errors ?? []) items.push({ kind: 'account-error', phoneNumberId, error });
    }
  }
  return { ok: true, plan: { items, fields: [...fields], phoneNumberIds: [...phoneNumberIds] } };
}
