import { describe, expect, it } from 'vitest';
import { checkRoutingSettings, DEFAULT_ROUTING_SETTINGS, routingSettingsSchema, type RoutingSettings, type RoutingSettingsInput } from '../../schemas/routing';
import { validateRoutingSettings } from './settings-validation';

const context = { teamIds: ['sales', 'billing'], agentIds: ['ana', 'ben'] };
const validate = (input: RoutingSettingsInput) => validateRoutingSettings(routingSettingsSchema.parse(input), context);

describe('routing settings defaults', () => {
  it('work from an empty document', () => {
    expect(DEFAULT_ROUTING_SETTINGS).toMatchObject({
      defaultTeamId: null,
      newCustomer: {
        agentsOnline: { teamId: null, algorithm: 'in_order', autoReply: { enabled: true, text: '' } },
        agentsOffline: { teamId: null, algorithm: 'in_order', autoReply: { enabled: true, text: '' } },
      },
      returningCustomer: { ownerUnavailable: 'team', teamId: null, algorithm: 'in_order', autoReply: { enabled: false } },
      rules: [],
      capacity: { defaultMaxOpen: 10 },
      language: { minConfidence: 0.3 },
      backlog: { algorithm: 'least_chats' },
      reassign: [],
      escalationTeams: [],
    });
    expect(validateRoutingSettings(DEFAULT_ROUTING_SETTINGS, { teamIds: [], agentIds: [] })).toEqual({});
  });

  it('fill in what an older document lacks and keep what it has', () => {
    const parsed = routingSettingsSchema.parse({ newCustomer: { agentsOnline: { teamId: 'sales' } }, rules: [{ name: 'r', keywords: ['refund'] }] });
    expect(parsed.newCustomer.agentsOnline).toEqual({ teamId: 'sales', algorithm: 'in_order', autoReply: { enabled: true, text: '' } });
    expect(parsed.rules[0]).toMatchObject({ name: 'r', enabled: true, keywords: ['refund'], pattern: null, stop: false, skills: [] });
  });

  it('do not share lists between parses', () => {
    const a = routingSettingsSchema.parse({});
    const b = routingSettingsSchema.parse({});
    expect(a.rules).not.toBe(b.rules);
    expect(a.priority.urgencyWords).not.toBe(b.priority.urgencyWords);
  });
});

describe('validateRoutingSettings', () => {
  it.each([
    ['a regex that does not compile', { rules: [{ name: 'a' }, { name: 'b' }, { name: 'c', pattern: '([a-z' }] }, 'rules.2.pattern', 'invalid-pattern'],
    ['a nested quantifier', { rules: [{ name: 'a', pattern: '(a+)+$' }] }, 'rules.0.pattern', 'nested-quantifier'],
    ['a repeated star', { rules: [{ name: 'a', pattern: '(.*)*' }] }, 'rules.0.pattern', 'nested-quantifier'],
    ['an overlapping alternation', { rules: [{ name: 'a', pattern: '(a|aa)*b' }] }, 'rules.0.pattern', 'overlapping-alternation'],
    ['a very long pattern', { rules: [{ name: 'a', pattern: 'refund|'.repeat(40) + 'x' }] }, 'rules.0.pattern', 'pattern-too-long'],
    ['lookbehind', { rules: [{ name: 'a', pattern: '(?<!no )refund' }] }, 'rules.0.pattern', 'unsupported-pattern'],
    ['an unknown rule team', { rules: [{ name: 'a', teamId: 'ghost' }] }, 'rules.0.teamId', 'unknown-team'],
    ['a deleted agent', { rules: [{ name: 'a' }, { name: 'b', agentId: 'carl' }] }, 'rules.1.agentId', 'unknown-agent'],
    ['an unknown default team', { defaultTeamId: 'ghost' }, 'defaultTeamId', 'unknown-team'],
    ['an unknown new-customer team', { newCustomer: { agentsOffline: { teamId: 'ghost' } } }, 'newCustomer.agentsOffline.teamId', 'unknown-team'],
    ['an unknown returning-customer team', { returningCustomer: { teamId: 'ghost' } }, 'returningCustomer.teamId', 'unknown-team'],
    ['an unknown reassign team', { reassign: [{ teamId: 'ghost', afterMinutes: 30 }] }, 'reassign.0.teamId', 'unknown-team'],
    ['an unknown escalation team', { escalationTeams: ['sales', 'ghost'] }, 'escalationTeams.1', 'unknown-team'],
    ['an escalation team listed twice', { escalationTeams: ['sales', 'billing', 'sales'] }, 'escalationTeams.2', 'duplicate-team'],
    ['a keyword of punctuation only', { rules: [{ name: 'a', keywords: ['refund', '!!!'] }] }, 'rules.0.keywords.1', 'empty-keyword'],
    ['an empty time range', { rules: [{ name: 'a', timeOfDay: { from: 600, to: 600 } }] }, 'rules.0.timeOfDay', 'empty-time-range'],
  ] as Array<[string, RoutingSettingsInput, string, string]>)('rejects %s', (_, input, path, code) => {
    const errors = validate(input);
    expect(Object.keys(errors)).toEqual([path]);
    expect(errors[path]).toEqual({ code, message: expect.any(String) });
  });

  it.each([[0], [-3], [1.5]])('rejects a capacity of %s even on settings built in code', (defaultMaxOpen) => {
    const settings: RoutingSettings = { ...DEFAULT_ROUTING_SETTINGS, capacity: { defaultMaxOpen } };
    expect(validateRoutingSettings(settings, context)).toEqual({ 'capacity.defaultMaxOpen': { code: 'capacity-too-low', message: expect.any(String) } });
  });

  it('accepts sensible settings that use every feature', () => {
    expect(
      validate({
        defaultTeamId: 'sales',
        newCustomer: {
          agentsOnline: { teamId: 'sales', algorithm: 'least_chats' },
          agentsOffline: { teamId: 'sales', autoReply: { enabled: false, text: '' } },
        },
        returningCustomer: { ownerUnavailable: 'keep-owner', teamId: 'billing' },
        rules: [
          { name: 'refund', keywords: ['refund', 'reembolso*'], pattern: 'order\\s*#?\\d+', teamId: 'billing', priority: 'high', stop: true },
          { name: 'vip', vip: true, agentId: 'ana', addLabels: ['vip'] },
          { name: 'night', timeOfDay: { from: 1320, to: 360 }, businessHours: 'outside', languages: ['es'], skills: ['es'] },
        ],
        reassign: [{ teamId: 'billing', afterMinutes: 30 }],
        escalationTeams: ['billing'],
      }),
    ).toEqual({});
  });

  it('reports every problem at once, one per field', () => {
    const errors = validate({ defaultTeamId: 'x', rules: [{ name: 'a', pattern: '(', teamId: 'y', agentId: 'z' }] });
    expect(Object.keys(errors).sort()).toEqual(['defaultTeamId', 'rules.0.agentId', 'rules.0.pattern', 'rules.0.teamId']);
  });
});

describe('checkRoutingSettings', () => {
  it('returns parsed settings when everything is right', () => {
    const check = checkRoutingSettings({ rules: [{ name: 'r', teamId: 'sales' }] }, context);
    expect(check.ok && check.settings.rules[0].teamId).toBe('sales');
    expect(checkRoutingSettings(null, context)).toEqual({ ok: true, settings: DEFAULT_ROUTING_SETTINGS });
  });

  it('turns shape problems into field errors', () => {
    const check = checkRoutingSettings(
      { capacity: { defaultMaxOpen: 0 }, rules: [{ name: '' }], newCustomer: { agentsOnline: { algorithm: 'fastest' } } },
      context,
    );
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(Object.keys(check.errors).sort()).toEqual(['capacity.defaultMaxOpen', 'newCustomer.agentsOnline.algorithm', 'rules.0.name']);
      expect(check.errors['capacity.defaultMaxOpen'].code).toBe('invalid-value');
    }
  });

  it('turns context problems into field errors', () => {
    expect(checkRoutingSettings({ rules: [{ name: 'r', pattern: '(a|a)+' }] }, context)).toEqual({
      ok: false,
      errors: { 'rules.0.pattern': { code: 'overlapping-alternation', message: expect.any(String) } },
    });
  });
});
