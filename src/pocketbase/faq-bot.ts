import type { NormalizedInbound } from '../lib/domain/inbound/normalized-message';
import { readBotState } from '../lib/domain/faq/bot-state';
import { botReply, botTimeout, type BotTurn } from '../lib/domain/faq/faq-bot';
import type { FaqSettings } from '../lib/schemas/faq';
import { immediateWriter, type Writer } from './effects';
import type { InboundContext } from './inbound/context';
import { readChannel } from './records/channel';
import { readConversation, writeConversation } from './records/conversation';
import { GoTimeZone } from './time-zone';
import { queueBotMessage, replyButtons } from './bot-messages';
import { jsonField } from './records';
import { createMeaningMemo } from '../lib/domain/faq/faq-meaning';

// Preparing a channel's FAQ examples for matching by meaning is most of its cost; each pooled VM keeps the last one.
const meaningMemo = createMeaningMemo();

export type BotOutcome = 'inactive' | 'answered' | 'handoff' | 'resolved';

function settingsOf(channel: core.Record): FaqSettings | null {
  return readChannel(channel, new GoTimeZone()).settings.faq;
}

/** Carries out a bot turn: its messages go out, its state is kept, and the ticket is resolved or handed on. */
function applyTurn(app: core.App, conversation: core.Record, turn: BotTurn, writer: Writer): BotOutcome {
  writeConversation(conversation, { botState: turn.state });
  let outcome: BotOutcome = 'answered';
  for (const action of turn.actions) {
    if (action.kind === 'send-text') queueBotMessage(app, conversation.id, { type: 'text', text: action.text }, 'faq', writer);
    else if (action.kind === 'send-buttons') queueBotMessage(app, conversation.id, replyButtons(action.text, action.buttons), 'faq', writer);
    else if (action.kind === 'handoff') outcome = 'handoff';
    else {
      writeConversation(conversation, { status: 'resolved', resolvedBy: 'bot' });
      outcome = 'resolved';
    }
  }
  writeConversation(conversation, { botActive: outcome === 'answered' });
  writer.save(conversation);
  return outcome;
}

/**
 * Lets the channel's FAQ bot answer a customer before any agent sees the ticket. Returns what happened: while the bot
 * is answering, the ticket stays out of agents' queues; a handoff sends it to routing with the exchange visible.
 */
export function runFaqBot(ctx: InboundContext, conversation: core.Record, message: NormalizedInbound, startsTicket: boolean): BotOutcome {
  const settings = ctx.channel.settings.faq;
  if (!settings) return 'inactive';
  const ticket = readConversation(conversation);
  const state = readBotState(ticket.botState);
  // The bot speaks first on a new ticket or continues its own exchange; once a person is involved it stays out.
  if (!(startsTicket || ticket.botActive) || state.stage === 'handed-off') return 'inactive';
  const buttonReplyId =
    message.type === 'interactive'
      ? String(message.payload.id ?? '') || null
      : message.type === 'button'
        ? String(message.payload.payload ?? '') || null
        : null;
  return applyTurn(
    ctx.app,
    conversation,
    botReply(
      startsTicket && state.stage !== 'awaiting-feedback' ? { stage: 'idle' } : state,
      { type: message.type, text: message.text, buttonReplyId },
      settings,
      ctx.now,
      meaningMemo,
    ),
    ctx.writer,
  );
}

/** Cron: resolves bot-held tickets whose customer went quiet after an answer ("no follow-up" counts as solved). */
export function resolveSilentBotConversations(): void {
  const now = Date.now();
  $app.runInTransaction((txApp) => {
    for (const conversation of txApp.findRecordsByFilter('conversations', 'bot_active = true && status != "resolved"', '', 500, 0)) {
      if (!conversation) continue;
      const settings = settingsOf(txApp.findRecordById('channels', conversation.getString('channel')));
      if (!settings) continue;
      const turn = botTimeout(readBotState(jsonField<unknown>(conversation, 'bot_state', null)), now, settings);
      if (turn.actions.length) applyTurn(txApp, conversation, turn, immediateWriter(txApp));
    }
  });
}
