import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY, pickSlaPolicy, type ScopedSlaPolicy } from './sla-policy';

const scoped = (channelId: string | null, teamId: string | null, firstResponseMinutes: number): ScopedSlaPolicy => ({
  ...DEFAULT_SLA_POLICY,
  channelId,
  teamId,
  firstResponseMinutes,
});
const policies = [scoped(null, null, 1), scoped('wa-1', null, 2), scoped(null, 'sales', 3), scoped('wa-1', 'sales', 4), scoped(null, 'sales', 99)];

describe('pickSlaPolicy', () => {
  it.each([
    ['the channel and team policy for both', 'wa-1', 'sales', 4],
    ['the team policy (the first of two) over the channel catch-all', 'wa-2', 'sales', 3],
    ['the channel policy when the team has none', 'wa-1', 'support', 2],
    ['the channel policy for an unteamed conversation', 'wa-1', null, 2],
    ['the catch-all when nothing else matches', 'wa-2', 'support', 1],
  ])('picks %s', (_, channelId, teamId, minutes) => {
    expect(pickSlaPolicy(policies, { channelId, teamId })?.firstResponseMinutes).toBe(minutes);
  });

  it('answers null when no policy matches', () => {
    expect(pickSlaPolicy([scoped('wa-1', null, 2)], { channelId: 'wa-2', teamId: null })).toBeNull();
  });
});
