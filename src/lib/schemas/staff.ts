import * as z from 'zod/mini';
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
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  description: z._default(z.string().check(z.trim(), z.maxLength(1000)), ''),
  assignment_mode: z._default(z.enum(TEAM_ASSIGNMENT_MODES), 'assign'),
  offer_timeout_seconds: z._default(z.number().check(z.int(), z.gte(10), z.lte(3600)), DEFAULT_OFFER_TIMEOUT_SECONDS),
  /** Conversations a cover took while their owner was off shift go back to the owner at the next shift start. */
  hand_back_to_owner: z._default(z.boolean(), false),
});
export type TeamInput = z.input<typeof teamInputSchema>;

const tag = (max: number) => z.string().check(z.trim(), z.toLowerCase(), z.minLength(1), z.maxLength(max));

/** The fields of an `agents` record only an admin may change. */
export const agentSettingsSchema = z.object({
  role: z.enum(STAFF_ROLES),
  teams: z.array(z.string().check(z.minLength(1))).check(z.maxLength(50)),
  skills: z.array(tag(50)).check(z.maxLength(50)),
  languages: z.array(tag(16)).check(z.maxLength(20)),
  max_open: z.number().check(z.int(), z.gte(1), z.lte(1000)),
});
export type AgentSettings = z.infer<typeof agentSettingsSchema>;
