import { describe, expect, it } from 'vitest';
import type { StaffRole } from '../../schemas/directory';
import { authorizeShiftEdit, type DeskActor, type ShiftOwner } from './desk-authorization';

// "me" is in teams `one` and `six`. Whose shifts: my own, an agent of my team, of another team, of no team, a
// manager of my team, an admin of my team.
const me = (role: StaffRole): DeskActor => ({ id: 'me', role, teams: ['one', 'six'] });
const people: Record<string, ShiftOwner> = {
  'my own': { id: 'me', role: 'agent', teams: ['one'] },
  'an agent of my team': { id: 'ana', role: 'agent', teams: ['two', 'six'] },
  'an agent of another team': { id: 'ben', role: 'agent', teams: ['two'] },
  'an agent of no team': { id: 'cy', role: 'agent', teams: [] },
  'a manager of my team': { id: 'dee', role: 'manager', teams: ['one'] },
  'an admin of my team': { id: 'eve', role: 'admin', teams: ['one'] },
};

describe('authorizeShiftEdit', () => {
  it.each([
    ['agent', 'my own', 'allow'],
    ['agent', 'an agent of my team', 'forbidden'],
    ['agent', 'an agent of another team', 'forbidden'],
    ['agent', 'an agent of no team', 'forbidden'],
    ['agent', 'a manager of my team', 'forbidden'],
    ['agent', 'an admin of my team', 'forbidden'],
    ['manager', 'my own', 'allow'],
    ['manager', 'an agent of my team', 'allow'],
    ['manager', 'an agent of another team', 'not-your-team'],
    ['manager', 'an agent of no team', 'not-your-team'],
    ['manager', 'a manager of my team', 'forbidden'],
    ['manager', 'an admin of my team', 'forbidden'],
    ['admin', 'my own', 'allow'],
    ['admin', 'an agent of my team', 'allow'],
    ['admin', 'an agent of another team', 'allow'],
    ['admin', 'an agent of no team', 'allow'],
    ['admin', 'a manager of my team', 'allow'],
    ['admin', 'an admin of my team', 'allow'],
  ] as const)('a %s changing the shifts of %s: %s', (role, whose, expected) => {
    const decision = authorizeShiftEdit(me(role), people[whose]!);
    expect(decision.ok ? 'allow' : decision.reason).toBe(expected);
    if (!decision.ok) expect(decision.status).toBe(403);
  });
});
