import { describe, expect, it } from 'vitest';
import type { ConversationTimeline } from './conversation-timeline';
import { byAgent, byChannel, byTeam } from './metric-groups';

const day = Date.UTC(2026, 5, 15);
const range = { from: day, to: day + 86_400_000 };
const plain = { schedule: null, port: null };
function timeline(id: string, assigneeId: string | null, teamId: string | null, channelId: string): ConversationTimeline {
  return {
    id,
    channelId,
    teamId,
    assigneeId,
    createdAt: day + 3_600_000,
    firstInboundAt: day + 3_600_000,
    firstResponseAt: null,
    resolvedAt: null,
    resolvedBy: null,
    reopenCount: 0,
    handoverCount: 0,
    events: [],
  };
}
const all = [
  timeline('1', 'ben', 'sales', 'wa-2'),
  timeline('2', 'ana', 'sales', 'wa-1'),
  timeline('3', null, null, 'wa-1'),
  timeline('4', 'ben', 'support', 'wa-1'),
];
const opened = (groups: ReturnType<typeof byAgent>) => groups.map((group) => [group.key, group.summary.opened]);

describe('grouped summaries', () => {
  it('summarizes per assignee in id order, the unassigned last', () => {
    expect(opened(byAgent(all, range, plain))).toEqual([
      ['ana', 1],
      ['ben', 2],
      [null, 1],
    ]);
  });

  it('summarizes per team', () => {
    expect(opened(byTeam(all, range, plain))).toEqual([
      ['sales', 2],
      ['support', 1],
      [null, 1],
    ]);
  });

  it('summarizes per channel', () => {
    expect(opened(byChannel(all, range, plain))).toEqual([
      ['wa-1', 3],
      ['wa-2', 1],
    ]);
  });

  it('answers no groups for no conversations', () => {
    expect(byAgent([], range, plain)).toEqual([]);
  });
});
