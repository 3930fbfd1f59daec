import { describe, expect, it } from 'vitest';
import { DEFAULT_WAITING_PUSH, planWaitingPush, type WaitingQueue, type WaitingTeamMember } from './waiting-push';

const MIN = 60_000;
const now = Date.UTC(2026, 11, 7, 23, 30);

// Compact members: 'ana' offline with a device, 'ben*' online, 'cid-' offline without a device, 'kofi!' the sole agent.
function membersOf(specs: string[]): WaitingTeamMember[] {
  return specs.map((spec) => ({
    id: spec.replace(/[*!-]$/, ''),
    status: spec.endsWith('*') ? 'online' : 'offline',
    shiftEndsAt: null,
    soleAgent: spec.endsWith('!'),
    subscribed: !spec.endsWith('-'),
  }));
}

// Waiting conversations as 'id:priority:minutes ago'.
function waitingOf(specs: string[]): WaitingQueue['waiting'] {
  return specs.map((spec) => {
    const [id, priority, ago] = spec.split(':');
    return { id, priority: Number(priority), waitingSince: now - Number(ago) * MIN };
  });
}

const queue = (waiting: string[], members: string[], lastPushMinutesAgo: number | null = null): WaitingQueue => ({
  waiting: waitingOf(waiting),
  members: membersOf(members),
  lastPushAt: lastPushMinutesAgo === null ? null : now - lastPushMinutesAgo * MIN,
});

describe('planWaitingPush', () => {
  it('tells every subscribed member once how many customers wait, naming the first in line', () => {
    expect(planWaitingPush(queue(['c1:0:3', 'c2:0:5', 'c3:0:1'], ['ana', 'cid-', 'dan']), DEFAULT_WAITING_PUSH, now)).toEqual({
      push: true,
      count: 3,
      conversationId: 'c2',
      agentIds: ['ana', 'dan'],
    });
  });

  it('puts the highest priority first in line', () => {
    expect(planWaitingPush(queue(['c1:0:30', 'c2:120:1'], ['ana']), DEFAULT_WAITING_PUSH, now)).toMatchObject({ conversationId: 'c2' });
  });

  it.each([
    ['the team switched it off', ['c1:0:1'], ['ana'], null, { enabled: false, everyMinutes: 15 }, 'off'],
    ['nobody waits', [], ['ana'], null, DEFAULT_WAITING_PUSH, 'nobody-waiting'],
    ['a member is online to take it', ['c1:0:1'], ['ana', 'ben*'], null, DEFAULT_WAITING_PUSH, 'someone-online'],
    ['the desk is one person, who gets every conversation', ['c1:0:1'], ['kofi!'], null, DEFAULT_WAITING_PUSH, 'someone-online'],
    ['the last push was 14 minutes ago', ['c1:0:1'], ['ana'], 14, DEFAULT_WAITING_PUSH, 'too-soon'],
    ['the last push was 59 minutes ago with an hour between pushes', ['c1:0:1'], ['ana'], 59, { enabled: true, everyMinutes: 60 }, 'too-soon'],
    ['everyone waiting was already announced', ['c1:0:40', 'c2:0:20'], ['ana'], 16, DEFAULT_WAITING_PUSH, 'nothing-new'],
    ['no member has a device', ['c1:0:1'], ['ana-', 'cid-'], null, DEFAULT_WAITING_PUSH, 'nobody-subscribed'],
  ] as const)('pushes nothing when %s', (_, waiting, members, last, settings, reason) => {
    expect(planWaitingPush(queue([...waiting], [...members], last), settings, now)).toEqual({ push: false, reason });
  });

  it('pushes again once N minutes passed and a customer started waiting since', () => {
    expect(planWaitingPush(queue(['c1:0:40', 'c2:0:5'], ['ana'], 15), DEFAULT_WAITING_PUSH, now)).toMatchObject({ push: true, count: 2 });
  });

  it('never pushes twice within N minutes, whatever arrives (generated)', () => {
    for (let minutesAgo = 0; minutesAgo < 15; minutesAgo++) {
      const plan = planWaitingPush(queue(['c1:0:0', 'c2:50:0'], ['ana'], minutesAgo), DEFAULT_WAITING_PUSH, now);
      expect(plan).toEqual({ push: false, reason: 'too-soon' });
    }
  });
});
