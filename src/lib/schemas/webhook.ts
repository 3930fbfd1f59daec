// zod/mini (same engine as full zod): every webhook acknowledgement validates with this in PocketBase's VM, and
// loading full zod there costs each pooled VM ~20 ms before its first answer; zod/mini loads in ~1 ms.
import * as z from 'zod/mini';
import { charCount, COLUMN_LIMITS as LIMIT, cutToChars, stripIdNoise } from '../domain/inbound/column-limits';
import { compileCheck } from './compiled-check';

// Meta adds fields without notice (BSUIDs in 2026, usernames, groups): every object is loose so
// unknown keys pass through to the stored raw payload instead of failing validation.
//
// Every value written to a column is held to that column's size here (column-limits.ts), or cut to fit:
// a value the database refuses would fail its part on every attempt, and no replay could fix it.

/** PocketBase dates end at year 9999; a later timestamp could never be stored. */
const LAST_STORABLE_SECOND = 253_402_300_799;

/** Unix seconds; Meta sends strings in messages/statuses and integers elsewhere. */
export const unixSeconds = z.pipe(
  z.pipe(z.union([z.string().check(z.regex(/^\d{1,12}$/)), z.int().check(z.nonnegative())]), z.transform(Number)),
  z.number().check(z.lte(LAST_STORABLE_SECOND)),
);

/** A string of at most `max` characters, counted as PocketBase counts them (code points). */
function text(max: number) {
  return z.pipe(
    z.string(),
    z.transform((value: string, ctx) => {
      // Only a long string is counted: the common case costs one comparison.
      if (value.length > max && charCount(value) > max) ctx.issues.push({ code: 'custom', message: `longer than ${max} characters`, input: value });
      return value;
    }),
  );
}

/** A name shown to agents: a longer one is cut to the column (the stored raw body keeps it whole). */
function name(max: number) {
  return z.pipe(
    z.string(),
    z.transform((value: string) => cutToChars(value, max)),
  );
}

/** A phone number or user id: whitespace, NUL and invisible characters removed, then at most `max` long. */
function id(max: number) {
  return z.pipe(z.pipe(z.string(), z.transform(stripIdNoise)), z.string().check(z.maxLength(max)));
}

export const graphErrorSchema = z.looseObject({
  code: z.int(),
  title: z.optional(name(LIMIT.errorTitle)),
  message: z.optional(name(LIMIT.errorTitle)),
  error_data: z.optional(z.looseObject({ details: z.optional(z.string()) })),
  href: z.optional(z.string()),
});
export type GraphError = z.infer<typeof graphErrorSchema>;

export const webhookContactSchema = z.looseObject({
  wa_id: z.optional(id(LIMIT.waId)),
  user_id: z.optional(id(LIMIT.userId)),
  parent_user_id: z.optional(id(LIMIT.userId)),
  profile: z.optional(z.looseObject({ name: z.optional(name(LIMIT.profileName)), username: z.optional(name(LIMIT.username)) })),
});
export type WebhookContact = z.infer<typeof webhookContactSchema>;

const mediaObject = z.looseObject({
  id: z.optional(z.string().check(z.maxLength(LIMIT.mediaId))),
  mime_type: z.optional(z.string().check(z.maxLength(LIMIT.mediaMime))),
  sha256: z.optional(z.string()),
  caption: z.optional(text(LIMIT.text)),
  filename: z.optional(text(LIMIT.mediaFilename)),
  url: z.optional(z.string()),
  voice: z.optional(z.boolean()),
  animated: z.optional(z.boolean()),
});

export const inboundMessageSchema = z.looseObject({
  id: z.string().check(z.minLength(1), z.maxLength(LIMIT.wamid)),
  timestamp: unixSeconds,
  type: z.string().check(z.minLength(1), z.maxLength(LIMIT.messageType)),
  from: z.optional(id(LIMIT.waId)),
  from_user_id: z.optional(id(LIMIT.userId)),
  from_parent_user_id: z.optional(id(LIMIT.userId)),
  context: z.optional(
    z.looseObject({
      from: z.optional(z.string()),
      id: z.optional(z.string().check(z.maxLength(LIMIT.wamid))),
      forwarded: z.optional(z.boolean()),
      frequently_forwarded: z.optional(z.boolean()),
      referred_product: z.optional(z.looseObject({})),
    }),
  ),
  text: z.optional(z.looseObject({ body: text(LIMIT.text) })),
  image: z.optional(mediaObject),
  video: z.optional(mediaObject),
  audio: z.optional(mediaObject),
  document: z.optional(mediaObject),
  sticker: z.optional(mediaObject),
  location: z.optional(
    z.looseObject({ latitude: z.number(), longitude: z.number(), name: z.optional(z.string()), address: z.optional(z.string()), url: z.optional(z.string()) }),
  ),
  contacts: z.optional(z.array(z.looseObject({}))),
  interactive: z.optional(z.looseObject({ type: z.string() })),
  button: z.optional(z.looseObject({ payload: z.optional(z.string()), text: z.optional(z.string()) })),
  reaction: z.optional(z.looseObject({ message_id: z.string(), emoji: z.optional(z.string().check(z.maxLength(LIMIT.emoji))) })),
  order: z.optional(z.looseObject({})),
  system: z.optional(
    z.looseObject({
      body: z.optional(text(LIMIT.text)),
      type: z.optional(z.string().check(z.maxLength(LIMIT.systemType))),
      wa_id: z.optional(id(LIMIT.waId)),
      user_id: z.optional(id(LIMIT.userId)),
    }),
  ),
  referral: z.optional(z.looseObject({})),
  errors: z.optional(z.array(graphErrorSchema)),
});
export type InboundMessage = z.infer<typeof inboundMessageSchema>;

export const deliveryStatusSchema = z.looseObject({
  id: z.string().check(z.minLength(1), z.maxLength(LIMIT.wamid)),
  status: z.string().check(z.minLength(1)),
  timestamp: unixSeconds,
  recipient_id: z.optional(z.string()),
  recipient_user_id: z.optional(z.string()),
  biz_opaque_callback_data: z.optional(z.string()),
  pricing: z.optional(
    z.looseObject({ billable: z.optional(z.boolean()), pricing_model: z.optional(z.string()), type: z.optional(z.string()), category: z.optional(z.string()) }),
  ),
  errors: z.optional(z.array(graphErrorSchema)),
});
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

export const metadataSchema = z.looseObject({
  phone_number_id: z.string().check(z.minLength(1), z.maxLength(LIMIT.phoneNumberId)),
  display_phone_number: z.optional(z.string()),
});

export const changeValueSchema = z.looseObject({
  messaging_product: z.optional(z.string()),
  metadata: metadataSchema,
  contacts: z.optional(z.array(webhookContactSchema)),
  messages: z.optional(z.array(inboundMessageSchema)),
  statuses: z.optional(z.array(deliveryStatusSchema)),
  errors: z.optional(z.array(graphErrorSchema)),
});
export type ChangeValue = z.infer<typeof changeValueSchema>;

export const changeSchema = z.looseObject({ field: z.string().check(z.minLength(1), z.maxLength(LIMIT.field)), value: z.looseObject({}) });

export const webhookEnvelopeSchema = z.looseObject({
  object: z.literal('whatsapp_business_account'),
  entry: z
    .array(
      z.looseObject({
        id: z.string(),
        time: z.optional(z.number()),
        changes: z.array(changeSchema),
      }),
    )
    .check(z.minLength(1)),
});
export type WebhookEnvelope = z.infer<typeof webhookEnvelopeSchema>;

/** Where a part sits in the body (`entry.0.changes.1.value.messages.2`), the key it is recorded under. */
export type PartPath = string;

export type WebhookPart =
  | { kind: 'message'; path: PartPath; phoneNumberId: string; contacts: WebhookContact[]; message: InboundMessage }
  | { kind: 'status'; path: PartPath; phoneNumberId: string; status: DeliveryStatus }
  | { kind: 'account-error'; path: PartPath; phoneNumberId: string; error: GraphError }
  | { kind: 'other-field'; path: PartPath; field: string; phoneNumberId: string | null; value: Record<string, unknown> };

/** A part that cannot be applied: a stable reason code and zod's explanation. */
export interface InvalidPart {
  path: PartPath;
  reason: string;
  detail: string;
}

export interface WebhookParts {
  parts: WebhookPart[];
  invalid: InvalidPart[];
  fields: string[];
  phoneNumberIds: string[];
}

const checkEnvelope = compileCheck(webhookEnvelopeSchema);
const checkChange = compileCheck(changeSchema);
const checkChangeValue = compileCheck(changeValueSchema);
const checkMetadata = compileCheck(metadataSchema);
const checkContact = compileCheck(webhookContactSchema);
const checkMessage = compileCheck(inboundMessageSchema);
const checkStatus = compileCheck(deliveryStatusSchema);
const checkError = compileCheck(graphErrorSchema);

/** zod's first issue, for a person reading the event: `timestamp: Invalid input`. Only runs for a refused part. */
function explain(schema: z.ZodMiniType, input: unknown): string {
  const result = schema.safeParse(input);
  if (result.success) return '';
  const issue = result.error.issues[0];
  return `${issue.path.join('.') || '(value)'}: ${issue.message}`.slice(0, 300);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The elements of one `messages` change value, each checked on its own (the whole value was not valid). */
function checkEachPart(value: Record<string, unknown>, path: PartPath, phoneNumberId: string, out: WebhookParts): void {
  const listOf = (key: string): unknown[] => {
    const list = value[key];
    if (list === undefined) return [];
    if (Array.isArray(list)) return list;
    out.invalid.push({ path: `${path}.${key}`, reason: 'invalid-part', detail: `${key}: expected an array` });
    return [];
  };
  const contacts: WebhookContact[] = [];
  listOf('contacts').forEach((input, k) => {
    const contact = checkContact(input);
    if (contact.ok) contacts.push(contact.value);
    else out.invalid.push({ path: `${path}.contacts.${k}`, reason: 'invalid-contact', detail: explain(webhookContactSchema, input) });
  });
  listOf('messages').forEach((input, m) => {
    const message = checkMessage(input);
    if (message.ok) out.parts.push({ kind: 'message', path: `${path}.messages.${m}`, phoneNumberId, contacts, message: message.value });
    else out.invalid.push({ path: `${path}.messages.${m}`, reason: 'invalid-message', detail: explain(inboundMessageSchema, input) });
  });
  listOf('statuses').forEach((input, s) => {
    const status = checkStatus(input);
    if (status.ok) out.parts.push({ kind: 'status', path: `${path}.statuses.${s}`, phoneNumberId, status: status.value });
    else out.invalid.push({ path: `${path}.statuses.${s}`, reason: 'invalid-status', detail: explain(deliveryStatusSchema, input) });
  });
  listOf('errors').forEach((input, i) => {
    const error = checkError(input);
    if (error.ok) out.parts.push({ kind: 'account-error', path: `${path}.errors.${i}`, phoneNumberId, error: error.value });
    else out.invalid.push({ path: `${path}.errors.${i}`, reason: 'invalid-error', detail: explain(graphErrorSchema, input) });
  });
}

function addMessagesChange(value: Record<string, unknown>, path: PartPath, out: WebhookParts, phoneNumberIds: Set<string>): void {
  const metadata = checkMetadata(value.metadata);
  if (!metadata.ok) {
    // Without its business number no part of the change can be routed: the change is one invalid part.
    out.invalid.push({ path, reason: 'invalid-metadata', detail: `metadata.${explain(metadataSchema, value.metadata)}` });
    return;
  }
  const phoneNumberId = metadata.value.phone_number_id;
  phoneNumberIds.add(phoneNumberId);
  const whole = checkChangeValue(value);
  if (!whole.ok) return checkEachPart(value, path, phoneNumberId, out);
  const { contacts = [], messages = [], statuses = [], errors = [] } = whole.value;
  for (let m = 0; m < messages.length; m++) out.parts.push({ kind: 'message', path: `${path}.messages.${m}`, phoneNumberId, contacts, message: messages[m] });
  for (let s = 0; s < statuses.length; s++) out.parts.push({ kind: 'status', path: `${path}.statuses.${s}`, phoneNumberId, status: statuses[s] });
  for (let i = 0; i < errors.length; i++) out.parts.push({ kind: 'account-error', path: `${path}.errors.${i}`, phoneNumberId, error: errors[i] });
}

function phoneNumberIdOf(value: Record<string, unknown>): string | null {
  const pnid = (value.metadata as { phone_number_id?: unknown } | undefined)?.phone_number_id;
  return typeof pnid === 'string' && pnid.length <= LIMIT.phoneNumberId ? pnid : null;
}

/**
 * Splits a signed body into its parts (every message, status, account error and other change), each validated on
 * its own: a part that breaks the schema is listed in `invalid` with its path and reason, and never takes the
 * rest of its delivery with it. Nothing here throws, whatever the bytes.
 */
export function parseWebhookParts(raw: string): WebhookParts {
  const out: WebhookParts = { parts: [], invalid: [], fields: [], phoneNumberIds: [] };
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    out.invalid.push({ path: 'body', reason: 'invalid-json', detail: 'The body is not valid JSON.' });
    return out;
  }
  const envelope = checkEnvelope(body);
  if (!envelope.ok && (!isObject(body) || body.object !== 'whatsapp_business_account' || !Array.isArray(body.entry) || body.entry.length === 0)) {
    out.invalid.push({ path: 'body', reason: 'not-a-whatsapp-webhook', detail: explain(webhookEnvelopeSchema, body) });
    return out;
  }
  const entries = (envelope.ok ? envelope.value.entry : (body as { entry: unknown[] }).entry) as unknown[];
  const fields = new Set<string>();
  const phoneNumberIds = new Set<string>();
  for (let e = 0; e < entries.length; e++) {
    const entry = entries[e];
    if (!isObject(entry) || !Array.isArray(entry.changes)) {
      out.invalid.push({ path: `entry.${e}`, reason: 'invalid-entry', detail: 'An entry needs a list of changes.' });
      continue;
    }
    for (let c = 0; c < entry.changes.length; c++) {
      const path = `entry.${e}.changes.${c}`;
      const change = checkChange(entry.changes[c]);
      if (!change.ok) {
        out.invalid.push({ path, reason: 'invalid-change', detail: explain(changeSchema, entry.changes[c]) });
        continue;
      }
      const { field, value } = change.value;
      fields.add(field);
      if (field === 'messages') addMessagesChange(value, `${path}.value`, out, phoneNumberIds);
      else out.parts.push({ kind: 'other-field', path, field, phoneNumberId: phoneNumberIdOf(value), value });
    }
  }
  out.fields = [...fields];
  out.phoneNumberIds = [...phoneNumberIds];
  return out;
}

/** What `POST /api/pocketdesk/worker/apply-webhooks` answers: events applied, failed (to retry later) and taken on. */
export const applyWebhooksResultSchema = z.object({
  applied: z.int().check(z.nonnegative()),
  failed: z.int().check(z.nonnegative()),
  attempted: z.int().check(z.nonnegative()),
});
export type ApplyWebhooksResult = z.infer<typeof applyWebhooksResultSchema>;
