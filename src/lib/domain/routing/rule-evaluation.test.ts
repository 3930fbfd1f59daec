import { describe, expect, it } from 'vitest';
import { routingRuleSchema, type RoutingRule, type RoutingRuleInput } from '../../schemas/routing';
import { applyRules, isWithinMinutes, languageMatches, PATTERN_INPUT_LIMIT, type RuleFacts } from './rule-evaluation';
import { foldText } from './text-folding';

const rule = (input: Partial<RoutingRuleInput> = {}): RoutingRule => routingRuleSchema.parse({ name: 'r', teamId: 'matched', ...input });

function facts(over: Partial<RuleFacts> = {}): RuleFacts {
  const text = over.text ?? 'Hello there';
  return {
    text,
    folded: foldText(text),
    language: 'en',
    channelId: 'ch1',
    vip: false,
    labels: [],
    attributes: {},
    insideBusinessHours: true,
    localMinutes: 600,
    ...over,
  };
}

const matches = (r: RoutingRule, f: RuleFacts): boolean => applyRules([r], f).teamId === 'matched';

describe('rule conditions', () => {
  it.each([
    ['REFUND please', ['refund'], true],
    ['Quiero un reembólso', ['reembolso'], true],
    ['quiero un REEMBOLSO', ['Reembólso'], true],
    ['refunded already', ['refund'], false],
    ['refunded already', ['refund*'], true],
    ['my order never came', ['cancel', 'never came'], true],
    ['prefund', ['refund'], false],
  ])('a message %j matches keywords %j: %s', (text, keywords, expected) => {
    expect(matches(rule({ keywords }), facts({ text }))).toBe(expected);
  });

  it.each([
    ['Order #12345 is late', 'order\\s*#?\\d{5}', true],
    ['ORDER 12345', 'order\\s*#?\\d{5}', true],
    ['order 12', 'order\\s*#?\\d{5}', false],
    ['anything', '', true],
  ])('a message %j matches /%s/i: %s', (text, pattern, expected) => {
    expect(matches(rule({ pattern }), facts({ text }))).toBe(expected);
  });

  it('tests the pattern against the start of the message only', () => {
    const text = `${'x'.repeat(PATTERN_INPUT_LIMIT)} refund`;
    expect(matches(rule({ pattern: 'refund' }), facts({ text }))).toBe(false);
    expect(matches(rule({ keywords: ['refund'] }), facts({ text }))).toBe(true);
  });

  it.each([
    [['es'], 'es', true],
    [['es'], 'es-MX', true],
    [['ES'], 'es_419', true],
    [['es'], 'en', false],
    [['pt', 'es'], 'pt', true],
    [['es'], null, false],
  ])('a rule for languages %j matches a customer speaking %s: %s', (languages, language, expected) => {
    expect(matches(rule({ languages }), facts({ language }))).toBe(expected);
  });

  it.each([
    [{ vip: true }, { vip: true }, true],
    [{ vip: true }, { vip: false }, false],
    [{ vip: false }, { vip: false }, true],
    [{ channelIds: ['ch1'] }, {}, true],
    [{ channelIds: ['ch2'] }, {}, false],
    [{ labels: ['wholesale'] }, { labels: ['wholesale', 'x'] }, true],
    [{ labels: ['wholesale'] }, { labels: ['retail'] }, false],
    [{ businessHours: 'inside' }, { insideBusinessHours: true }, true],
    [{ businessHours: 'inside' }, { insideBusinessHours: false }, false],
    [{ businessHours: 'outside' }, { insideBusinessHours: false }, true],
    [{ timeOfDay: { from: 540, to: 1020 } }, { localMinutes: 600 }, true],
    [{ timeOfDay: { from: 540, to: 1020 } }, { localMinutes: 1020 }, false],
    [{ timeOfDay: { from: 1320, to: 360 } }, { localMinutes: 30 }, true],
    [{ timeOfDay: { from: 1320, to: 360 } }, { localMinutes: 600 }, false],
  ] as Array<[Partial<RoutingRuleInput>, Partial<RuleFacts>, boolean]>)('a rule with %j on facts %j matches: %s', (conditions, over, expected) => {
    expect(matches(rule(conditions), facts(over))).toBe(expected);
  });

  it.each([
    [{ field: 'city', op: 'equals', value: 'São Paulo' }, { city: 'sao paulo' }, true],
    [{ field: 'city', op: 'equals', value: 'Lima' }, { city: 'Lima Norte' }, false],
    [{ field: 'city', op: 'contains', value: 'lima' }, { city: 'Lima Norte' }, true],
    [{ field: 'plan', op: 'equals', value: 'gold' }, { plan: ['silver', 'Gold'] }, true],
    [{ field: 'orders', op: 'equals', value: '3' }, { orders: 3 }, true],
    [{ field: 'wholesale', op: 'equals', value: 'true' }, { wholesale: true }, true],
    [{ field: 'email', op: 'is-set' }, { email: 'a@b.c' }, true],
    [{ field: 'email', op: 'is-set' }, { email: '' }, false],
    [{ field: 'email', op: 'not-set' }, {}, true],
    [{ field: 'email', op: 'not-set' }, { email: null }, true],
    [{ field: 'toString', op: 'is-set' }, {}, false],
  ] as const)('a rule with attribute %j on %j matches: %s', (attribute, attributes, expected) => {
    expect(matches(rule({ attributes: [attribute] }), facts({ attributes }))).toBe(expected);
  });

  it('needs every condition of a rule to hold', () => {
    const vipRefund = rule({ keywords: ['refund'], vip: true });
    expect(matches(vipRefund, facts({ text: 'refund', vip: true }))).toBe(true);
    expect(matches(vipRefund, facts({ text: 'refund', vip: false }))).toBe(false);
    expect(matches(vipRefund, facts({ text: 'hello', vip: true }))).toBe(false);
  });

  it('matches everything when a rule has no conditions', () => {
    expect(matches(rule(), facts())).toBe(true);
  });

  it('ignores a disabled rule', () => {
    expect(applyRules([rule({ enabled: false })], facts())).toMatchObject({ teamId: null, matched: [] });
  });
});

describe('rule actions', () => {
  it('lets the first rule to name a team or agent win, adds up skills and labels, and keeps the highest priority', () => {
    const effects = applyRules(
      [
        rule({ name: 'spanish', teamId: null, languages: ['es'], skills: ['ES'], addLabels: ['es'] }),
        rule({ name: 'refund', teamId: 'billing', keywords: ['reembolso'], skills: ['billing'], priority: 'high', addLabels: ['refund', 'es'] }),
        rule({ name: 'vip', teamId: 'vip', agentId: 'ana', vip: true, priority: 'urgent' }),
        rule({ name: 'calm', teamId: 'other', agentId: 'ben', priority: 'low' }),
        rule({ name: 'never', teamId: 'x', keywords: ['zzz'] }),
      ],
      facts({ text: 'quiero un reembolso', language: 'es', vip: true }),
    );
    expect(effects).toEqual({
      teamId: 'billing',
      agentId: 'ana',
      agentRule: { index: 2, name: 'vip' },
      skills: ['es', 'billing'],
      labels: ['es', 'refund'],
      priority: 'urgent',
      teamOverridesOwner: false,
      matched: [
        { index: 0, name: 'spanish' },
        { index: 1, name: 'refund' },
        { index: 2, name: 'vip' },
        { index: 3, name: 'calm' },
      ],
      skipped: [],
    });
  });

  it('stops at a matching rule that says stop, but not at one that does not match', () => {
    const rules = [
      rule({ name: 'a', teamId: null, keywords: ['zzz'], stop: true }),
      rule({ name: 'b', teamId: 't1', stop: true }),
      rule({ name: 'c', teamId: 't2', addLabels: ['late'] }),
    ];
    const effects = applyRules(rules, facts());
    expect(effects.matched.map((m) => m.name)).toEqual(['b']);
    expect(effects.teamId).toBe('t1');
    expect(effects.labels).toEqual([]);
  });
});

describe('broken rules', () => {
  it.each([
    ['(a+)+$', 'nested-quantifier'],
    ['(', 'invalid-pattern'],
    ['x'.repeat(300), 'pattern-too-long'],
  ])('skips a rule whose pattern %s is %s and goes on with the next', (pattern, reason) => {
    const effects = applyRules(
      [rule({ name: 'bad', pattern, teamId: 'bad' }), rule({ name: 'good', teamId: 'good' })],
      facts({ text: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' }),
    );
    expect(effects.teamId).toBe('good');
    expect(effects.skipped).toEqual([{ index: 0, name: 'bad', reason, detail: expect.any(String) }]);
  });

  it.each([
    ['keywords that are not a list', { keywords: 42 }],
    ['attributes that are not objects', { attributes: [null] }],
    ['a missing languages list', { languages: undefined }],
    ['a null rule', null],
  ])('skips a rule with %s instead of throwing', (_, damage) => {
    const broken = (damage === null ? null : { ...rule({ name: 'broken', teamId: 'bad' }), ...damage }) as unknown as RoutingRule;
    const effects = applyRules([broken, rule({ name: 'good', teamId: 'good', addLabels: ['ok'] })], facts());
    expect(effects.teamId).toBe('good');
    expect(effects.labels).toEqual(['ok']);
    expect(effects.skipped).toEqual([{ index: 0, name: damage === null ? 'Rule 1' : 'broken', reason: 'rule-error', detail: expect.any(String) }]);
  });

  it('leaves no trace of a rule that throws while its actions are read', () => {
    const broken = { ...rule({ name: 'half', teamId: 'bad', addLabels: ['bad'] }), skills: [null] } as unknown as RoutingRule;
    const effects = applyRules([broken], facts());
    expect(effects).toMatchObject({ teamId: null, labels: [], skills: [], matched: [] });
    expect(effects.skipped[0].reason).toBe('rule-error');
  });
});

describe('helpers', () => {
  it.each([
    [0, 0, 0, false],
    [539, 540, 1020, false],
    [540, 540, 1020, true],
    [1439, 1320, 360, true],
    [360, 1320, 360, false],
  ])('minute %s within [%s, %s): %s', (minutes, from, to, expected) => {
    expect(isWithinMinutes(minutes, from, to)).toBe(expected);
  });

  it('matches a bare language code against regional variants only one way', () => {
    expect(languageMatches('es', 'es-AR')).toBe(true);
    expect(languageMatches('es-ar', 'es')).toBe(false);
  });
});
