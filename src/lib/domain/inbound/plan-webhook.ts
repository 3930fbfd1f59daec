import type { DeliveryStatus, GraphError, InvalidPart, PartPath, WebhookParts } from '../../schemas/webhook';
import { COLUMN_LIMITS, cutToChars, jsonBytesAtMost } from './column-limits';
import { identifyCustomer, type CustomerIdentity } from './customer-identity';
import { normalizeInbound } from './normalize-message';
import type { FieldItem, planFieldChange } from '../../schemas/webhook-field-plan';
import type { NormalizedInbound } from './normalized-message';

export type WebhookItem =
  | { kind: 'message'; path: PartPath; phoneNumberId: string; customer: CustomerIdentity; message: NormalizedInbound }
  | { kind: 'status'; path: PartPath; phoneNumberId: string; status: DeliveryStatus }
  | { kind: 'account-error'; path: PartPath; phoneNumberId: string; error: GraphError }
  | { kind: 'other-field'; path: PartPath; field: string; phoneNumberId: string | null; value: Record<string, unknown> }
  | FieldItem;

export interface WebhookPlan {
  items: WebhookItem[];
  /** Parts that cannot be applied, with their reason; they never stop the items from being applied. */
  invalid: InvalidPart[];
  fields: string[];
  phoneNumberIds: string[];
}

/**
 * Turns a delivery's parts into the items to apply, one per message, status, account error and other change. A
 * part the schema let through can still be unusable (no sender, a payload past its column): it joins `invalid`.
 */
/** Plans the fields beyond `messages` (echoes, templates, …); it validates with zod, so the caller passes it in. */
export type FieldPlanner = typeof planFieldChange;

export function planWebhook(parsed: WebhookParts, planField: FieldPlanner = () => null): WebhookPlan {
  const items: WebhookItem[] = [];
  const invalid = [...parsed.invalid];
  for (const part of parsed.parts) {
    if (part.kind === 'message') {
      const customer = identifyCustomer(part.message, part.contacts);
      if (!customer) {
        invalid.push({ path: part.path, reason: 'no-sender', detail: 'message has neither from nor from_user_id' });
        continue;
      }
      const message = normalizeInbound(part.message);
      if (jsonBytesAtMost(message.payload) > COLUMN_LIMITS.payloadBytes) {
        invalid.push({ path: part.path, reason: 'payload-too-large', detail: `payload over ${COLUMN_LIMITS.payloadBytes} bytes` });
        continue;
      }
      // A description built from other fields (a location's name, a contact card's names) is only a label.
      items.push({
        kind: 'message',
        path: part.path,
        phoneNumberId: part.phoneNumberId,
        customer,
        message: { ...message, text: cutToChars(message.text, COLUMN_LIMITS.text) },
      });
    } else if (part.kind === 'status') {
      if (part.status.pricing && jsonBytesAtMost(part.status.pricing) > COLUMN_LIMITS.pricingBytes) {
        invalid.push({ path: part.path, reason: 'pricing-too-large', detail: `pricing over ${COLUMN_LIMITS.pricingBytes} bytes` });
        continue;
      }
      items.push(part);
    } else if (part.kind === 'other-field') {
      // Issue #19: echoes, templates, preferences, app contacts and calls (schemas/webhook-field-plan.ts); other fields stay unsupported.
      const field = planField(part.field, part.value, part.path);
      if (!field) items.push(part);
      else {
        items.push(...field.items);
        invalid.push(...field.invalid);
      }
    } else items.push(part);
  }
  return { items, invalid, fields: parsed.fields, phoneNumberIds: parsed.phoneNumberIds };
}
