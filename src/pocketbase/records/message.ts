import type { NormalizedInbound } from '../../lib/domain/inbound/normalized-message';
import { readMessageSignals, type MessageSignals } from '../../lib/domain/signals/message-signals';
import { jsonOf, storedDate } from './fields';

/** A customer's message as a `messages` row. */
export function inboundMessageFields(conversationId: string, message: NormalizedInbound): Record<string, unknown> {
  return {
    conversation: conversationId,
    direction: 'in',
    sender: 'customer',
    type: message.type,
    text: message.text,
    payload: message.payload,
    wamid: message.wamid,
    status: 'received',
    timestamp: storedDate(message.timestamp),
    context_wamid: message.contextWamid ?? '',
    forwarded: message.forwarded,
    frequently_forwarded: message.frequentlyForwarded,
    media_id: message.media?.id ?? '',
    media_mime: message.media?.mime ?? '',
    media_filename: message.media?.filename ?? '',
    media_status: message.media ? 'pending' : 'none',
    error_code: message.error?.code ?? 0,
    error_title: message.error?.title ?? '',
    ...messageSignalFields(readMessageSignals(message.text)),
  };
}

/** How a customer's message reads (sentiment, urgency, cues), as `messages` columns. */
export function messageSignalFields(signals: MessageSignals): Record<string, unknown> {
  return { sentiment: signals.sentiment, sentiment_score: signals.score, urgent: signals.urgent, signal_cues: signals.cues };
}

/** The reading stored on a customer's message row. */
export function messageSignalsOf(record: core.Record): MessageSignals {
  return {
    sentiment: (record.getString('sentiment') || 'neutral') as MessageSignals['sentiment'],
    score: record.getFloat('sentiment_score'),
    urgent: record.getBool('urgent'),
    cues: jsonOf<MessageSignals['cues']>(record, 'signal_cues', []),
  };
}

/** Something the system says (auto-reply, FAQ answer, survey), queued for the outbound worker. */
export function botMessageFields(conversationId: string, type: string, text: string, payload: Record<string, unknown>): Record<string, unknown> {
  return { conversation: conversationId, direction: 'out', sender: 'bot', type, text, payload, status: 'queued', attempts: 0 };
}

export type Reactions = Record<string, { emoji: string; at: string }>;
export const MESSAGE_BY_WAMID = 'wamid = {:w}';
export const REACTIONS = 'reactions';
