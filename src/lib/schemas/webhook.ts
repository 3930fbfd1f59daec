import { z } from 'zod';

// Meta adds fields without notice (BSUIDs in 2026, usernames, groups): every object is loose so
// unknown keys pass through to the stored raw payload instead of failing validation.

/** Unix seconds; Meta sends strings in messages/statuses and integers elsewhere. */
export const unixSeconds = z.union([z.string().regex(/^\d{1,12}$/), z.number().int().nonnegative()]).transform(Number);

export const graphErrorSchema = z.looseObject({
  code: z.number().int(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
  href: z.string().optional(),
});
export type GraphError = z.infer<typeof graphErrorSchema>;

export const webhookContactSchema = z.looseObject({
  wa_id: z.string().optional(),
  user_id: z.string().optional(),
  parent_user_id: z.string().optional(),
  profile: z.looseObject({ name: z.string().optional(), username: z.string().optional() }).optional(),
});
export type WebhookContact = z.infer<typeof webhookContactSchema>;

const mediaObject = z.looseObject({
  id: z.string().optional(),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
  url: z.string().optional(),
  voice: z.boolean().optional(),
  animated: z.boolean().optional(),
});

export const inboundMessageSchema = z.looseObject({
  id: z.string().min(1),
  timestamp: unixSeconds,
  type: z.string().min(1),
  from: z.string().optional(),
  from_user_id: z.string().optional(),
  from_parent_user_id: z.string().optional(),
  context: z
    .looseObject({
      from: z.string().optional(),
      id: z.string().optional(),
      forwarded: z.boolean().optional(),
      frequently_forwarded: z.boolean().optional(),
      referred_product: z.looseObject({}).optional(),
    })
    .optional(),
  text: z.looseObject({ body: z.string() }).optional(),
  image: mediaObject.optional(),
  video: mediaObject.optional(),
  audio: mediaObject.optional(),
  document: mediaObject.optional(),
  sticker: mediaObject.optional(),
  location: z
    .looseObject({ latitude: z.number(), longitude: z.number(), name: z.string().optional(), address: z.string().optional(), url: z.string().optional() })
    .optional(),
  contacts: z.array(z.looseObject({})).optional(),
  interactive: z.looseObject({ type: z.string() }).optional(),
  button: z.looseObject({ payload: z.string().optional(), text: z.string().optional() }).optional(),
  reaction: z.looseObject({ message_id: z.string(), emoji: z.string().optional() }).optional(),
  order: z.looseObject({}).optional(),
  system: z.looseObject({ body: z.string().optional(), type: z.string().optional(), wa_id: z.string().optional(), user_id: z.string().optional() }).optional(),
  referral: z.looseObject({}).optional(),
  errors: z.array(graphErrorSchema).optional(),
});
export type InboundMessage = z.infer<typeof inboundMessageSchema>;

export const deliveryStatusSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string().min(1),
  timestamp: unixSeconds,
  recipient_id: z.string().optional(),
  recipient_user_id: z.string().optional(),
  biz_opaque_callback_data: z.string().optional(),
  pricing: z
    .looseObject({ billable: z.boolean().optional(), pricing_model: z.string().optional(), type: z.string().optional(), category: z.string().optional() })
    .optional(),
  errors: z.array(graphErrorSchema).optional(),
});
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

export const changeValueSchema = z.looseObject({
  messaging_product: z.string().optional(),
  metadata: z.looseObject({ phone_number_id: z.string().min(1), display_phone_number: z.string().optional() }).optional(),
  contacts: z.array(webhookContactSchema).optional(),
  messages: z.array(inboundMessageSchema).optional(),
  statuses: z.array(deliveryStatusSchema).optional(),
  errors: z.array(graphErrorSchema).optional(),
});
export type ChangeValue = z.infer<typeof changeValueSchema>;

export const webhookEnvelopeSchema = z.looseObject({
  object: z.literal('whatsapp_business_account'),
  entry: z
    .array(
      z.looseObject({
        id: z.string(),
        time: z.number().optional(),
        changes: z.array(z.looseObject({ field: z.string().min(1), value: z.looseObject({}) })),
      }),
    )
    .min(1),
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

/** Validates a webhook body, including each `messages` change value; issue paths point into the body. */
export function parseWebhook(body: unknown): { ok: true; envelope: ParsedEnvelope } | { ok: false; issues: SchemaIssue[] } {
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
  applied: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  attempted: z.number().int().nonnegative(),
});
export type ApplyWebhooksResult = z.infer<typeof applyWebhooksResultSchema>;
