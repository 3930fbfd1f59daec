import { describe, expect, it } from 'vitest';
import type { StaffRole } from '../../schemas/directory';
import {
  authorizeDeskAction,
  canSeeConversation,
  DESK_ACTIONS,
  type DeskAction,
  type DeskActor,
  type DeskConversation,
  type DeskRequest,
} from './desk-authorization';

// The actor "me" belongs to teams `one` and `six`; the channel escalates to `esc`. Conversations are in `one` (my
// team), `two` (not mine) or no team; assigned to me, to `ben`, or nobody.
const policy = { escalationTeams: ['esc'] };
const me = (role: StaffRole): DeskActor => ({ id: 'me', role, teams: ['one', 'six'] });

type TeamCase = 'mine' | 'other' | 'none';
type AssigneeCase = 'me' | 'other' | 'none';
type Target = 'none' | 'own' | 'managed' | 'escalation' | 'elsewhere' | 'agent-in-team' | 'agent-outside';

interface Case {
  role: StaffRole;
  team: TeamCase;
  assignee: AssigneeCase;
  offeredToMe: boolean;
  declinedByMe: boolean;
  action: DeskAction;
  target: Target;
}

const TEAM_ID: Record<TeamCase, string | null> = { mine: 'one', other: 'two', none: null };

function conversationOf(c: Case): DeskConversation {
  return {
    teamId: TEAM_ID[c.team],
    assigneeId: c.assignee === 'me' ? 'me' : c.assignee === 'other' ? 'ben' : null,
    offeredTo: c.offeredToMe ? 'me' : null,
    offerDeclined: c.declinedByMe ? ['me'] : [],
  };
}

function requestOf(c: Case): DeskRequest {
  const teamTargets: Partial<Record<Target, string | null>> = { none: null, own: TEAM_ID[c.team], managed: 'six', escalation: 'esc', elsewhere: 'four' };
  if (c.action === 'escalate') return { action: 'escalate', targetTeamId: teamTargets[c.target] };
  if (c.action === 'assign')
    return { action: 'assign', targetAgent: { id: 'cy', teams: c.target === 'agent-in-team' ? [TEAM_ID[c.team] ?? 'one'] : ['seven'] } };
  return { action: c.action };
}

const TARGETS: Partial<Record<DeskAction, Target[]>> = {
  escalate: ['none', 'own', 'managed', 'escalation', 'elsewhere'],
  assign: ['agent-in-team', 'agent-outside'],
};

const cases: Case[] = [];
for (const role of ['agent', 'manager', 'admin'] as const)
  for (const team of ['mine', 'other', 'none'] as const)
    for (const assignee of ['me', 'other', 'none'] as const)
      for (const offeredToMe of [false, true])
        for (const declinedByMe of [false, true])
          for (const action of DESK_ACTIONS)
            for (const target of TARGETS[action] ?? ['none']) cases.push({ role, team, assignee, offeredToMe, declinedByMe, action, target });

/**
 * The expectation, written from the README's table rather than from the module: first the collection's view
 * rule in words, then per role what each route allows. Returns 'ok' or [status, reason].
 */
function expected(c: Case): 'ok' | [number, string] {
  const seesIt =
    c.role === 'admin' ||
    c.assignee === 'me' ||
    c.offeredToMe ||
    (c.assignee === 'none' && (c.team === 'mine' || c.team === 'none')) ||
    (c.role === 'manager' && c.team === 'mine');
  const racesForIt = (c.action === 'claim' || c.action === 'offer-answer') && c.team === 'mine';
  const passedOnIt = c.action === 'offer-answer' && c.declinedByMe;
  if (!seesIt && !racesForIt && !passedOnIt) return [404, 'not-found'];
  if (c.role === 'admin') return 'ok';
  if (['view', 'mark-read', 'claim', 'offer-answer'].includes(c.action)) return 'ok';
  if (c.action === 'handover') return c.assignee === 'me' ? 'ok' : [403, 'not-assignee'];

  const runsIt = c.role === 'manager' && (c.team === 'mine' || c.team === 'none');
  if (c.action === 'snooze') return c.assignee === 'me' || runsIt ? 'ok' : [403, c.role === 'manager' ? 'not-your-team' : 'not-assignee'];
  if (c.action === 'escalate') {
    if (!runsIt && c.assignee !== 'me') return [403, c.role === 'manager' ? 'not-your-team' : 'not-assignee'];
    const ownTeamOrQueue = c.target === 'none' || c.target === 'own';
    if (ownTeamOrQueue || c.target === 'escalation' || (runsIt && c.target === 'managed')) return 'ok';
    return [403, 'escalation-target-not-allowed'];
  }
  if (c.role === 'agent') return c.action === 'routing-preview' ? [403, 'staff-only'] : [403, 'forbidden'];
  if (!runsIt) return [403, 'not-your-team'];
  if (c.action === 'assign' && c.team !== 'none' && c.target === 'agent-outside') return [403, 'not-in-team'];
  return 'ok';
}

const label = (c: Case) =>
  `${c.role} ${c.action}${c.target === 'none' ? '' : `→${c.target}`} on team:${c.team} assignee:${c.assignee}${c.offeredToMe ? ' offered' : ''}${c.declinedByMe ? ' declined' : ''}`;

describe('authorizeDeskAction over every combination', () => {
  it('covers roles × team × assignee × offer × action × target', () => {
    expect(cases).toHaveLength(3 * 3 * 3 * 2 * 2 * (DESK_ACTIONS.length - 2 + 5 + 2));
  });

  it.each(DESK_ACTIONS)('decides %s as the table expects, for every role and conversation', (action) => {
    const wrong = cases
      .filter((c) => c.action === action)
      .flatMap((c) => {
        const decision = authorizeDeskAction(me(c.role), conversationOf(c), requestOf(c), policy);
        const got = decision.ok ? 'ok' : [decision.status, decision.reason];
        const want = expected(c);
        return JSON.stringify(got) === JSON.stringify(want) ? [] : [`${label(c)}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`];
      });
    expect(wrong).toEqual([]);
  });

  it('lets someone view exactly what the collection rule lets them see', () => {
    for (const c of cases.filter((x) => x.action === 'view')) {
      expect(authorizeDeskAction(me(c.role), conversationOf(c), { action: 'view' }, policy).ok, label(c)).toBe(
        canSeeConversation(me(c.role), conversationOf(c)),
      );
    }
  });

  it('never answers 403 where the actor cannot see the conversation, except to a claim or offer race they were part of', () => {
    for (const c of cases) {
      const decision = authorizeDeskAction(me(c.role), conversationOf(c), requestOf(c), policy);
      if (!decision.ok && decision.status === 403 && !canSeeConversation(me(c.role), conversationOf(c))) expect.fail(label(c));
    }
  });
});

describe('authorizeDeskAction, the cases that matter', () => {
  const conversation = (over: Partial<DeskConversation> = {}): DeskConversation => ({
    teamId: 'two',
    assigneeId: 'ben',
    offeredTo: null,
    offerDeclined: [],
    ...over,
  });

  it.each([
    [
      'a manager escalating another team’s conversation into their own team',
      'manager',
      conversation(),
      { action: 'escalate', targetTeamId: 'one' },
      [404, 'not-found'],
    ],
    [
      'a manager then assigning it to themselves',
      'manager',
      conversation(),
      { action: 'assign', targetAgent: { id: 'me', teams: ['one'] } },
      [404, 'not-found'],
    ],
    ['a manager previewing another team’s routing', 'manager', conversation({ assigneeId: null }), { action: 'routing-preview' }, [404, 'not-found']],
    ['a manager previewing their team’s routing', 'manager', conversation({ teamId: 'one' }), { action: 'routing-preview' }, 'ok'],
    [
      'a manager escalating their team’s conversation to a team they do not run',
      'manager',
      conversation({ teamId: 'one' }),
      { action: 'escalate', targetTeamId: 'four' },
      [403, 'escalation-target-not-allowed'],
    ],
    [
      'a manager escalating their team’s conversation to the channel’s escalation team',
      'manager',
      conversation({ teamId: 'one' }),
      { action: 'escalate', targetTeamId: 'esc' },
      'ok',
    ],
    [
      'a manager escalating another team’s conversation handed to them, back to its team',
      'manager',
      conversation({ assigneeId: 'me' }),
      { action: 'escalate', targetTeamId: null },
      'ok',
    ],
    [
      'a manager escalating another team’s conversation handed to them, into their team',
      'manager',
      conversation({ assigneeId: 'me' }),
      { action: 'escalate', targetTeamId: 'one' },
      [403, 'escalation-target-not-allowed'],
    ],
    [
      'an agent escalating a teammate’s conversation',
      'agent',
      conversation({ teamId: 'one' }),
      { action: 'escalate', targetTeamId: 'esc' },
      [404, 'not-found'],
    ],
    [
      'an agent escalating the team queue',
      'agent',
      conversation({ teamId: 'one', assigneeId: null }),
      { action: 'escalate', targetTeamId: 'esc' },
      [403, 'not-assignee'],
    ],
    [
      'an agent escalating their own to the escalation team',
      'agent',
      conversation({ teamId: 'one', assigneeId: 'me' }),
      { action: 'escalate', targetTeamId: 'esc' },
      'ok',
    ],
    [
      'an agent escalating their own to another team',
      'agent',
      conversation({ teamId: 'one', assigneeId: 'me' }),
      { action: 'escalate', targetTeamId: 'two' },
      [403, 'escalation-target-not-allowed'],
    ],
    ['an agent losing a claim race to a teammate', 'agent', conversation({ teamId: 'one' }), { action: 'claim' }, 'ok'],
    ['an agent answering an offer they passed on', 'agent', conversation({ assigneeId: null, offerDeclined: ['me'] }), { action: 'offer-answer' }, 'ok'],
    ['an agent answering another team’s offer', 'agent', conversation({ assigneeId: null, offeredTo: 'ben' }), { action: 'offer-answer' }, [404, 'not-found']],
    ['an admin escalating anywhere', 'admin', conversation(), { action: 'escalate', targetTeamId: 'four' }, 'ok'],
  ] as Array<[string, StaffRole, DeskConversation, DeskRequest, 'ok' | [number, string]]>)('%s', (_, role, c, request, want) => {
    const decision = authorizeDeskAction(me(role), c, request, policy);
    expect(decision.ok ? 'ok' : [decision.status, decision.reason]).toEqual(want);
  });
});
