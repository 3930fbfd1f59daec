import { planAutoReplies } from '../lib/domain/autoreply/auto-reply-plan';
import type { BusinessSchedule } from '../lib/domain/hours/schedule';
import { autoRepliesSettingsSchema, DEFAULT_AUTO_REPLIES } from '../lib/schemas/auto-replies';
import { validateSchedule } from '../lib/schemas/hours';
import { queueBotMessage } from './bot-messages';
import { epochMs, jsonField } from './records';
import { GoTimeZone } from './time-zone';

/** The channel's business hours, or null when it has none (always open) or they no longer parse. */
export function scheduleOf(channel: core.Record, port: GoTimeZone): BusinessSchedule | null {
  const stored = jsonField<unknown>(channel, 'business_hours', null);
  if (!stored) return null;
  const parsed = validateSchedule(stored, port);
  return parsed.ok ? parsed.schedule : null;
}

/**
 * Queues the channel's greeting, out-of-hours and after-assign replies for an inbound message, each at most once
 * per conversation (per closed period for out-of-hours); `routingReply` is what routing already said.
 */
export function queueAutoReplies(app: core.App, conversation: core.Record, firstEverMessage: boolean, routingReply: string | null, now: number): void {
  const channel = app.findRecordById('channels', conversation.getString('channel'));
  const contact = app.findRecordById('contacts', conversation.getString('contact'));
  const parsed = autoRepliesSettingsSchema.safeParse(jsonField<unknown>(channel, 'auto_replies', {}) ?? {});
  const port = new GoTimeZone();
  const assignee = conversation.getString('assignee');
  const sent = jsonField<string[]>(conversation, 'auto_reply_keys', []);
  const planned = planAutoReplies(
    {
      settings: parsed.success ? parsed.data : DEFAULT_AUTO_REPLIES,
      schedule: scheduleOf(channel, port),
      channel: { name: channel.getString('name'), timezone: channel.getString('timezone') || 'UTC', language: channel.getString('language') || 'en' },
      contact: { name: contact.getString('name'), isFirstEverMessage: firstEverMessage },
      conversation: { lastAgentReplyAt: epochMs(conversation, 'last_agent_reply_at'), sentAutoReplyKeys: sent },
      assignedAgentName: assignee ? app.findRecordById('agents', assignee).getString('name') : null,
    },
    now,
    port,
  );
  // Routing's own welcome already greets a new customer: one greeting is enough.
  const replies = planned.filter((reply) => !(reply.kind === 'greeting' && routingReply === 'welcome'));
  if (!replies.length) return;
  for (const reply of replies) queueBotMessage(app, conversation.id, { type: 'text', text: reply.text }, reply.kind);
  conversation.set('auto_reply_keys', [...sent, ...replies.map((reply) => reply.dedupeKey)].slice(-50));
  app.save(conversation);
}
