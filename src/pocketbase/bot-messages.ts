import { newRecord } from './records';

/** What the system itself says in a conversation: auto-replies, FAQ answers, satisfaction questions. */
export type BotMessageBody = { type: 'text'; text: string } | { type: 'interactive'; text: string; interactive: Record<string, unknown> };

/** Queues a message from the system through the normal outbound pipeline (the worker sends it). */
export function queueBotMessage(app: core.App, conversationId: string, body: BotMessageBody, purpose: string): void {
  app.save(
    newRecord(app, 'messages', {
      conversation: conversationId,
      direction: 'out',
      sender: 'bot',
      type: body.type,
      text: body.text,
      payload: body.type === 'interactive' ? { ...body.interactive, purpose } : { purpose },
      status: 'queued',
      attempts: 0,
    }),
  );
}

/** An interactive message with up to three reply buttons, in Meta's shape. */
export function replyButtons(text: string, buttons: Array<{ id: string; title: string }>): BotMessageBody {
  return {
    type: 'interactive',
    text,
    interactive: { type: 'button', body: { text }, action: { buttons: buttons.map((button) => ({ type: 'reply', reply: button })) } },
  };
}
