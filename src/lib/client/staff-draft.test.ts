import { describe, expect, it } from 'vitest';
import { agentAdminRecordSchema, agentDraftOf, checkAgentDraft, checkTeamDraft, teamAdminRecordSchema, teamDraftOf } from './staff-draft';

const agent = agentAdminRecordSchema.parse({ id: 'a1', name: 'Ana', role: 'agent', teams: ['t1'], skills: ['billing'], languages: ['es', 'en'], max_open: 4 });

describe('checkAgentDraft', () => {
  it('sends skills and languages as lower-case lists', () => {
    const draft = { ...agentDraftOf(agent), skills: 'Billing, Returns', languages: 'ES', role: 'manager' as const };
    expect(checkAgentDraft(draft)).toEqual({
      ok: true,
      input: { role: 'manager', teams: ['t1'], skills: ['billing', 'returns'], languages: ['es'], max_open: 4 },
    });
  });

  it.each([
    [{ max_open: null }, 'max_open'],
    [{ max_open: 1001 }, 'max_open'],
    [{ max_open: 2.5 }, 'max_open'],
    [{ languages: 'a-language-tag-too-long' }, 'languages'],
  ])('refuses %j on %s', (change, field) => {
    const checked = checkAgentDraft({ ...agentDraftOf(agent), ...change });
    expect(checked.ok ? [] : Object.keys(checked.errors)).toEqual([field]);
  });

  it('shows a never-set capacity as empty, not as 0', () => {
    expect(agentDraftOf(agentAdminRecordSchema.parse({ id: 'a2', max_open: 0 })).max_open).toBeNull();
  });
});

describe('checkTeamDraft', () => {
  it('trims the name and refuses a blank one', () => {
    expect(checkTeamDraft({ ...teamDraftOf(null), name: '  Sales ' })).toEqual({
      ok: true,
      input: { name: 'Sales', description: '', assignment_mode: 'assign', offer_timeout_seconds: 60, hand_back_to_owner: false },
    });
    const blank = checkTeamDraft(teamDraftOf(null));
    expect(blank.ok ? [] : Object.keys(blank.errors)).toEqual(['name']);
  });

  it('keeps an offer team’s timeout within the collection’s 10 s … 1 h, and an empty one means the default', () => {
    const offer = { ...teamDraftOf(null), name: 'Field', assignment_mode: 'offer' as const };
    expect(checkTeamDraft({ ...offer, offer_timeout_seconds: 90 })).toMatchObject({ ok: true, input: { assignment_mode: 'offer', offer_timeout_seconds: 90 } });
    expect(checkTeamDraft({ ...offer, offer_timeout_seconds: null })).toMatchObject({ ok: true, input: { offer_timeout_seconds: 60 } });
    for (const seconds of [5, 3601, 12.5]) {
      const refused = checkTeamDraft({ ...offer, offer_timeout_seconds: seconds });
      expect(refused.ok ? [] : Object.keys(refused.errors)).toEqual(['offer_timeout_seconds']);
    }
  });

  it('reads a team saved before offers existed as assigning, with the default timeout', () => {
    const draft = teamDraftOf(teamAdminRecordSchema.parse({ id: 't1', name: 'Old', description: null }));
    expect(draft).toMatchObject({ assignment_mode: 'assign', offer_timeout_seconds: 60 });
    expect(teamDraftOf(teamAdminRecordSchema.parse({ id: 't2', name: 'New', assignment_mode: 'offer', offer_timeout_seconds: 45 }))).toMatchObject({
      assignment_mode: 'offer',
      offer_timeout_seconds: 45,
    });
  });
});
