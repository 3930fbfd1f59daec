import { describe, expect, it } from 'vitest';
import type { NotificationKind } from './notification-kind';
import { isStaleNotification, staleReason, type ConversationFacts } from './stale-notification';

const written = 1_000_000;
const note = (kind: NotificationKind) => ({ kind, agentId: 'ana', createdAt: written });
const conversation = (overrides: Partial<ConversationFacts> = {}): ConversationFacts => ({
  assigneeId: 'ana',
  status: 'open',
  lastOutboundAt: null,
  ...overrides,
});

describe('staleReason', () => {
  it('keeps an assignment that still stands', () => {
    expect(staleReason(note('assigned'), conversation())).toBeNull();
  });

  it.each(['assigned', 'handover', 'escalated', 'message'] as const)('drops %s once the conversation belongs to someone else', (kind) => {
    expect(staleReason(note(kind), conversation({ assigneeId: 'ben' }))).toBe('reassigned');
  });

  it.each(['sla', 'waiting'] as const)('keeps a %s alert about a conversation that belongs to someone else or nobody', (kind) => {
    expect(staleReason(note(kind), conversation({ assigneeId: 'ben' }))).toBeNull();
    expect(staleReason(note(kind), conversation({ assigneeId: '' }))).toBeNull();
  });

  it.each(['assigned', 'handover', 'escalated'] as const)('drops %s once the conversation went back to the queue', (kind) => {
    expect(staleReason(note(kind), conversation({ assigneeId: '' }))).toBe('reassigned');
  });

  it('keeps a new-message push for a conversation waiting in the queue', () => {
    expect(staleReason(note('message'), conversation({ assigneeId: '' }))).toBeNull();
  });

  it('drops an offer as soon as anyone took the conversation, the agent included', () => {
    expect(staleReason(note('offer'), conversation({ assigneeId: '' }))).toBeNull();
    expect(staleReason(note('offer'), conversation({ assigneeId: 'ben' }))).toBe('taken');
    expect(staleReason(note('offer'), conversation({ assigneeId: 'ana' }))).toBe('taken');
  });

  it('drops an offer that was declined or lapsed before the push went out', () => {
    expect(staleReason(note('offer'), conversation({ assigneeId: '', offeredTo: 'ana' }))).toBeNull();
    expect(staleReason(note('offer'), conversation({ assigneeId: '', offeredTo: 'ben' }))).toBe('offer-moved');
    expect(staleReason(note('offer'), conversation({ assigneeId: '', offeredTo: null }))).toBe('offer-moved');
  });

  it.each(['assigned', 'offer', 'message', 'sla'] as const)('drops %s for a resolved conversation', (kind) => {
    expect(staleReason(note(kind), conversation({ status: 'resolved' }))).toBe('resolved');
  });

  it('drops a push for a conversation answered after it was written', () => {
    expect(staleReason(note('assigned'), conversation({ lastOutboundAt: written + 1 }))).toBe('answered');
    expect(staleReason(note('sla'), conversation({ lastOutboundAt: written + 1 }))).toBe('answered');
  });

  it('keeps a push when the last answer came before it', () => {
    expect(staleReason(note('message'), conversation({ lastOutboundAt: written - 1 }))).toBeNull();
    expect(staleReason(note('message'), conversation({ lastOutboundAt: written }))).toBeNull();
  });

  it('always delivers a mention: it is addressed to a person, not to the owner', () => {
    expect(staleReason(note('mention'), conversation({ assigneeId: 'ben', status: 'resolved', lastOutboundAt: written + 5 }))).toBeNull();
  });

  it('delivers a notification that has no conversation', () => {
    expect(isStaleNotification(note('sla'), null)).toBe(false);
  });

  it('agrees with isStaleNotification', () => {
    expect(isStaleNotification(note('assigned'), conversation({ assigneeId: 'ben' }))).toBe(true);
    expect(isStaleNotification(note('assigned'), conversation())).toBe(false);
  });
});
