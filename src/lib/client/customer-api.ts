// A customer's details as staff edit them in a conversation, and an admin's data requests (export, erase).
import type PocketBase from 'pocketbase';
import { contactEditSchema, type ContactEdit } from '../schemas/contact-edit';
import { errorsFromIssues, failureOf, type FieldErrorMap, type SaveResult } from './settings-errors';

export interface ContactDraft {
  name: string;
  language: string;
  /** One `key: value` per line. */
  attributes: string;
}

export function contactDraftOf(contact: { name?: string; language?: string; attributes?: unknown }): ContactDraft {
  const attributes = typeof contact.attributes === 'object' && contact.attributes !== null ? Object.entries(contact.attributes as Record<string, unknown>) : [];
  return { name: contact.name ?? '', language: contact.language ?? '', attributes: attributes.map(([k, v]) => `${k}: ${String(v)}`).join('\n') };
}

/** The edit to send, or field errors; a line without `:` is refused on the attributes field. */
export function checkContactDraft(draft: ContactDraft): { ok: true; input: ContactEdit } | { ok: false; errors: FieldErrorMap } {
  const attributes: Record<string, string> = {};
  for (const line of draft.attributes
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const at = line.indexOf(':');
    if (at < 1) return { ok: false, errors: { attributes: { code: 'invalid-attribute-line', message: 'Write each attribute as key: value.' } } };
    attributes[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  const parsed = contactEditSchema.safeParse({ ...draft, attributes });
  if (parsed.success) return { ok: true, input: parsed.data };
  // Every attribute problem lands on the one attributes input.
  const errors: FieldErrorMap = {};
  for (const [path, problem] of Object.entries(errorsFromIssues(parsed.error.issues))) errors[path.startsWith('attributes') ? 'attributes' : path] ??= problem;
  return { ok: false, errors };
}

export async function saveContact(pb: PocketBase, id: string, data: Record<string, unknown>): Promise<SaveResult<Record<string, unknown>>> {
  try {
    return { ok: true, value: await pb.collection('contacts').update(id, data, { requestKey: null }) };
  } catch (error) {
    const failure = failureOf(error);
    const errors: FieldErrorMap = {};
    for (const [path, problem] of Object.entries(failure.errors)) errors[path.startsWith('attributes') ? 'attributes' : path] ??= problem;
    return { ...failure, errors };
  }
}

/** Everything held about the customer, as the JSON file the export route answers. */
export async function exportCustomer(pb: PocketBase, id: string): Promise<SaveResult<string>> {
  try {
    const data = await pb.send(`/api/pocketdesk/contacts/${encodeURIComponent(id)}/export`, { method: 'GET', requestKey: null });
    return { ok: true, value: JSON.stringify(data, null, 2) };
  } catch (error) {
    return failureOf(error);
  }
}

export async function eraseCustomer(pb: PocketBase, id: string): Promise<SaveResult<{ erasedMessages: number }>> {
  try {
    return { ok: true, value: await pb.send(`/api/pocketdesk/contacts/${encodeURIComponent(id)}/erase`, { method: 'POST', requestKey: null }) };
  } catch (error) {
    return failureOf(error);
  }
}

/** Who would get the conversation now (the dry-run routing decision), for managers and admins. */
export async function previewRouting(
  pb: PocketBase,
  conversationId: string,
): Promise<SaveResult<{ agentId: string | null; teamId: string | null; outcome: string; path: string }>> {
  try {
    return {
      ok: true,
      value: await pb.send(`/api/pocketdesk/conversations/${encodeURIComponent(conversationId)}/routing-preview`, { method: 'GET', requestKey: null }),
    };
  } catch (error) {
    return failureOf(error);
  }
}
