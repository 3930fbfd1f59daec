import { describe, expect, it } from 'vitest';
import { slaAlertRecipients, type AlertStaff } from './sla-alert-recipients';

// Compact staff: 'name:role@team1,team2' with a trailing '-' for an inactive person (deactivated or an API key).
function staffOf(specs: string[]): AlertStaff[] {
  return specs.map((spec) => {
    const active = !spec.endsWith('-');
    const [name, rest] = spec.replace(/-$/, '').split(':');
    const [role, teams] = rest.split('@');
    return { id: name, role: role as AlertStaff['role'], teams: teams ? teams.split(',') : [], active };
  });
}

describe('slaAlertRecipients', () => {
  it.each([
    ['the team managers', ['mia:manager@sales', 'max:manager@sales', 'ada:admin', 'ben:agent@sales'], 'sales', 'team-managers', ['mia', 'max']],
    ['the team managers, not other teams\u2019', ['mia:manager@sales', 'tom:manager@billing', 'ada:admin'], 'billing', 'team-managers', ['tom']],
    ['the admins when the team has no manager', ['tom:manager@billing', 'ada:admin', 'ann:admin', 'ben:agent@sales'], 'sales', 'admins', ['ada', 'ann']],
    ['the admins when the conversation has no team', ['mia:manager@sales', 'ada:admin'], null, 'admins', ['ada']],
    ['the admins when the team manager is deactivated', ['mia:manager@sales-', 'ada:admin'], 'sales', 'admins', ['ada']],
    ['the single agent when there is no manager or admin', ['kofi:agent@sales'], 'sales', 'sole-agent', ['kofi']],
    ['the single agent beside an API key account', ['kofi:agent', 'key:admin-'], null, 'sole-agent', ['kofi']],
    ['the shop owner who is the only admin', ['kofi:admin'], null, 'admins', ['kofi']],
    ['nobody when several agents have no manager or admin', ['kofi:agent', 'ama:agent'], null, 'nobody', []],
    ['nobody on an empty desk', [], 'sales', 'nobody', []],
  ] as const)('alerts %s', (_, specs, teamId, audience, agentIds) => {
    expect(slaAlertRecipients(staffOf([...specs]), teamId)).toEqual({ audience, agentIds: [...agentIds] });
  });
});
