import * as z from 'zod/mini';
import { agentSettingsSchema } from './staff';

// What an admin sends to add a colleague or remove a team (the /api/pocketdesk/agents and /teams routes): the same
// schema checks the form on the device and the body on the server.

/** A new colleague: who they are and the admin-only fields; the server picks their temporary password. */
export const agentInviteSchema = z.extend(agentSettingsSchema, {
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  email: z.pipe(z.string().check(z.trim(), z.toLowerCase(), z.maxLength(255)), z.email()),
});
export type AgentInvite = z.infer<typeof agentInviteSchema>;

/** Removing a team: where its conversations (and channels that default to it) go; null when it has none. */
export const teamRemovalSchema = z.object({ moveTo: z._default(z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(40))), null) });
export type TeamRemoval = z.infer<typeof teamRemovalSchema>;

/** The answer to an invitation: the account and the password to hand over, shown once and never stored readable. */
export interface AgentInvitation {
  id: string;
  email: string;
  temporaryPassword: string;
}
