import { describe, expect, it } from 'vitest';
import { conversationRecordSchema } from '../schemas/conversation';
import { agentRecordSchema } from '../schemas/directory';
import { agentRows, boardConversations, isAwaitingReply, teamRows } from './team-board';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 9, minute)).toISOString();

/** Compact fixture: 'id team assignee status inbound-minute outbound-minute answered channel' ('-' for empty). */
function conversation(spec: string) {
  const [id, team, assignee, status, inbound, outbound, answered, channel] = spec.split(' ').map((part) => (part === '-' ? '' : part));
  return conversationRecordSchema.parse({
    id,
    team,
    assignee,
    status,
    contact: 'c',
    channel: channel || 'ch1',
    last_inbound_at: inbound ? at(Number(inbound)) : '',
    last_outbound_at: outbound ? at(Number(outbound)) : '',
    first_response_at: answered === 'yes' ? at(0) : '',
    created: at(0),
  });
}
const agent = (id: string, teams: string[], maxOpen = 0, status = 'online') => agentRecordSchema.parse({ id, name: id, teams, max_open: maxOpen, status });

const conversations = [
  'c1 t1 ana open 10 - no',
  'c2 t1 - open 5 - no',
  'c3 t1 ben pending 3 8 yes',
  'c4 t2 - open 20 - no ch2',
  'c5 t1 ana resolved 1 - no',
  'c6 - - open - - no',
].map(conversation);

describe('isAwaitingReply', () => {
  it.each([
    ['c1 t1 ana open 10 - no', true],
    ['c3 t1 ben pending 3 8 yes', false],
    ['c3 t1 ben open 9 8 yes', true],
    ['c5 t1 ana resolved 1 - no', false],
    ['c6 - - open - - no', false],
  ])('%s → %s', (spec, expected) => {
    expect(isAwaitingReply(conversation(spec))).toBe(expected);
  });
});

describe('teamRows', () => {
  it('counts open, unassigned, unanswered and the oldest wait per team, leaving resolved ones out', () => {
    const rows = teamRows(
      conversations,
      [
        { id: 't1', name: 'Field' },
        { id: 't2', name: 'Billing' },
        { id: 't3', name: 'Quiet' },
      ],
      ['t1', 't3'],
    );
    expect(rows.map((r) => [r.teamId, r.name, r.open, r.unassigned, r.noFirstResponse, r.oldestWaitingSince])).toEqual([
      ['t1', 'Field', 3, 1, 2, Date.parse(at(5))],
      ['', '', 1, 1, 1, null],
      ['t2', 'Billing', 1, 1, 1, Date.parse(at(20))],
      ['t3', 'Quiet', 0, 0, 0, null],
    ]);
  });
});

describe('agentRows', () => {
  it('shows the given teams’ agents with their open load against capacity, fullest first', () => {
    const agents = [agent('ana', ['t1'], 4), agent('ben', ['t1', 't2'], 1), agent('cy', ['t2'])];
    expect(agentRows(conversations, agents, ['t1']).map((r) => [r.agent.id, r.open, r.capacity])).toEqual([
      ['ben', 1, 1],
      ['ana', 1, 4],
    ]);
    expect(agentRows(conversations, agents, null).map((r) => r.agent.id)).toEqual(['ben', 'ana', 'cy']);
  });
});

describe('boardConversations', () => {
  it.each([
    ['', 'all', ['c2', 'c1', 'c4', 'c3', 'c6']],
    ['', 'unassigned', ['c2', 'c4', 'c6']],
    ['', 'no-response', ['c2', 'c1', 'c4', 'c6']],
    ['ch2', 'all', ['c4']],
  ] as const)('channel %j, filter %s lists the longest waiting first', (channel, filter, ids) => {
    expect(boardConversations(conversations, channel, filter).map((c) => c.id)).toEqual(ids);
  });
});
