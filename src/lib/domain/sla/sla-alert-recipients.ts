import { soleAgentOf } from '../routing/agent-availability';

// An SLA breach alert that reaches nobody is worse than none: the desk believes it is watched. So it goes to the
// conversation's team managers, else to the admins, else to the one person who runs the desk alone.

/** A person on the desk as the SLA alert sees them; API-key accounts and deactivated people are not `active`. */
export interface AlertStaff {
  id: string;
  role: 'agent' | 'manager' | 'admin';
  teams: readonly string[];
  active: boolean;
}

export type SlaAlertAudience = 'team-managers' | 'admins' | 'sole-agent' | 'nobody';

export interface SlaAlertRecipients {
  audience: SlaAlertAudience;
  agentIds: string[];
}

/** Who is told that a conversation of `teamId` (null: no team) missed its SLA. */
export function slaAlertRecipients(staff: readonly AlertStaff[], teamId: string | null): SlaAlertRecipients {
  const active = staff.filter((person) => person.active);
  const managers = teamId === null ? [] : active.filter((person) => person.role === 'manager' && person.teams.includes(teamId));
  if (managers.length) return { audience: 'team-managers', agentIds: managers.map((person) => person.id) };
  const admins = active.filter((person) => person.role === 'admin');
  if (admins.length) return { audience: 'admins', agentIds: admins.map((person) => person.id) };
  const sole = soleAgentOf(staff);
  return sole === null ? { audience: 'nobody', agentIds: [] } : { audience: 'sole-agent', agentIds: [sole] };
}
