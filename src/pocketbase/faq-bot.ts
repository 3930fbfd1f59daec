import type { NormalizedInbound } from '../lib/domain/inbound/normalized-message';
import { readBotState } from '../lib/domain/faq/bot-state';
import { botReply, botTimeout, type BotTurn } from '../lib/domain/faq/faq-bot';
import { faqSettingsSchema, type FaqSettings } from '../lib/schemas/faq';
import { queueBotMessage, replyButtons } from './bot-messages';
import { jsonField } from './records';

export type BotOutcome = 'inactive' | 'answered' | 'handoff' | 'resolved';

function settingsOf(channel: core.Record): FaqSettings | null {
  const parsed = faqSettingsSchema.safeParse(jsonField<unknown>(channel, 'faq', {}) ?? {});
  return parsed.success && parsed.data.enabled ? parsed.data : null;
}

/** Carries out a bot turn: its messages go out, its state is kept, and the ticket is resolved or handed on. */
function applyTurn(app: core.App, conversation: core.Record, turn: BotTurn): BotOutcome {
  conversation.set('bot_state', turn.state);
  let outcome: BotOutcome = 'answered';
  for (const action of turn.actions) {
    if (action.kind === 'send-text') queueBotMessage(app, conversation.id, { type: 'text', text: action.text }, 'faq');
    else if (action.kind === 'send-buttons') queueBotMessage(app, conversation.id, replyButtons(action.text, action.buttons), 'faq');
    else if (action.kind === 'handoff') outcome = 'handoff';
    else {
      conversation.set('status', 'resolved');
      conversation.set('resolved_by', 'bot');
      outcome = 'resolved';
    }
  }
  conversation.set('bot_active', outcome === 'answered');
  app.save(conversation);
  return outcome;
}

/**
 * Lets the channel's FAQ bot answer a customer before any agent sees the ticket. Returns what happened: while the bot
 * is answering, the ticket stays out of agents' queues; a handoff sends it to routing with the exchange visible.
 */
export function runFaqBot(app: core.App, conversation: core.Record, channel: core.Record, message: NormalizedInbound, startsTicket: boolean, now: number): BotOutcome {
  const settings = settingsOf(channel);
  if (!settings) return 'inactive';
  const state = readBotState(jsonField<unknown>(conversation, 'bot_state', null));
  // The bot speaks first on a new ticket or continues its own exchange; once a person is involved it stays out.
  if (!(startsTicket || conversation.getBool('bot_active')) || state.stage === 'handed-off') return 'inactive';
  const buttonReplyId = message.type === 'interactive' ? String(message.payload.id ?? '') || null : message.type === 'button' ? String(message.payload.payload ?? '') || null : null;
  return applyTurn(app, conversation, botReply(startsTicket && state.stage !== 'awaiting-feedback' ? { stage: 'idle' } : state, { type: message.type, text: message.text, buttonReplyId }, settings, now));
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
      if (turn.actions.length) applyTurn(txApp, conversation, turn);
    }
  });
}
