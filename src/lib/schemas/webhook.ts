// zod/mini (same engine as full zod): every webhook acknowledgement validates with this in PocketBase's VM, and
// loading full zod there costs each pooled VM ~20 ms before its first answer; zod/mini loads in ~1 ms.
import * as z from 'zod/mini';
import { compileCheck } from './compiled-check';

// Meta adds fields without notice (BSUIDs in 2026, usernames, groups): every object is loose so
// unknown keys pass through to the stored raw payload instead of failing validation.

/** Unix seconds; Meta sends strings in messages/statuses and integers elsewhere. */
export const unixSeconds = z.pipe(z.union([z.string().check(z.regex(/^\d{1,12}$/)), z.int().check(z.nonnegative())]), z.transform(Number));

export const graphErrorSchema = z.looseObject({
  code: z.int(),
  title: z.optional(z.string()),
  message: z.optional(z.string()),
  error_data: z.optional(z.looseObject({ details: z.optional(z.string()) })),
  href: z.optional(z.string()),
});
export type GraphError = z.infer<typeof graphErrorSchema>;

export const webhookContactSchema = z.looseObject({
  wa_id: z.optional(z.string()),
  user_id: z.optional(z.string()),
  parent_user_id: z.optional(z.string()),
  profile: z.optional(z.looseObject({ name: z.optional(z.string()), username: z.optional(z.string()) })),
});
export type WebhookContact = z.infer<typeof webhookContactSchema>;

const mediaObject = z.looseObject({
  id: z.optional(z.string()),
  mime_type: z.optional(z.string()),
  sha256: z.optional(z.string()),
  caption: z.optional(z.string()),
  filename: z.optional(z.string()),
  url: z.optional(z.string()),
  voice: z.optional(z.boolean()),
  animated: z.optional(z.boolean()),
});

export const inboundMessageSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  timestamp: unixSeconds,
  type: z.string().check(z.minLength(1)),
  from: z.optional(z.string()),
  from_user_id: z.optional(z.string()),
  from_parent_user_id: z.optional(z.string()),
  context: z.optional(z.looseObject({
      from: z.optional(z.string()),
      id: z.optional(z.string()),
      forwarded: z.optional(z.boolean()),
      frequently_forwarded: z.optional(z.boolean()),
      referred_product: z.optional(z.looseObject({})),
    })),
  text: z.optional(z.looseObject({ body: z.string() })),
  image: z.optional(mediaObject),
  video: z.optional(mediaObject),
  audio: z.optional(mediaObject),
  document: z.optional(mediaObject),
  sticker: z.optional(mediaObject),
  location: z.optional(z.looseObject({ latitude: z.number(), longitude: z.number(), name: z.optional(z.string()), address: z.optional(z.string()), url: z.optional(z.string()) })),
  contacts: z.optional(z.array(z.looseObject({}))),
  interactive: z.optional(z.looseObject({ type: z.string() })),
  button: z.optional(z.looseObject({ payload: z.optional(z.string()), text: z.optional(z.string()) })),
  reaction: z.optional(z.looseObject({ message_id: z.string(), emoji: z.optional(z.string()) })),
  order: z.optional(z.looseObject({})),
  system: z.optional(z.looseObject({ body: z.optional(z.string()), type: z.optional(z.string()), wa_id: z.optional(z.string()), user_id: z.optional(z.string()) })),
  referral: z.optional(z.looseObject({})),
  errors: z.optional(z.array(graphErrorSchema)),
});
export type InboundMessage = z.infer<typeof inboundMessageSchema>;

export const deliveryStatusSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  status: z.string().check(z.minLength(1)),
  timestamp: unixSeconds,
  recipient_id: z.optional(z.string()),
  recipient_user_id: z.optional(z.string()),
  biz_opaque_callback_data: z.optional(z.string()),
  pricing: z.optional(z.looseObject({ billable: z.optional(z.boolean()), pricing_model: z.optional(z.string()), type: z.optional(z.string()), category: z.optional(z.string()) })),
  errors: z.optional(z.array(graphErrorSchema)),
});
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

export const changeValueSchema = z.looseObject({
  messaging_product: z.optional(z.string()),
  metadata: z.optional(z.looseObject({ phone_number_id: z.string().check(z.minLength(1)), display_phone_number: z.optional(z.string()) })),
  contacts: z.optional(z.array(webhookContactSchema)),
  messages: z.optional(z.array(inboundMessageSchema)),
  statuses: z.optional(z.array(deliveryStatusSchema)),
  errors: z.optional(z.array(graphErrorSchema)),
});
export type ChangeValue = z.infer<typeof changeValueSchema>;

export const webhookEnvelopeSchema = z.looseObject({
  object: z.literal('whatsapp_business_account'),
  entry: z
    .array(
      z.looseObject({
        id: z.string(),
        time: z.optional(z.number()),
        changes: z.array(z.looseObject({ field: z.string().check(z.minLength(1)), value: z.looseObject({}) })),
      }),
    )
    .check(z.minLength(1)),
});
export type WebhookEnvelope = z.infer<typeof webhookEnvelopeSchema>;

export type ParsedChange = { field: 'messages'; value: ChangeValue } | { field: string; value: Record<string, unknown> };
export interface ParsedEnvelope {
  object: 'whatsapp_business_account';
  entry: Array<{ id: string; changes: ParsedChange[] }>;
}
export interface SchemaIssue {
  path: string;
  code: string;
  message: string;
}

const checkEnvelope = compileCheck(webhookEnvelopeSchema);
const checkChangeValue = compileCheck(changeValueSchema);

/** The same result as the zod path below for a valid body, at a fraction of its cost in PocketBase's VM. */
function parseValidWebhook(body: unknown): ParsedEnvelope | null {
  const envelope = checkEnvelope(body);
  if (!envelope.ok) return null;
  const entry: ParsedEnvelope['entry'] = [];
  for (let e = 0; e < envelope.value.entry.length; e++) {
    const item = envelope.value.entry[e];
    const changes: ParsedChange[] = [];
    for (let c = 0; c < item.changes.length; c++) {
      const change = item.changes[c];
      if (change.field !== 'messages') {
        changes.push({ field: change.field, value: change.value });
        continue;
      }
      const value = checkChangeValue(change.value);
      if (!value.ok) return null;
      changes.push({ field: 'messages', value: value.value });
    }
    entry.push({ id: item.id, changes });
  }
  return { object: 'whatsapp_business_account', entry };
}

/** Validates a webhook body, including each `messages` change value; issue paths point into the body. */
export function parseWebhook(body: unknown): { ok: true; envelope: ParsedEnvelope } | { ok: false; issues: SchemaIssue[] } {
  const valid = parseValidWebhook(body);
  if (valid) return { ok: true, envelope: valid };
  // Refused (or, were the compiled check ever stricter than zod, accepted here): zod decides and explains.
  const envelope = webhookEnvelopeSchema.safeParse(body);
  if (!envelope.success) {
    return { ok: false, issues: envelope.error.issues.map((issue) => ({ path: issue.path.join('.') || 'body', code: issue.code, message: issue.message })) };
  }
  const issues: SchemaIssue[] = [];
  const entry = envelope.data.entry.map((item, e) => ({
    id: item.id,
    changes: item.changes.map((change, c): ParsedChange => {
      if (change.field !== 'messages') return { field: change.field, value: change.value };
      const value = changeValueSchema.safeParse(change.value);
      if (value.success) return { field: 'messages', value: value.data };
      for (const issue of value.error.issues) issues.push({ path: ['entry', e, 'changes', c, 'value', ...issue.path].join('.'), code: issue.code, message: issue.message });
      return { field: 'messages', value: {} };
    }),
  }));
  return issues.length ? { ok: false, issues } : { ok: true, envelope: { object: 'whatsapp_business_account', entry } };
}

/** What `POST /api/pocketdesk/worker/apply-webhooks` answers: events applied, failed (to retry later) and taken on. */
export const applyWebhooksResultSchema = z.object({
  applied: z.int().check(z.nonnegative()),
  failed: z.int().check(z.nonnegative()),
  attempted: z.int().check(z.nonnegative()),
});
export type ApplyWebhooksResult = z.infer<typeof applyWebhooksResultSchema>;
