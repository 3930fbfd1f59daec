// Claim, hand over, escalate, assign, unassign: online-only requests, because the server checks capacity and
// team membership at the moment it applies them. A refusal comes back as a stable reason the UI translates.
import type { AssignRequest, AssignResult } from '../schemas/assignment';

/** The slice of the PocketBase SDK this needs (lets tests stand in a fake server). */
export interface SendApi {
  send(path: string, options: Record<string, unknown>): Promise<unknown>;
}

/** The reason code of a failed request: the server's own, `no-connection` when no answer came, else by status. */
export function assignmentRefusal(error: unknown): string {
  const e = error as { status?: unknown; response?: { reason?: unknown } } | null;
  const status = typeof e?.status === 'number' ? e.status : 0;
  const reason = e?.response?.reason;
  if (typeof reason === 'string' && reason) return reason;
  if (status === 0) return 'no-connection';
  if (status === 401) return 'signed-out';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  return status >= 500 ? 'server-error' : 'invalid';
}

/** Asks the server to apply one assignment action to a conversation. Never throws. */
export async function requestAssignment(api: SendApi, conversationId: string, request: AssignRequest): Promise<AssignResult> {
  const body: Record<string, string> = { action: request.action };
  if (request.agentId) body.agentId = request.agentId;
  if (request.teamId) body.teamId = request.teamId;
  if (request.note?.trim()) body.note = request.note.trim();
  try {
    await api.send(`/api/pocketdesk/conversations/${encodeURIComponent(conversationId)}/assign`, { method: 'POST', body, requestKey: null });
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: assignmentRefusal(error) };
  }
}
