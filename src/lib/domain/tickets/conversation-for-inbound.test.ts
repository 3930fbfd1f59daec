import { describe, expect, it } from 'vitest';
import { conversationForInbound, REOPEN_WITHIN_MS } from './conversation-for-inbound';

const now = Date.UTC(2026, 10, 25);

describe('conversationForInbound', () => {
  it('opens a new ticket for a first message', () => {
    expect(conversationForInbound(null, now)).toEqual({ kind: 'open-new' });
  });

  it.each(['open', 'pending'] as const)('joins the %s ticket', (status) => {
    expect(conversationForInbound({ id: 'c1', status, resolvedAt: null }, now)).toEqual({ kind: 'append', conversationId: 'c1' });
  });

  it('reopens a recently resolved ticket', () => {
    expect(conversationForInbound({ id: 'c1', status: 'resolved', resolvedAt: now - 60_000 }, now)).toEqual({ kind: 'reopen', conversationId: 'c1' });
  });

  it('starts a new ticket when the last one was resolved long ago', () => {
    expect(conversationForInbound({ id: 'c1', status: 'resolved', resolvedAt: now - REOPEN_WITHIN_MS - 1 }, now)).toEqual({ kind: 'open-new' });
  });
});
