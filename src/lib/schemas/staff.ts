import { z } from 'zod';
import { DEFAULT_OFFER_TIMEOUT_SECONDS } from '../domain/offers/offer-policy';
import { STAFF_ROLES } from './directory';

// What an admin may set on `teams` and `agents` records, with the collections' own limits, so the admin screens
// catch a mistake before PocketBase does. Skills and languages are compared lower-case by routing.

export { STAFF_ROLES };

/** How a team's new conversations reach an agent: assigned outright, or offered to one who accepts or declines. */
export const TEAM_ASSIGNMENT_MODES = ['assign', 'offer'] as const;
export type TeamAssignmentMode = (typeof TEAM_ASSIGNMENT_MODES)[number];

/** A `teams` record as the admin form writes it; the offer limits are the collection's own (10 s … 1 h). */
export const teamInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(1000).default(''),
  assignment_mode: z.enum(TEAM_ASSIGNMENT_MODES).default('assign'),
  offer_timeout_seconds: z.number().int().min(10).max(3600).default(DEFAULT_OFFER_TIMEOUT_SECONDS),
});
export type TeamInput = z.input<typeof teamInputSchema>;

const tag = (max: number) => z.string().trim().toLowerCase().min(1).max(max);

/** The fields of an `agents` record only an admin may change. */
export const agentSettingsSchema = z.object({
  role: z.enum(STAFF_ROLES),
  teams: z.array(z.string().min(1)).max(50),
  skills: z.array(tag(50)).max(50),
  languages: z.array(tag(16)).max(20),
  max_open: z.number().int().min(1).max(1000),
});
export type AgentSettings = z.infer<typeof agentSettingsSchema>;
