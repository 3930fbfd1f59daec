import type { SignedInStaff } from './staff-auth';

// Which conversations a search may show, as SQL over the alias `c`. It mirrors the conversations collection's
// view rule (`canRead` in pb_migrations/1764005300_scope_customer_access.js) term by term, so that
// search results are exactly what the collections would let this agent read; change both together.

/** The view rule's condition for `staff`, with its parameters (the agent's id and teams as a JSON array). */
export function conversationAccessSql(staff: SignedInStaff): { where: string; params: Record<string, unknown> } {
  // @request.auth.role = "admin"
  if (staff.role === 'admin') return { where: '1', params: {} };
  const myTeams = 'SELECT value FROM json_each({:accessTeams})';
  const terms = [
    // assignee = @request.auth.id
    'c.assignee = {:accessAgent}',
    // (assignee = "" && (team = "" || @request.auth.teams.id ?= team))
    `(c.assignee = '' AND (c.team = '' OR c.team IN (${myTeams})))`,
    // offered_to = @request.auth.id (the agent a conversation is offered to reads it)
    'c.offered_to = {:accessAgent}',
  ];
  // (@request.auth.role = "manager" && team != "" && @request.auth.teams.id ?= team): SQL's IN never matches ''
  if (staff.role === 'manager') terms.push(`c.team IN (${myTeams})`);
  return {
    where: `(${terms.join(' OR ')})`,
    params: { accessAgent: staff.record.id, accessTeams: JSON.stringify(staff.record.getStringSlice('teams')) },
  };
}
