// The people routes as the admin screens call them: inputs checked with the server's own schemas first, answers as
// SaveResults with the server's field errors (see settings-errors.ts).
import type PocketBase from 'pocketbase';
import { agentInviteSchema, teamRemovalSchema, type AgentInvitation, type AgentInvite } from '../schemas/people';
import { errorsFromIssues, failureOf, onListInputs, type FieldErrorMap, type SaveResult } from './settings-errors';
import { wordsOf } from './word-list';

export interface InviteDraft {
  name: string;
  email: string;
  role: 'agent' | 'manager' | 'admin';
  teams: string[];
  skills: string;
  languages: string;
  max_open: number | null;
}

export const emptyInvite = (): InviteDraft => ({ name: '', email: '', role: 'agent', teams: [], skills: '', languages: '', max_open: 5 });

async function post<T>(pb: PocketBase, path: string, body: unknown): Promise<SaveResult<T>> {
  try {
    return { ok: true, value: (await pb.send(path, { method: 'POST', body, requestKey: null })) as T };
  } catch (error) {
    return failureOf(error);
  }
}

/** The invitation to send, or field errors keyed like the form (`skills`, not `skills.2`). */
export function checkInviteDraft(draft: InviteDraft): { ok: true; input: AgentInvite } | { ok: false; errors: FieldErrorMap } {
  const parsed = agentInviteSchema.safeParse({
    ...draft,
    skills: wordsOf(draft.skills),
    languages: wordsOf(draft.languages),
    max_open: draft.max_open ?? undefined,
  });
  return parsed.success
    ? { ok: true, input: parsed.data }
    : { ok: false, errors: onListInputs(errorsFromIssues(parsed.error.issues), ['skills', 'languages', 'teams']) };
}

/** Creates the colleague; the answer holds their temporary password, which the server never shows again. */
export const sendInvite = (pb: PocketBase, input: AgentInvite) => post<AgentInvitation>(pb, '/api/pocketdesk/agents', input);

/** Checks, then sends (what the integration tests drive). */
export async function inviteAgent(pb: PocketBase, draft: InviteDraft): Promise<SaveResult<AgentInvitation>> {
  const checked = checkInviteDraft(draft);
  return checked.ok ? sendInvite(pb, checked.input) : { ok: false, reason: 'invalid', errors: checked.errors };
}

export const deactivateAgent = (pb: PocketBase, id: string) =>
  post<{ ok: true; requeued: number }>(pb, `/api/pocketdesk/agents/${encodeURIComponent(id)}/deactivate`, {});
export const reactivateAgent = (pb: PocketBase, id: string) => post<AgentInvitation>(pb, `/api/pocketdesk/agents/${encodeURIComponent(id)}/reactivate`, {});

/** Removes a team, moving its conversations, channels and reviews to `moveTo` (null: it must own none). */
export async function removeTeam(pb: PocketBase, id: string, moveTo: string | null): Promise<SaveResult<{ ok: true; moved: number }>> {
  const parsed = teamRemovalSchema.safeParse({ moveTo });
  if (!parsed.success) return { ok: false, reason: 'invalid', errors: errorsFromIssues(parsed.error.issues) };
  return post(pb, `/api/pocketdesk/teams/${encodeURIComponent(id)}/remove`, parsed.data);
}
