// The team and agent forms: records as the admin screens read them, working copies, and what is sent.
import { z } from 'zod';
import { DEFAULT_OFFER_TIMEOUT_SECONDS } from '../domain/offers/offer-policy';
import { agentSettingsSchema, teamInputSchema, type AgentSettings, type TeamAssignmentMode, type TeamInput } from '../schemas/staff';
import { STAFF_ROLES, type StaffRole } from '../schemas/directory';
import { errorsFromIssues, onListInputs, type FieldErrorMap } from './settings-errors';
import { textOfWords, wordsOf } from './word-list';

const text = z
  .string()
  .nullish()
  .transform((value) => value ?? '');
const words = z
  .unknown()
  .optional()
  .transform((value) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []));

export const teamAdminRecordSchema = z.object({
  id: z.string(),
  name: text,
  description: text,
  assignment_mode: z
    .string()
    .nullish()
    .transform((value): TeamAssignmentMode => (value === 'offer' ? 'offer' : 'assign')),
  offer_timeout_seconds: z
    .number()
    .nullish()
    .transform((value) => (value && value > 0 ? value : DEFAULT_OFFER_TIMEOUT_SECONDS)),
  hand_back_to_owner: z
    .boolean()
    .nullish()
    .transform((value) => value === true),
});
export type TeamAdminRecord = z.infer<typeof teamAdminRecordSchema>;

export const agentAdminRecordSchema = z.object({
  id: z.string(),
  name: text,
  email: text,
  role: z
    .string()
    .nullish()
    .transform((value): StaffRole => (STAFF_ROLES.includes(value as StaffRole) ? (value as StaffRole) : 'agent')),
  teams: z
    .array(z.string())
    .nullish()
    .transform((value) => value ?? []),
  skills: words,
  languages: words,
  max_open: z
    .number()
    .nullish()
    .transform((value) => value ?? 0),
  /** '' while the colleague may sign in. */
  deactivated_at: text,
});
export type AgentAdminRecord = z.infer<typeof agentAdminRecordSchema>;

export interface TeamDraft {
  name: string;
  description: string;
  assignment_mode: TeamAssignmentMode;
  /** Bound to a number input: null while it is empty. */
  offer_timeout_seconds: number | null;
  hand_back_to_owner: boolean;
}

export const teamDraftOf = (team: TeamAdminRecord | null): TeamDraft => ({
  name: team?.name ?? '',
  description: team?.description ?? '',
  assignment_mode: team?.assignment_mode ?? 'assign',
  offer_timeout_seconds: team?.offer_timeout_seconds ?? DEFAULT_OFFER_TIMEOUT_SECONDS,
  hand_back_to_owner: team?.hand_back_to_owner ?? false,
});

/** The team to send, or field errors. */
export function checkTeamDraft(draft: TeamDraft): { ok: true; input: TeamInput } | { ok: false; errors: FieldErrorMap } {
  const parsed = teamInputSchema.safeParse({ ...draft, offer_timeout_seconds: draft.offer_timeout_seconds ?? undefined });
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, errors: errorsFromIssues(parsed.error.issues) };
}

export interface AgentDraft {
  role: StaffRole;
  teams: string[];
  skills: string;
  languages: string;
  /** `null` while the number input is empty. */
  max_open: number | null;
}

export const agentDraftOf = (agent: AgentAdminRecord): AgentDraft => ({
  role: agent.role,
  teams: [...agent.teams],
  skills: textOfWords(agent.skills),
  languages: textOfWords(agent.languages),
  // 0 is PocketBase's "never set": the form shows it empty and asks for a number.
  max_open: agent.max_open > 0 ? agent.max_open : null,
});

/** The admin-only fields to send, or field errors keyed like the form (`skills`, not `skills.2`). */
export function checkAgentDraft(draft: AgentDraft): { ok: true; input: AgentSettings } | { ok: false; errors: FieldErrorMap } {
  const parsed = agentSettingsSchema.safeParse({ ...draft, skills: wordsOf(draft.skills), languages: wordsOf(draft.languages) });
  return parsed.success
    ? { ok: true, input: parsed.data }
    : { ok: false, errors: onListInputs(errorsFromIssues(parsed.error.issues), ['skills', 'languages', 'teams']) };
}
