import type * as z from 'zod/mini';
import { compileCheck } from './compiled-check';
import {
  type GraphError,
  graphErrorSchema,
  inboundMessageSchema,
  type InvalidPart,
  metadataSchema,
  type PartPath,
  webhookContactSchema,
  type WebhookContact,
} from './webhook';
import {
  callSchema,
  echoesValueSchema,
  historyChunkSchema,
  messageEchoSchema,
  stateSyncSchema,
  templateUpdateSchema,
  type MessageEcho,
  type TemplateUpdateValue,
  userPreferenceSchema,
} from './webhook-fields';
import { COLUMN_LIMITS, cutToChars, jsonBytesAtMost } from '../domain/inbound/column-limits';
import type { CustomerIdentity } from '../domain/inbound/customer-identity';
import { normalizeInbound } from '../domain/inbound/normalize-message';
import type { NormalizedInbound } from '../domain/inbound/normalized-message';

// The webhook fields beyond `messages` (issue #19), each turned into items to apply, one per echo, template update,
// preference, contact change or call; a sub-part that breaks its schema is listed as invalid, never the others.

export type TemplateStatus = 'approved' | 'pending' | 'rejected' | 'paused' | 'disabled';

export interface TemplateUpdate {
  metaId: string;
  name: string;
  language: string;
  /** Meta's status as sent (`APPROVED`, `FLAGGED`…) and what the desk makes of it; null when unchanged. */
  metaStatus: string | null;
  status: TemplateStatus | null;
  reason: string | null;
  quality: string | null;
  category: 'marketing' | 'utility' | 'authentication' | null;
}

export interface CallSummary {
  id: string;
  event: 'connect' | 'terminate';
  /** `missed` when a customer's call ended without being answered. */
  outcome: 'ringing' | 'completed' | 'missed' | 'failed';
  direction: 'in' | 'out';
  durationSeconds: number;
  timestamp: number;
}

export type FieldItem =
  | { kind: 'echo'; path: PartPath; phoneNumberId: string; customer: CustomerIdentity; message: NormalizedInbound }
  | { kind: 'template-update'; path: PartPath; phoneNumberId: null; update: TemplateUpdate }
  | { kind: 'user-preference'; path: PartPath; phoneNumberId: string; waId: string | null; userId: string | null; optOut: boolean; timestamp: number }
  | { kind: 'app-contact'; path: PartPath; phoneNumberId: string; action: 'add' | 'edit' | 'remove'; waId: string; name: string }
  | { kind: 'call'; path: PartPath; phoneNumberId: string; customer: CustomerIdentity; call: CallSummary }
  | { kind: 'history-message'; path: PartPath; phoneNumberId: string; customer: CustomerIdentity; fromBusiness: boolean; message: NormalizedInbound }
  | { kind: 'history-progress'; path: PartPath; phoneNumberId: string; phase: number; chunk: number; progress: number }
  | { kind: 'history-error'; path: PartPath; phoneNumberId: string; error: GraphError }
  | { kind: 'account-error'; path: PartPath; phoneNumberId: string; error: GraphError };

export interface FieldPlan {
  items: FieldItem[];
  invalid: InvalidPart[];
}

export const HANDLED_FIELDS = [
  'smb_message_echoes',
  'message_template_status_update',
  'message_template_quality_update',
  'template_category_update',
  'user_preferences',
  'smb_app_state_sync',
  'calls',
  'history',
] as const;

const checkMetadata = compileCheck(metadataSchema);
const checkEchoes = compileCheck(echoesValueSchema);
const checkEcho = compileCheck(messageEchoSchema);
const checkContact = compileCheck(webhookContactSchema);
const checkTemplate = compileCheck(templateUpdateSchema);
const checkPreference = compileCheck(userPreferenceSchema);
const checkSync = compileCheck(stateSyncSchema);
const checkCall = compileCheck(callSchema);
const checkError = compileCheck(graphErrorSchema);
const checkHistoryChunk = compileCheck(historyChunkSchema);
const checkHistoryMessage = compileCheck(inboundMessageSchema);

/** Meta's template statuses, as the desk's five: only `approved` can be sent. */
export function templateStatusOf(event: string): TemplateStatus | null {
  switch (event.toUpperCase()) {
    case 'APPROVED':
    case 'REINSTATED':
    case 'FLAGGED': // low quality, still sendable; paused next if it gets worse
    case 'UNPAUSED':
      return 'approved';
    case 'PENDING':
    case 'IN_APPEAL':
      return 'pending';
    case 'REJECTED':
      return 'rejected';
    case 'PAUSED':
      return 'paused';
    case 'DISABLED':
    case 'DELETED':
    case 'PENDING_DELETION':
    case 'ARCHIVED':
    case 'LIMIT_EXCEEDED':
      return 'disabled';
    default:
      return null;
  }
}

function categoryOf(value: string | undefined): TemplateUpdate['category'] {
  const lower = (value ?? '').toLowerCase();
  return lower === 'marketing' || lower === 'utility' || lower === 'authentication' ? lower : null;
}

/** One template status, quality or category update. */
export function templateUpdateOf(value: TemplateUpdateValue): TemplateUpdate {
  const status = value.event ? templateStatusOf(value.event) : null;
  const reasonText = value.rejection_info?.reason || value.other_info?.description || (value.reason && value.reason !== 'NONE' ? value.reason : '');
  return {
    metaId: value.message_template_id === undefined ? '' : String(value.message_template_id),
    name: value.message_template_name ?? '',
    language: value.message_template_language ?? '',
    metaStatus: value.event ? value.event.toUpperCase() : null,
    status,
    reason: value.event ? cutToChars(reasonText, 2000) : null,
    quality: value.new_quality_score ? value.new_quality_score.toUpperCase() : null,
    category: categoryOf(value.new_category),
  };
}

/** The customer an echo was sent to: `to`/`to_user_id`, with the name from the `contacts` block. */
export function echoRecipient(echo: MessageEcho, contacts: WebhookContact[], businessNumber = ''): CustomerIdentity | null {
  // Some samples (pywa's edit/revoke echoes) carry the business number in `to` and the customer's in `from`.
  if (businessNumber && echo.to === businessNumber && echo.from && echo.from !== businessNumber) echo = { ...echo, to: echo.from };
  const match =
    contacts.find((c) => (echo.to_user_id && c.user_id === echo.to_user_id) || (echo.to && c.wa_id === echo.to)) ??
    (contacts.length === 1 ? contacts[0] : undefined);
  const userId = echo.to_user_id || match?.user_id || null;
  const waId = echo.to || match?.wa_id || null;
  if (!userId && !waId) return null;
  return {
    userId,
    waId,
    name: match?.profile?.name ?? null,
    username: match?.profile?.username ?? null,
    parentUserId: echo.to_parent_user_id ?? match?.parent_user_id ?? null,
  };
}

export function callSummaryOf(call: {
  id: string;
  event: string;
  direction?: string;
  status?: string;
  duration?: number;
  timestamp: number;
}): CallSummary | null {
  if (call.event !== 'connect' && call.event !== 'terminate') return null;
  const direction = call.direction === 'BUSINESS_INITIATED' ? 'out' : 'in';
  const status = (call.status ?? '').toUpperCase();
  const durationSeconds = Math.max(0, Math.round(call.duration ?? 0));
  const outcome: CallSummary['outcome'] =
    call.event === 'connect'
      ? 'ringing'
      : status === 'COMPLETED' && durationSeconds > 0
        ? 'completed'
        : status === 'FAILED'
          ? // Meta ends a customer's call nobody picked up as FAILED with no duration: to the shop, a missed call.
            direction === 'in' && durationSeconds === 0
            ? 'missed'
            : 'failed'
          : status === 'COMPLETED'
            ? 'completed'
            : 'missed';
  return { id: call.id, event: call.event, outcome, direction, durationSeconds, timestamp: call.timestamp * 1000 };
}

function listOf(value: Record<string, unknown>, key: string, path: PartPath, invalid: InvalidPart[]): unknown[] {
  const list = value[key];
  if (list === undefined) return [];
  if (Array.isArray(list)) return list;
  invalid.push({ path: `${path}.${key}`, reason: 'invalid-part', detail: `${key}: expected an array` });
  return [];
}

function firstIssue(schema: z.ZodMiniType, input: unknown): string {
  const result = schema.safeParse(input);
  if (result.success) return '';
  const issue = result.error.issues[0];
  return `${issue.path.join('.') || '(value)'}: ${issue.message}`.slice(0, 300);
}

function contactsOf(value: Record<string, unknown>, path: PartPath, invalid: InvalidPart[]): WebhookContact[] {
  const contacts: WebhookContact[] = [];
  listOf(value, 'contacts', path, invalid).forEach((input, k) => {
    const contact = checkContact(input);
    if (contact.ok) contacts.push(contact.value);
    else invalid.push({ path: `${path}.contacts.${k}`, reason: 'invalid-contact', detail: firstIssue(webhookContactSchema, input) });
  });
  return contacts;
}

function planEchoes(value: Record<string, unknown>, path: PartPath, phoneNumberId: string, businessNumber: string, out: FieldPlan): void {
  if (!checkEchoes(value).ok) {
    out.invalid.push({ path, reason: 'invalid-part', detail: firstIssue(echoesValueSchema, value) });
    return;
  }
  const contacts = contactsOf(value, path, out.invalid);
  listOf(value, 'message_echoes', path, out.invalid).forEach((input, m) => {
    const at = `${path}.message_echoes.${m}`;
    const echo = checkEcho(input);
    if (!echo.ok) return out.invalid.push({ path: at, reason: 'invalid-echo', detail: firstIssue(messageEchoSchema, input) });
    const customer = echoRecipient(echo.value, contacts, businessNumber);
    if (!customer) return out.invalid.push({ path: at, reason: 'no-recipient', detail: 'echo has neither to nor to_user_id' });
    const message = normalizeInbound(echo.value);
    if (jsonBytesAtMost(message.payload) > COLUMN_LIMITS.payloadBytes)
      return out.invalid.push({ path: at, reason: 'payload-too-large', detail: `payload over ${COLUMN_LIMITS.payloadBytes} bytes` });
    out.items.push({ kind: 'echo', path: at, phoneNumberId, customer, message: { ...message, text: cutToChars(message.text, COLUMN_LIMITS.text) } });
  });
}

/** One past message of a `history` thread: the business's own (from its number) or the customer's. */
function planHistoryMessage(input: unknown, at: PartPath, phoneNumberId: string, businessNumber: string, threadId: string, out: FieldPlan): void {
  const checked = checkHistoryMessage(input);
  if (!checked.ok) {
    out.invalid.push({ path: at, reason: 'invalid-message', detail: firstIssue(inboundMessageSchema, input) });
    return;
  }
  const from = checked.value.from ?? '';
  const fromBusiness = from === businessNumber || (threadId !== '' && from !== threadId);
  const waId = threadId || (fromBusiness ? '' : from);
  if (!waId) {
    out.invalid.push({ path: at, reason: 'no-sender', detail: 'history message without its customer' });
    return;
  }
  const message = normalizeInbound(checked.value);
  if (jsonBytesAtMost(message.payload) > COLUMN_LIMITS.payloadBytes) {
    out.invalid.push({ path: at, reason: 'payload-too-large', detail: `payload over ${COLUMN_LIMITS.payloadBytes} bytes` });
    return;
  }
  const customer: CustomerIdentity = { waId, userId: null, name: null, username: null, parentUserId: null };
  out.items.push({
    kind: 'history-message',
    path: at,
    phoneNumberId,
    customer,
    fromBusiness,
    message: { ...message, text: cutToChars(message.text, COLUMN_LIMITS.text) },
  });
}

function planHistory(value: Record<string, unknown>, path: PartPath, phoneNumberId: string, businessNumber: string, out: FieldPlan): void {
  listOf(value, 'history', path, out.invalid).forEach((input, h) => {
    const at = `${path}.history.${h}`;
    const chunk = checkHistoryChunk(input);
    if (!chunk.ok) return out.invalid.push({ path: at, reason: 'invalid-history', detail: firstIssue(historyChunkSchema, input) });
    (chunk.value.errors ?? []).forEach((raw, i) => {
      const error = checkError(raw);
      if (error.ok) out.items.push({ kind: 'history-error', path: `${at}.errors.${i}`, phoneNumberId, error: error.value });
      else out.invalid.push({ path: `${at}.errors.${i}`, reason: 'invalid-error', detail: firstIssue(graphErrorSchema, raw) });
    });
    // A chunk with only errors (sharing declined) says nothing about progress.
    if (!chunk.value.metadata && !chunk.value.threads) return;
    const meta = chunk.value.metadata ?? {};
    out.items.push({
      kind: 'history-progress',
      path: `${at}.metadata`,
      phoneNumberId,
      phase: meta.phase ?? 0,
      chunk: meta.chunk_order ?? 0,
      progress: meta.progress ?? 0,
    });
    (chunk.value.threads ?? []).forEach((thread, t) =>
      thread.messages.forEach((message, m) => planHistoryMessage(message, `${at}.threads.${t}.messages.${m}`, phoneNumberId, businessNumber, thread.id, out)),
    );
  });
  // Meta also sends a thread's messages straight in `value.messages` (one customer's, no thread id).
  listOf(value, 'messages', path, out.invalid).forEach((message, m) =>
    planHistoryMessage(message, `${path}.messages.${m}`, phoneNumberId, businessNumber, '', out),
  );
}

/**
 * The items of one change whose field is not `messages`, or null when the field is not one the desk applies
 * (it is then stored as `unsupported`, as before). Nothing here throws.
 */
export function planFieldChange(field: string, value: Record<string, unknown>, path: PartPath): FieldPlan | null {
  if (!(HANDLED_FIELDS as readonly string[]).includes(field)) return null;
  const out: FieldPlan = { items: [], invalid: [] };
  if (field.startsWith('message_template_') || field === 'template_category_update') {
    const checked = checkTemplate(value);
    if (!checked.ok) out.invalid.push({ path, reason: 'invalid-template-update', detail: firstIssue(templateUpdateSchema, value) });
    else {
      const update = templateUpdateOf(checked.value);
      if (!update.metaId && !update.name)
        out.invalid.push({ path, reason: 'invalid-template-update', detail: 'neither message_template_id nor message_template_name' });
      else out.items.push({ kind: 'template-update', path, phoneNumberId: null, update });
    }
    return out;
  }
  const metadata = checkMetadata(value.metadata);
  if (!metadata.ok) {
    out.invalid.push({ path, reason: 'invalid-metadata', detail: `metadata.${firstIssue(metadataSchema, value.metadata)}` });
    return out;
  }
  const phoneNumberId = metadata.value.phone_number_id;
  const valuePath = `${path}.value`;
  listOf(value, 'errors', valuePath, out.invalid).forEach((input, i) => {
    const error = checkError(input);
    if (error.ok) out.items.push({ kind: 'account-error', path: `${valuePath}.errors.${i}`, phoneNumberId, error: error.value });
    else out.invalid.push({ path: `${valuePath}.errors.${i}`, reason: 'invalid-error', detail: firstIssue(graphErrorSchema, input) });
  });
  if (field === 'smb_message_echoes') planEchoes(value, valuePath, phoneNumberId, (metadata.value.display_phone_number ?? '').replace(/\D/g, ''), out);
  else if (field === 'history') planHistory(value, valuePath, phoneNumberId, (metadata.value.display_phone_number ?? '').replace(/\D/g, ''), out);
  else if (field === 'user_preferences') {
    listOf(value, 'user_preferences', valuePath, out.invalid).forEach((input, p) => {
      const at = `${valuePath}.user_preferences.${p}`;
      const pref = checkPreference(input);
      if (!pref.ok) return out.invalid.push({ path: at, reason: 'invalid-preference', detail: firstIssue(userPreferenceSchema, input) });
      const { wa_id, user_id, category, value: choice, timestamp } = pref.value;
      if (category !== 'marketing_messages' || (choice !== 'stop' && choice !== 'resume'))
        return out.invalid.push({ path: at, reason: 'unknown-preference', detail: `${category}: ${choice}`.slice(0, 300) });
      if (!wa_id && !user_id) return out.invalid.push({ path: at, reason: 'no-sender', detail: 'preference has neither wa_id nor user_id' });
      out.items.push({
        kind: 'user-preference',
        path: at,
        phoneNumberId,
        waId: wa_id || null,
        userId: user_id || null,
        optOut: choice === 'stop',
        timestamp: timestamp * 1000,
      });
    });
  } else if (field === 'smb_app_state_sync') {
    listOf(value, 'state_sync', valuePath, out.invalid).forEach((input, s) => {
      const at = `${valuePath}.state_sync.${s}`;
      const sync = checkSync(input);
      if (!sync.ok || sync.value.type !== 'contact' || !sync.value.contact)
        return out.invalid.push({
          path: at,
          reason: 'invalid-state-sync',
          detail: sync.ok ? `${sync.value.type} without a contact` : firstIssue(stateSyncSchema, input),
        });
      const action = sync.value.action === 'add' || sync.value.action === 'edit' || sync.value.action === 'remove' ? sync.value.action : null;
      if (!action) return out.invalid.push({ path: at, reason: 'invalid-state-sync', detail: `unknown action ${sync.value.action}`.slice(0, 300) });
      const contact = sync.value.contact;
      out.items.push({
        kind: 'app-contact',
        path: at,
        phoneNumberId,
        action,
        waId: contact.phone_number.replace(/\D/g, ''),
        name: cutToChars(contact.full_name || contact.first_name || '', 200),
      });
    });
  } else if (field === 'calls') {
    const contacts = contactsOf(value, valuePath, out.invalid);
    listOf(value, 'calls', valuePath, out.invalid).forEach((input, c) => {
      const at = `${valuePath}.calls.${c}`;
      const call = checkCall(input);
      if (!call.ok) return out.invalid.push({ path: at, reason: 'invalid-call', detail: firstIssue(callSchema, input) });
      const summary = callSummaryOf(call.value);
      if (!summary) return out.invalid.push({ path: at, reason: 'unknown-call-event', detail: call.value.event.slice(0, 300) });
      // The customer is the side that is not the business: `from` on their calls, `to` on the business's.
      const waId = (summary.direction === 'in' ? call.value.from : call.value.to) || null;
      const match = contacts.find((contact) => contact.wa_id === waId) ?? (contacts.length === 1 ? contacts[0] : undefined);
      const customerWaId = waId || match?.wa_id || null;
      if (!customerWaId && !match?.user_id) return out.invalid.push({ path: at, reason: 'no-sender', detail: 'call without the customer number' });
      const customer: CustomerIdentity = {
        waId: customerWaId,
        userId: match?.user_id ?? null,
        name: match?.profile?.name ?? null,
        username: match?.profile?.username ?? null,
        parentUserId: match?.parent_user_id ?? null,
      };
      out.items.push({ kind: 'call', path: at, phoneNumberId, customer, call: summary });
    });
  }
  return out;
}
