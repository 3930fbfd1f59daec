import { describe, expect, it } from 'vitest';
import { rowActionsOf } from './row-actions';

const open = (assignee: string) => ({ status: 'open' as const, assignee, team: 't1' });

describe('rowActionsOf', () => {
  it.each([
    ['an agent on an unassigned conversation', open(''), 'agent', { claim: true, resolve: false, snooze: false, swipeRight: 'claim', swipeLeft: null }],
    ['an agent on their own', open('ana'), 'agent', { claim: false, resolve: true, snooze: true, swipeRight: 'resolve', swipeLeft: 'snooze' }],
    ['an agent on a colleague’s', open('ben'), 'agent', { claim: false, resolve: false, snooze: false, swipeRight: null, swipeLeft: null }],
    ['a manager on an agent’s', open('ben'), 'manager', { claim: false, resolve: true, snooze: true, swipeRight: 'resolve', swipeLeft: 'snooze' }],
    ['a manager on an unassigned one', open(''), 'manager', { claim: true, resolve: false, snooze: true, swipeRight: 'claim', swipeLeft: 'snooze' }],
    [
      'anyone on a resolved one',
      { status: 'resolved' as const, assignee: 'ana', team: 't1' },
      'admin',
      { claim: false, resolve: false, snooze: false, swipeRight: null, swipeLeft: null },
    ],
  ])('offers %s', (_, conversation, role, expected) => {
    expect(rowActionsOf(conversation, { id: 'ana', role })).toEqual(expected);
  });

  it('offers nothing before the session is known', () => {
    expect(rowActionsOf(open(''), null).swipeRight).toBeNull();
  });
});
