import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTING_SETTINGS, routingSettingsSchema } from '../schemas/routing';
import { checkRoutingDraft, moveRuleUp, newRuleDraft, routingDraftOf, routingFormErrors, routingInputOf } from './routing-draft';

const context = { teamIds: ['team1'], agentIds: ['agent1'] };
const stored = {
  defaultTeamId: 'team1',
  rules: [
    {
      name: 'Refunds',
      keywords: ['refund', 'money back'],
      vip: true,
      businessHours: 'outside',
      labels: ['l1'],
      timeOfDay: { from: 60, to: 120 },
      teamId: 'team1',
      priority: 'high',
    },
  ],
  priority: { urgencyWords: ['urgent', 'ya'], points: { vip: 80 } },
  reassign: [{ teamId: 'team1', afterMinutes: 15 }],
  escalationTeams: ['team1'],
};

describe('routingDraftOf / routingInputOf', () => {
  it('round-trips stored settings, including rule conditions the form has no input for', () => {
    const settings = routingSettingsSchema.parse(stored);
    expect(routingSettingsSchema.parse(routingInputOf(routingDraftOf(stored)))).toEqual(settings);
  });

  it('starts an unset or unreadable document from the defaults', () => {
    expect(routingSettingsSchema.parse(routingInputOf(routingDraftOf(null)))).toEqual(DEFAULT_ROUTING_SETTINGS);
    expect(routingDraftOf({ rules: 'nope' }).rules).toEqual([]);
  });

  it('sends "no team" and a blank pattern as null, and comma lists as arrays', () => {
    const draft = routingDraftOf(null);
    draft.rules.push({ ...newRuleDraft(1), keywords: 'refund, price', pattern: '', languages: 'ES' });
    const input = routingInputOf(draft);
    expect(input.defaultTeamId).toBeNull();
    expect(input.rules?.[0]).toMatchObject({ keywords: ['refund', 'price'], pattern: null, languages: ['ES'], teamId: null, agentId: null });
  });
});

describe('checkRoutingDraft', () => {
  it('accepts the defaults', () => {
    expect(checkRoutingDraft(routingDraftOf(null), context).ok).toBe(true);
  });

  it('reports unknown teams, unsafe patterns and empty keywords on the inputs that hold them', () => {
    const draft = routingDraftOf(stored);
    draft.agentsOffline.teamId = 'gone';
    draft.rules[0]!.pattern = '(a+)+$';
    draft.rules[0]!.keywords = 'refund, !!!';
    const checked = checkRoutingDraft(draft, context);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.errors).sort()).toEqual(['agentsOffline.teamId', 'rules.0.keywords', 'rules.0.pattern']);
    expect(checked.errors['agentsOffline.teamId']?.code).toBe('unknown-team');
    expect(checked.errors['rules.0.keywords']?.code).toBe('empty-keyword');
  });

  it('reports a cleared number on its input instead of using a default', () => {
    const draft = routingDraftOf(null);
    draft.defaultMaxOpen = null;
    const checked = checkRoutingDraft(draft, context);
    expect(checked.ok ? [] : Object.keys(checked.errors)).toEqual(['defaultMaxOpen']);
  });
});

describe('routingFormErrors', () => {
  it.each([
    ['newCustomer.agentsOnline.autoReply.text', 'agentsOnline.autoReply.text'],
    ['returningCustomer.teamId', 'returning.teamId'],
    ['capacity.defaultMaxOpen', 'defaultMaxOpen'],
    ['language.minConfidence', 'minConfidence'],
    ['rules.3.skills.0', 'rules.3.skills'],
    ['reassign.0.teamId', 'reassign.0.teamId'],
  ])('puts the server’s %s on %s', (path, field) => {
    expect(Object.keys(routingFormErrors({ [path]: { code: 'x', message: '' } }))).toEqual([field]);
  });
});

describe('moveRuleUp', () => {
  it('moves a rule one place earlier and leaves the first where it is', () => {
    const rules = ['a', 'b', 'c'].map((name) => ({ ...newRuleDraft(1), name }));
    moveRuleUp(rules, 2);
    expect(rules.map((r) => r.name)).toEqual(['a', 'c', 'b']);
    moveRuleUp(rules, 0);
    expect(rules.map((r) => r.name)).toEqual(['a', 'c', 'b']);
  });
});

describe('reassignment', () => {
  it('edits the per-team hand-back minutes and reports an unknown team or a cleared number on its row', () => {
    const draft = routingDraftOf(stored);
    expect(draft.reassign).toEqual([{ teamId: 'team1', afterMinutes: 15 }]);
    draft.reassign.push({ teamId: 'gone', afterMinutes: 30 });
    const unknown = checkRoutingDraft(draft, context);
    expect(unknown.ok ? [] : Object.keys(unknown.errors)).toEqual(['reassign.1.teamId']);
    draft.reassign[1] = { teamId: 'team1', afterMinutes: null };
    const cleared = checkRoutingDraft(draft, context);
    expect(cleared.ok ? [] : Object.keys(cleared.errors)).toEqual(['reassign.1.afterMinutes']);
  });
});

describe('escalation teams', () => {
  it('keeps the channel’s escalation teams through the form and reports one that no longer exists', () => {
    const draft = routingDraftOf(stored);
    expect(draft.escalationTeams).toEqual(['team1']);
    draft.escalationTeams.push('gone');
    const unknown = checkRoutingDraft(draft, context);
    expect(unknown.ok ? [] : Object.keys(unknown.errors)).toEqual(['escalationTeams.1']);
  });
});

describe('priority policy', () => {
  it('reports a bad urgency word on the words input and a cleared point on its own input', () => {
    const draft = routingDraftOf(stored);
    expect(draft.priority.urgencyWords).toBe('urgent, ya');
    expect(draft.rules[0]).toMatchObject({ vip: 'yes', businessHours: 'outside' });
    draft.priority.urgencyWords = `ok, ${'x'.repeat(61)}`;
    draft.priority.points.vip = null;
    const checked = checkRoutingDraft(draft, context);
    expect(checked.ok ? [] : Object.keys(checked.errors).sort()).toEqual(['priority.points.vip', 'priority.urgencyWords']);
  });
});

describe('customer history conditions and points (issue #20)', () => {
  it('edits "escalated before" and "rated low before" on a rule, empty meaning any customer, and reports a zero count', () => {
    const draft = routingDraftOf({ rules: [{ name: 'Supervisors', escalatedBefore: 2, lowRatingBefore: true, teamId: 'team1' }] });
    expect(draft.rules[0]).toMatchObject({ escalatedBefore: 2, lowRatingBefore: 'yes' });
    expect(routingSettingsSchema.parse(routingInputOf(draft)).rules[0]).toMatchObject({ escalatedBefore: 2, lowRatingBefore: true });
    draft.rules[0]!.escalatedBefore = null;
    draft.rules[0]!.lowRatingBefore = '';
    expect(routingSettingsSchema.parse(routingInputOf(draft)).rules[0]).toMatchObject({ escalatedBefore: null, lowRatingBefore: null });
    draft.rules[0]!.escalatedBefore = 0;
    const checked = checkRoutingDraft(draft, context);
    expect(checked.ok ? [] : Object.keys(checked.errors)).toEqual(['rules.0.escalatedBefore']);
  });

  it('keeps the history points and the slow-resolution minutes through the form', () => {
    const draft = routingDraftOf({ priority: { points: { lowRating: 70 }, slowResolutionMinutes: 90 } });
    expect(draft.priority).toMatchObject({ slowResolutionMinutes: 90, points: { lowRating: 70, negativeMessage: 30, urgentMessage: 40 } });
    draft.priority.slowResolutionMinutes = null;
    const checked = checkRoutingDraft(draft, context);
    expect(checked.ok ? [] : Object.keys(checked.errors)).toEqual(['priority.slowResolutionMinutes']);
  });
});
