import { describe, expect, it } from 'vitest';
import { canAssign, canClaim, canHandOver, isReplyOverdue, reassignMinutesFor, type AssignableConversation } from './manual-assignment';
import type { RoutingAgent } from './routing-input';

const minute = 60_000;
const now = Date.UTC(2026, 10, 25, 12, 0, 0);

function agent(id: string, over: Partial<RoutingAgent> = {}): RoutingAgent {
  return {
    id,
    status: 'online',
    shiftEndsAt: null,
    teams: ['sales'],
    skills: [],
    languages: ['es'],
    maxOpen: 3,
    openCount: 0,
    lastAssignedAt: null,
    lastMessageAt: null,
    ...over,
  };
}

function conversation(over: Partial<AssignableConversation> = {}): AssignableConversation {
  return { id: 'c1', assigneeId: null, teamId: 'sales', status: 'open', requiredSkills: [], ...over };
}

describe('canClaim', () => {
  it.each([
    ['an unassigned conversation in their team', {}, {}, null],
    ['a conversation without a team', {}, { teamId: null }, null],
    ['a resolved conversation', {}, { status: 'resolved' }, 'conversation-resolved'],
    ['a conversation someone else has', {}, { assigneeId: 'ben' }, 'already-assigned'],
    ['their own conversation', {}, { assigneeId: 'ana' }, 'already-yours'],
    ['while away', { status: 'away' }, {}, 'away'],
    ['while offline', { status: 'offline' }, {}, 'offline'],
    ['another team’s conversation', {}, { teamId: 'billing' }, 'not-in-team'],
    ['without a required skill', {}, { requiredSkills: ['pt'] }, 'missing-skill'],
    ['when full', { openCount: 3 }, {}, 'at-capacity'],
    ['when full by the channel default', { maxOpen: null, openCount: 2 }, {}, 'at-capacity'],
  ] as Array<[string, Partial<RoutingAgent>, Partial<AssignableConversation>, string | null]>)('an agent claiming %s: %s', (_, a, c, reason) => {
    expect(canClaim(agent('ana', a), conversation(c), 2)).toEqual(reason === null ? { ok: true } : { ok: false, reason });
  });
});

describe('canHandOver', () => {
  it.each([
    ['to an online colleague with room', {}, {}, null],
    ['to a colleague in another team', { teams: ['billing'] }, {}, null],
    ['a conversation that is not theirs', {}, { assigneeId: 'cy' }, 'not-assignee'],
    ['to themselves', { id: 'ana' }, {}, 'same-agent'],
    ['to an away colleague', { status: 'away' }, {}, 'recipient-away'],
    ['to an offline colleague', { status: 'offline' }, {}, 'recipient-offline'],
    ['to a full colleague', { openCount: 3 }, {}, 'recipient-at-capacity'],
    ['a resolved conversation', {}, { status: 'resolved' }, 'conversation-resolved'],
  ] as Array<[string, Partial<RoutingAgent>, Partial<AssignableConversation>, string | null]>)('handing over %s: %s', (_, to, c, reason) => {
    const result = canHandOver(agent('ana'), agent(to.id ?? 'ben', to), conversation({ assigneeId: 'ana', ...c }), 10);
    expect(result).toEqual(reason === null ? { ok: true } : { ok: false, reason });
  });
});

describe('canAssign', () => {
  // Who may assign is authorizeDeskAction's question; this is whether the assignment can happen now.
  it.each([
    ['to an agent with room', agent('ben', { teams: ['billing'] }), {}, null],
    ['to an offline agent', agent('ben', { status: 'offline' }), {}, null],
    ['past capacity', agent('ben', { openCount: 3 }), {}, 'at-capacity'],
    ['to the current assignee', agent('ben'), { assigneeId: 'ben' }, 'no-change'],
    ['on a resolved conversation', agent('ben'), { status: 'resolved' }, 'conversation-resolved'],
    ['unassigning', null, { assigneeId: 'ben' }, null],
    ['unassigning nobody', null, {}, 'no-change'],
  ] as Array<[string, RoutingAgent | null, Partial<AssignableConversation>, string | null]>)('assigning %s: %s', (_, target, c, reason) => {
    expect(canAssign(target, conversation(c), 10)).toEqual(reason === null ? { ok: true } : { ok: false, reason });
  });
});

describe('isReplyOverdue', () => {
  it.each([
    ['the customer waits past the limit', { assignedAt: now - 60 * minute, lastInboundAt: now - 31 * minute, lastAgentReplyAt: null }, true],
    ['exactly at the limit', { assignedAt: null, lastInboundAt: now - 30 * minute, lastAgentReplyAt: null }, true],
    ['still within the limit', { assignedAt: null, lastInboundAt: now - 29 * minute, lastAgentReplyAt: null }, false],
    ['the agent replied after the customer', { assignedAt: null, lastInboundAt: now - 90 * minute, lastAgentReplyAt: now - 80 * minute }, false],
    ['the customer wrote again after the reply', { assignedAt: null, lastInboundAt: now - 40 * minute, lastAgentReplyAt: now - 80 * minute }, true],
    ['a fresh assignee gets the full time', { assignedAt: now - 10 * minute, lastInboundAt: now - 90 * minute, lastAgentReplyAt: null }, false],
    ['the customer never wrote', { assignedAt: now - 90 * minute, lastInboundAt: null, lastAgentReplyAt: null }, false],
  ])('when %s: %s', (_, clock, expected) => {
    expect(isReplyOverdue(clock, now, 30)).toBe(expected);
  });

  it('finds the team limit', () => {
    const reassign = [{ teamId: 'sales', afterMinutes: 30 }];
    expect(reassignMinutesFor(reassign, 'sales')).toBe(30);
    expect(reassignMinutesFor(reassign, 'billing')).toBeNull();
    expect(reassignMinutesFor(reassign, null)).toBeNull();
  });
});
