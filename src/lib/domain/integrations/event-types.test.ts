import { describe, expect, it } from 'vitest';
import { contactEventTypes, conversationEventTypes, isSubscribed, messageEventTypes, type ConversationFacts } from './event-types';

const open: ConversationFacts = { status: 'open', assignee: '', team: 'sales', csatRating: 0, slaBreached: false };

describe('conversation events', () => {
  it.each<[string, Partial<ConversationFacts> | null, Partial<ConversationFacts>, string[]]>([
    ['a new conversation', null, {}, ['conversation.created']],
    ['a new conversation born assigned', null, { assignee: 'ana' }, ['conversation.created', 'conversation.assigned']],
    ['a first agent', {}, { assignee: 'ana' }, ['conversation.assigned']],
    ['another agent', { assignee: 'ana' }, { assignee: 'ben' }, ['conversation.transferred']],
    ['another team', {}, { team: 'support' }, ['conversation.transferred']],
    ['back to the queue', { assignee: 'ana' }, { assignee: '' }, ['conversation.transferred']],
    ['resolving', {}, { status: 'resolved' }, ['conversation.resolved']],
    ['reopening', { status: 'resolved' }, { status: 'open' }, ['conversation.reopened']],
    ['a good rating', {}, { csatRating: 5 }, ['csat.received']],
    ['a bad rating', {}, { csatRating: 2 }, ['csat.received', 'csat.negative']],
    ['a breach', {}, { slaBreached: true }, ['sla.breached']],
    ['a breach already told', { slaBreached: true }, { slaBreached: true }, []],
    ['a preview update', {}, {}, []],
  ])('%s', (_name, before, after, expected) => {
    expect(conversationEventTypes(before && { ...open, ...before }, { ...open, ...after })).toEqual(expected);
  });
});

describe('message events', () => {
  it.each([
    [null, { direction: 'in', status: 'received' }, ['message.received']],
    [{ direction: 'in', status: 'received' }, { direction: 'in', status: 'received' }, []],
    [null, { direction: 'out', status: 'queued' }, []],
    [{ direction: 'out', status: 'sending' }, { direction: 'out', status: 'sent' }, ['message.sent']],
    [{ direction: 'out', status: 'sent' }, { direction: 'out', status: 'delivered' }, ['message.delivered']],
    [{ direction: 'out', status: 'sending' }, { direction: 'out', status: 'failed' }, ['message.failed']],
    [{ direction: 'out', status: 'delivered' }, { direction: 'out', status: 'read' }, []],
    [{ direction: 'out', status: 'sent' }, { direction: 'out', status: 'sent' }, []],
  ])('%o → %o gives %o', (before, after, expected) => {
    expect(messageEventTypes(before, after)).toEqual(expected);
  });
});

describe('contact events', () => {
  it('tells an erasure as its own event, never as an update', () => {
    expect(contactEventTypes(null, { erased: false })).toEqual(['contact.created']);
    expect(contactEventTypes({ erased: false }, { erased: false })).toEqual(['contact.updated']);
    expect(contactEventTypes({ erased: false }, { erased: true })).toEqual(['contact.erased']);
    expect(contactEventTypes({ erased: true }, { erased: true })).toEqual([]);
  });
});

describe('subscriptions', () => {
  it('lets * stand for every webhook event but not the chat-only ones', () => {
    expect(isSubscribed(['*'], 'message.received')).toBe(true);
    expect(isSubscribed(['*'], 'conversation.waiting')).toBe(false);
    expect(isSubscribed(['sla.breached'], 'message.received')).toBe(false);
  });
});
