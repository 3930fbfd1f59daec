import { describe, expect, it } from 'vitest';
import { agentRecordSchema } from '../schemas/directory';
import { assignTargets, canClaim, handoverTargets, transferKinds } from './transfer-options';

const agent = (spec: string) => {
  // 'id:status:team,team'
  const [id = '', status, teams = ''] = spec.split(':');
  return agentRecordSchema.parse({ id, name: id, status, teams: teams ? teams.split(',') : [] });
};
const agents = ['cy:online:t1', 'ana:online:t1', 'ben:away:t1', 'dee:offline:t1', 'eve:online:t2'].map(agent);
const open = (assignee: string, team = 't1') => ({ status: 'open' as const, assignee, team });

describe('transferKinds', () => {
  it.each([
    ['an agent on their own conversation', open('ana'), 'agent', ['handover', 'escalate']],
    ['an agent on a colleague’s', open('ben'), 'agent', []],
    ['an agent on an unassigned one', open(''), 'agent', []],
    ['a manager on an unassigned one', open(''), 'manager', ['escalate', 'assign']],
    ['a manager on an agent’s', open('ben'), 'manager', ['escalate', 'assign', 'unassign']],
    ['an admin on their own', open('ana'), 'admin', ['handover', 'escalate', 'assign', 'unassign']],
    ['anyone on a resolved one', { status: 'resolved' as const, assignee: 'ana', team: 't1' }, 'admin', []],
  ])('offers %s', (_, conversation, role, kinds) => {
    expect(transferKinds(conversation, { id: 'ana', role })).toEqual(kinds);
  });
});

describe('canClaim', () => {
  it('allows open, unassigned conversations only', () => {
    expect(canClaim(open(''))).toBe(true);
    expect(canClaim(open('ben'))).toBe(false);
    expect(canClaim({ status: 'resolved', assignee: '', team: '' })).toBe(false);
  });
});

describe('handoverTargets', () => {
  it('lists online colleagues by name, whatever their team, never oneself', () => {
    expect(handoverTargets(agents, { id: 'ana', role: 'agent' }).map((a) => a.id)).toEqual(['cy', 'eve']);
  });
});

describe('assignTargets', () => {
  it('lists the team’s agents, online first, without the current assignee', () => {
    expect(assignTargets(agents, open('cy')).map((a) => a.id)).toEqual(['ana', 'ben', 'dee']);
  });

  it('lists everyone for a conversation without a team', () => {
    expect(assignTargets(agents, open('', '')).map((a) => a.id)).toEqual(['ana', 'cy', 'eve', 'ben', 'dee']);
  });
});
