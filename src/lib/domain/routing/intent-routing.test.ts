import { describe, expect, it } from 'vitest';
import { routingSettingsSchema, type RoutingSettingsInput } from '../../schemas/routing';
import { decideIntent, type IntentInput } from './intent-routing';
import { decideRouting } from './routing-decision';
import type { RoutingAgent, RoutingInput } from './routing-input';

const now = Date.UTC(2026, 11, 7, 15, 0, 0);

function agent(id: string, teams: string[]): RoutingAgent {
  return { id, status: 'online', shiftEndsAt: null, teams, skills: [], languages: [], maxOpen: 5, openCount: 0, lastAssignedAt: null, lastMessageAt: null };
}

const cards: IntentInput = {
  intent: 'cards|',
  name: 'Cards',
  confidence: 0.82,
  alternatives: [
    { intent: 'billing|', name: 'Billing', confidence: 0.1 },
    { intent: 'support|', name: 'Support', confidence: 0.05 },
    { intent: 'sales|', name: 'Sales', confidence: 0.03 },
  ],
  teamId: 'cards',
  labels: ['delivery'],
  minConfidence: 0.6,
};

function input(
  over: { intent?: IntentInput | null; settings?: RoutingSettingsInput; text?: string; escalationTeamId?: string; ownerId?: string } = {},
): RoutingInput {
  return {
    conversation: {
      id: 'c1',
      channelId: 'ch1',
      firstMessageText: over.text ?? 'my card never arrived',
      createdAt: now,
      lastInboundAt: now,
      previousEscalations: 0,
      labels: [],
    },
    contact: { id: 'k1', ownerId: over.ownerId ?? null, isNew: true, vip: false, labels: [], language: 'en', attributes: {} },
    agents: [agent('ana', ['support']), agent('ben', ['cards']), agent('cy', ['billing'])],
    settings: routingSettingsSchema.parse({ defaultTeamId: 'support', ...over.settings }),
    insideBusinessHours: true,
    localMinutes: 600,
    intent: over.intent === undefined ? cards : over.intent,
    escalationTeamId: over.escalationTeamId ?? null,
  };
}

describe('decideIntent', () => {
  it.each<[string, number, { byRule: boolean; byEscalation: boolean }, string, boolean]>([
    ['sure enough, nothing decided before', 0.82, { byRule: false, byEscalation: false }, 'applied', true],
    ['exactly at the threshold', 0.6, { byRule: false, byEscalation: false }, 'applied', true],
    ['below the threshold', 0.59, { byRule: false, byEscalation: false }, 'below-threshold', false],
    ['a rule named a team or agent', 0.99, { byRule: true, byEscalation: false }, 'rule-decided', false],
    ['an escalation names the team', 0.99, { byRule: false, byEscalation: true }, 'escalation', false],
  ])('%s → %s', (_, confidence, decided, reason, applied) => {
    expect(decideIntent({ ...cards, confidence }, decided)).toMatchObject({ reason, applied, confidence, intent: 'cards|' });
  });

  it('gives nothing without a prediction, and keeps three alternatives at most', () => {
    expect(decideIntent(null, { byRule: false, byEscalation: false })).toBeNull();
    const many = { ...cards, alternatives: [...cards.alternatives, { intent: 'x|', name: 'X', confidence: 0.01 }] };
    expect(decideIntent(many, { byRule: false, byEscalation: false })!.alternatives.map((a) => a.intent)).toEqual(['billing|', 'support|', 'sales|']);
  });
});

describe('hybrid routing in decideRouting', () => {
  it('sends the conversation to the predicted intent’s team with its labels when no rule decided', () => {
    const decision = decideRouting(input(), now, 0.5);
    expect(decision).toMatchObject({ teamId: 'cards', agentId: 'ben', labels: ['delivery'] });
    expect(decision.intent).toMatchObject({ applied: true, reason: 'applied', confidence: 0.82 });
  });

  it('takes the default path below the confidence threshold, and still logs the prediction', () => {
    const decision = decideRouting(input({ intent: { ...cards, confidence: 0.4 } }), now, 0.5);
    expect(decision).toMatchObject({ teamId: 'support', agentId: 'ana', labels: [] });
    expect(decision.intent).toMatchObject({ applied: false, reason: 'below-threshold' });
  });

  it('lets a rule naming a team win over the model', () => {
    const settings = { rules: [{ name: 'Cards to billing', keywords: ['card'], teamId: 'billing' }] };
    const decision = decideRouting(input({ settings }), now, 0.5);
    expect(decision).toMatchObject({ teamId: 'billing', agentId: 'cy', matchedRule: { name: 'Cards to billing' } });
    expect(decision.intent).toMatchObject({ applied: false, reason: 'rule-decided' });
  });

  it('adds the intent’s labels to a rule that only labelled, without a team', () => {
    const settings = { rules: [{ name: 'Tag', keywords: ['card'], addLabels: ['vip-lane'] }] };
    const decision = decideRouting(input({ settings }), now, 0.5);
    expect(decision.teamId).toBe('cards');
    expect(decision.labels).toEqual(['vip-lane', 'delivery']);
  });

  it('routes as before when there is no model', () => {
    const decision = decideRouting(input({ intent: null }), now, 0.5);
    expect(decision).toMatchObject({ teamId: 'support', intent: null });
  });

  it('never overrides an escalation’s team', () => {
    expect(decideRouting(input({ escalationTeamId: 'billing' }), now, 0.5)).toMatchObject({ teamId: 'billing', intent: { reason: 'escalation' } });
  });
});
