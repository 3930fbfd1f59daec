import { describe, expect, it } from 'vitest';
import { auditQuery, NO_AUDIT_FILTERS } from './audit-query';

describe('auditQuery', () => {
  it('lists everything without filters', () => {
    expect(auditQuery(NO_AUDIT_FILTERS)).toEqual({ ok: true, expression: '', params: {} });
  });

  it.each([
    ['system', 'actor_kind = {:kind}', { kind: 'system' }],
    ['superuser', 'actor_kind = {:kind}', { kind: 'superuser' }],
    ['abc123def456ghi', 'actor = {:actor}', { actor: 'abc123def456ghi' }],
  ])('filters the actor %s', (actor, expression, params) => {
    expect(auditQuery({ ...NO_AUDIT_FILTERS, actor })).toEqual({ ok: true, expression, params });
  });

  it('combines action, days and conversation, binding every value', () => {
    const query = auditQuery({ actor: '', action: 'assign', from: '2026-11-01', to: '2026-11-02', conversation: ' conv12345678901 ' });
    expect(query).toEqual({
      ok: true,
      expression: 'action = {:action} && created >= {:from} && created < {:to} && collection_name = "conversations" && record_id = {:conversation}',
      params: { action: 'assign', from: new Date(2026, 10, 1), to: new Date(2026, 10, 3), conversation: 'conv12345678901' },
    });
  });

  it.each(['conv"||1=1', 'SHORT', 'abcdefghijklmnoP'])('refuses %s as a conversation id', (conversation) => {
    expect(auditQuery({ ...NO_AUDIT_FILTERS, conversation })).toEqual({ ok: false, reason: 'invalid-conversation' });
  });

  it('refuses an unreadable day', () => {
    expect(auditQuery({ ...NO_AUDIT_FILTERS, from: '11/01/2026' })).toEqual({ ok: false, reason: 'invalid-date' });
  });
});
