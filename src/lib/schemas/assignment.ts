// What the PWA asks of POST /api/pocketdesk/conversations/{id}/assign, and what it makes of the answer.

export const ASSIGN_ACTIONS = ['claim', 'assign', 'unassign', 'handover', 'escalate'] as const;
export type AssignAction = (typeof ASSIGN_ACTIONS)[number];

export interface AssignRequest {
  action: AssignAction;
  /** The colleague for `handover` and `assign`. */
  agentId?: string;
  /** The team for `escalate`. */
  teamId?: string;
  /** Added to the conversation as an internal note (escalations). */
  note?: string;
}

/** The server's answer: done, or refused with a stable reason (`already-assigned`, `at-capacity`, `offline`…). */
export type AssignResult = { ok: true } | { ok: false; reason: string };

/** Longest note the notes collection keeps. */
export const ASSIGN_NOTE_LIMIT = 10_000;
