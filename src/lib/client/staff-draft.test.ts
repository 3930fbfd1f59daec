import { describe, expect, it } from 'vitest';
import { agentAdminRecordSchema, agentDraftOf, checkAgentDraft, checkTeamDraft, teamDraftOf } from './staff-draft';

const agent = agentAdminRecordSchema.parse({ id: 'a1', name: 'Ana', role: 'agent', teams: ['t1'], skills: ['billing'], languages: ['es', 'en'], max_open: 4 });

describe('checkAgentDraft', () => {
  it('sends skills and languages as lower-case lists', () => {
    const draft = { ...agentDraftOf(agent), skills: 'Billing, Returns', languages: 'ES', role: 'manager' as const };
    expect(checkAgentDraft(draft)).toEqual({ ok: true, input: { role: 'manager', teams: ['t1'], skills: ['billing', 'returns'], languages: ['es'], max_open: 4 } });
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
    expect(checkTeamDraft({ name: '  Sales ', description: '' })).toEqual({ ok: true, input: { name: 'Sales', description: '' } });
    const blank = checkTeamDraft(teamDraftOf(null));
    expect(blank.ok ? [] : Object.keys(blank.errors)).toEqual(['name']);
  });
});
