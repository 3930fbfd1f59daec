import { z } from 'zod';
import { agentSettingsSchema } from './staff';

// What an admin sends to add a colleague or remove a team (the /api/pocketdesk/agents and /teams routes): the same
// schema checks the form on the device and the body on the server.

/** A new colleague: who they are and the admin-only fields; the server picks their temporary password. */
export const agentInviteSchema = agentSettingsSchema.extend({
  name: z.string().trim().min(1).max(100),
  email: z.string().trim().toLowerCase().max(255).pipe(z.email()),
});
export type AgentInvite = z.infer<typeof agentInviteSchema>;

/** Removing a team: where its conversations (and channels that default to it) go; null when it has none. */
export const teamRemovalSchema = z.object({ moveTo: z.string().trim().min(1).max(40).nullable().default(null) });
export type TeamRemoval = z.infer<typeof teamRemovalSchema>;

/** The answer to an invitation: the account and the password to hand over, shown once and never stored readable. */
export interface AgentInvitation {
  id: string;
  email: string;
  temporaryPassword: string;
}
