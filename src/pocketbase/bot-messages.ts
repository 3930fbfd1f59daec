import { immediateWriter, type Writer } from './effects';
import { botMessageFields } from './records/message';
import { newRecord } from './records';

/** What the system itself says in a conversation: auto-replies, FAQ answers, satisfaction questions. */
export type BotMessageBody = { type: 'text'; text: string } | { type: 'interactive'; text: string; interactive: Record<string, unknown> };

/**
 * Queues a message from the system through the normal outbound pipeline (the worker sends it). `purpose` tags its
 * payload (null: `payload` says what it is, as routing's own auto-replies do).
 */
export function queueBotMessage(
  app: core.App,
  conversationId: string,
  body: BotMessageBody,
  purpose: string | null,
  writer: Writer = immediateWriter(app),
  payload: Record<string, unknown> = purpose === null ? {} : { purpose },
): void {
  writer.save(
    newRecord(
      app,
      'messages',
      botMessageFields(conversationId, body.type, body.text, body.type === 'interactive' ? { ...body.interactive, ...payload } : payload),
    ),
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
