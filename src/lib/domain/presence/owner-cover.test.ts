import { describe, expect, it } from 'vitest';
import { routingSettingsSchema } from '../../schemas/routing';
import { decideRouting } from '../routing/routing-decision';
import type { RoutingAgent, RoutingInput } from '../routing/routing-input';

// Routing's one rule for shift schedules: an owner whose shift has ended is not "briefly away", so keep-owner gives
// way to a cover; with nobody else online the owner still keeps the customer (they are back at their next shift).
const now = Date.UTC(2026, 10, 25, 15, 0, 0);
const agent = (id: string, over: Partial<RoutingAgent> = {}): RoutingAgent => ({
  id,
  status: 'online',
  shiftEndsAt: null,
  teams: ['sales'],
  skills: [],
  languages: [],
  maxOpen: 5,
  openCount: 0,
  lastAssignedAt: null,
  lastMessageAt: null,
  ...over,
});
const input = (owner: Partial<RoutingAgent>, coverStatus: RoutingAgent['status'], ownerUnavailable: 'keep-owner' | 'team'): RoutingInput => ({
  conversation: { id: 'c1', channelId: 'ch1', firstMessageText: 'Hello again', createdAt: now, lastInboundAt: now, previousEscalations: 0, labels: [] },
  contact: { id: 'k1', ownerId: 'owner', isNew: false, vip: false, labels: [], language: null, attributes: {} },
  agents: [agent('owner', owner), agent('cover', { status: coverStatus })],
  settings: routingSettingsSchema.parse({ defaultTeamId: 'sales', returningCustomer: { ownerUnavailable } }),
  insideBusinessHours: true,
  localMinutes: 900,
});

describe('a returning customer whose owner is off', () => {
  it.each([
    ['off shift, keep-owner, a cover online → the cover', { status: 'offline', offShift: true }, 'online', 'keep-owner', 'cover', 'team'],
    ['off shift, team, a cover online → the cover', { status: 'offline', offShift: true }, 'online', 'team', 'cover', 'team'],
    [
      'off shift, keep-owner, nobody else online → kept by the owner',
      { status: 'offline', offShift: true },
      'offline',
      'keep-owner',
      'owner',
      'owner-everyone-offline',
    ],
    ['off by the toggle (no schedule), keep-owner → kept by the owner', { status: 'offline' }, 'online', 'keep-owner', 'owner', 'owner-kept'],
    ['away during their shift, keep-owner → kept by the owner', { status: 'away', offShift: false }, 'online', 'keep-owner', 'owner', 'owner-kept'],
  ] as const)('%s', (_, owner, coverStatus, ownerUnavailable, agentId, path) => {
    const decision = decideRouting(input(owner, coverStatus, ownerUnavailable), now, 0.5);
    expect(decision.agentId).toBe(agentId);
    expect(decision.path).toBe(path);
  });
});
