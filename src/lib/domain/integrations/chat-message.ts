import type { IntegrationEventType } from './event-types';

// The short line a chat target (Slack, or any chat with incoming webhooks that reads `{ text }`) gets for an event.

export interface ChatFacts {
  type: IntegrationEventType;
  conversationId: string | null;
  customerName: string;
  channelName: string;
  waitingMinutes: number | null;
  csatRating: number | null;
}

const LINE: Partial<Record<IntegrationEventType, (f: ChatFacts) => string>> = {
  'conversation.waiting': (f) => `:hourglass: ${f.customerName} has waited ${f.waitingMinutes ?? '?'} min without an agent on ${f.channelName}`,
  'sla.breached': (f) => `:rotating_light: SLA breached: ${f.customerName} on ${f.channelName}`,
  'csat.negative': (f) => `:disappointed: ${f.customerName} rated the conversation ${f.csatRating ?? '?'}/5 on ${f.channelName}`,
};

/** Slack mrkdwn escapes only these three characters. */
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The `{ text }` body, with a link to the conversation in the app when there is one. */
export function chatMessage(facts: ChatFacts, appUrl: string): { text: string } {
  const describe = LINE[facts.type] ?? ((f: ChatFacts) => `${f.type}: ${f.customerName}`);
  const safe = { ...facts, customerName: escapeMrkdwn(facts.customerName || 'A customer'), channelName: escapeMrkdwn(facts.channelName || 'WhatsApp') };
  const link = facts.conversationId ? ` <${appUrl.replace(/\/+$/, '')}/conversations/${facts.conversationId}|Open>` : '';
  return { text: describe(safe) + link };
}
