import { csatCommentPrompt, planCsatRequest } from '../lib/domain/csat/csat-request';
import { csatInboundOf, readCsatAnswer } from '../lib/domain/csat/csat-answer';
import { pickSurveyTemplate } from '../lib/domain/csat/csat-outlook';
import { componentText } from '../lib/domain/templates/message-template';
import type { CsatSettings } from '../lib/domain/csat/csat-settings';
import type { NormalizedInbound } from '../lib/domain/inbound/normalized-message';
import type { InboundContext } from './inbound/context';
import { readChannel } from './records/channel';
import { writeConversation } from './records/conversation';
import { GoTimeZone } from './time-zone';
import { queueBotMessage } from './bot-messages';
import { epochMs, isoDate, jsonField, newRecord } from './records';

/** The channel's survey settings (`channels.service.csat`); defaults when unset or no longer valid. */
function settingsOf(channel: core.Record): CsatSettings {
  return readChannel(channel, new GoTimeZone()).settings.csat;
}

/** After a ticket is resolved: ask the customer for a 1–5 rating, once (a list in the window, else the template). */
export function requestCsat(app: core.App, conversation: core.Record, now: number): void {
  const channel = app.findRecordById('channels', conversation.getString('channel'));
  const request = planCsatRequest(
    {
      resolvedBy: (conversation.getString('resolved_by') || null) as 'agent' | 'bot' | 'system' | null,
      lastInboundAt: epochMs(conversation, 'last_inbound_at'),
      csatRequestedAt: epochMs(conversation, 'csat_requested_at'),
      language: conversation.getString('language') || channel.getString('language') || null,
    },
    settingsOf(channel),
    now,
  );
  if (!request) return;
  if (request.kind === 'list') {
    const interactive = {
      type: 'list',
      body: { text: request.body },
      action: { button: request.button, sections: [{ title: request.button, rows: request.rows }] },
    };
    queueBotMessage(app, conversation.id, { type: 'interactive', text: request.body, interactive }, 'csat');
  } else {
    const approved = app.findRecordsByFilter(
      'templates',
      'name = {:name} && status = "approved" && (channel = "" || channel = {:channel})',
      'language',
      20,
      0,
      { name: request.name, channel: channel.id },
    );
    const choices = approved.flatMap((record) => (record ? [{ record, name: record.getString('name'), language: record.getString('language') }] : []));
    const template = pickSurveyTemplate(choices, request.name, request.language)?.record;
    // Without an approved template nothing can reach the customer; the resolve dialog told the agent so beforehand.
    if (!template) return;
    const text = componentText(
      {
        name: request.name,
        language: template.getString('language'),
        parameter_format: 'positional',
        status: 'approved',
        components: jsonField(template, 'components', []),
      },
      'BODY',
    );
    app.save(
      newRecord(app, 'messages', {
        conversation: conversation.id,
        direction: 'out',
        sender: 'bot',
        type: 'template',
        template: template.id,
        template_params: [],
        text,
        payload: { purpose: 'csat' },
        status: 'queued',
        attempts: 0,
      }),
    );
  }
  conversation.set('csat_requested_at', isoDate(now));
  app.save(conversation);
}

/**
 * Takes a customer's answer to the survey on their resolved ticket. Returns true when the message was the answer
 * (or its comment): it is stored on that ticket, which stays resolved instead of reopening.
 */
export function recordCsatAnswer(ctx: InboundContext, conversation: core.Record, message: NormalizedInbound): boolean {
  if (conversation.getString('status') !== 'resolved') return false;
  const rating = conversation.getInt('csat_rating');
  const answer = readCsatAnswer(csatInboundOf(message), {
    requestedAt: epochMs(conversation, 'csat_requested_at'),
    rating: rating >= 1 && rating <= 5 ? (rating as 1 | 2 | 3 | 4 | 5) : null,
    ratedAt: epochMs(conversation, 'csat_rated_at'),
    comment: conversation.getString('csat_comment') || null,
  });
  if (!answer) return false;
  if ('rating' in answer) {
    writeConversation(conversation, { csatRating: answer.rating, csatRatedAt: message.timestamp });
    const prompt = csatCommentPrompt(ctx.channel.settings.csat, conversation.getString('language'));
    if (prompt) queueBotMessage(ctx.app, conversation.id, { type: 'text', text: prompt }, 'csat-comment', ctx.writer);
  } else {
    writeConversation(conversation, { csatComment: answer.comment });
  }
  ctx.writer.save(conversation);
  return true;
}
