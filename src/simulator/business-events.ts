import type { IdFactory } from './message-ids';
import type { Channel } from './webhook-envelope';

// The business side of Meta the desk hears about beyond customers' messages (issue #19), played on demand through
// `POST /_sim/business`: the owner replying from the WhatsApp Business app (Coexistence echoes, their edits and
// deletes), a history sync, a template review, a marketing opt-out, a customer arriving from an ad, a customer
// editing a message, a call. Each request becomes one signed webhook body shaped like Meta's samples.

export type BusinessEvent =
  | { kind: 'echo'; to: string; text: string; name?: string }
  | { kind: 'echo-edit'; to: string; wamid: string; text: string }
  | { kind: 'echo-revoke'; to: string; wamid: string }
  | {
      kind: 'history';
      to: string;
      name?: string;
      messages: Array<{ fromBusiness: boolean; text: string; secondsAgo: number }>;
      /** Where this chunk sits in Meta's sync (phase 0–2, its chunk number, overall progress %); one full chunk unless told. */
      phase?: number;
      chunk?: number;
      progress?: number;
      /** Stable wamids (`<idPrefix>.<n>`) so a replayed sync is a duplicate on the desk, not new messages. */
      idPrefix?: string;
    }
  | { kind: 'template-review'; name: string; language: string; status: string; reason?: string }
  | { kind: 'opt-out'; to: string; stop: boolean; name?: string }
  | { kind: 'ad-click'; from: string; text: string; headline: string; adId: string; name?: string }
  | { kind: 'customer-edit'; from: string; wamid: string; text: string; name?: string }
  | { kind: 'customer-revoke'; from: string; wamid: string; name?: string }
  | { kind: 'call'; from: string; outcome: 'missed' | 'completed'; durationSeconds?: number; name?: string };

function envelope(channel: Channel, field: string, value: Record<string, unknown>): Record<string, unknown> {
  const metadata = { display_phone_number: channel.displayPhoneNumber, phone_number_id: channel.phoneNumberId };
  return {
    object: 'whatsapp_business_account',
    entry: [
      { id: channel.wabaId, changes: [{ value: field.startsWith('message_template') ? value : { messaging_product: 'whatsapp', metadata, ...value }, field }] },
    ],
  };
}

const contact = (waId: string, name?: string) => [{ profile: { name: name ?? `Customer ${waId.slice(-4)}` }, wa_id: waId }];

/** The webhook body for one business event; `now` is Unix seconds. */
export function businessEventPayload(channel: Channel, event: BusinessEvent, ids: IdFactory, now: number): Record<string, unknown> {
  const business = channel.displayPhoneNumber;
  switch (event.kind) {
    case 'echo':
      return envelope(channel, 'smb_message_echoes', {
        contacts: contact(event.to, event.name),
        message_echoes: [{ from: business, to: event.to, id: ids.wamid(event.to), timestamp: String(now), type: 'text', text: { body: event.text } }],
      });
    case 'echo-edit':
      return envelope(channel, 'smb_message_echoes', {
        contacts: contact(event.to),
        message_echoes: [
          {
            from: business,
            to: event.to,
            id: ids.wamid(event.to),
            timestamp: String(now),
            type: 'edit',
            edit: { original_message_id: event.wamid, message: { type: 'text', text: { body: event.text } } },
          },
        ],
      });
    case 'echo-revoke':
      return envelope(channel, 'smb_message_echoes', {
        contacts: contact(event.to),
        message_echoes: [
          { from: business, to: event.to, id: ids.wamid(event.to), timestamp: String(now), type: 'revoke', revoke: { original_message_id: event.wamid } },
        ],
      });
    case 'history':
      return envelope(channel, 'history', {
        history: [
          {
            metadata: { phase: event.phase ?? 0, chunk_order: event.chunk ?? 1, progress: event.progress ?? 100 },
            threads: [
              {
                id: event.to,
                messages: event.messages.map((m, n) => ({
                  from: m.fromBusiness ? business : event.to,
                  id: event.idPrefix ? `${event.idPrefix}.${n}` : ids.wamid(event.to),
                  timestamp: String(now - m.secondsAgo),
                  type: 'text',
                  text: { body: m.text },
                  history_context: { status: m.fromBusiness ? 'READ' : 'DELIVERED' },
                })),
              },
            ],
          },
        ],
      });
    case 'template-review':
      return envelope(channel, 'message_template_status_update', {
        event: event.status.toUpperCase(),
        message_template_id: Number(ids.mediaId()),
        message_template_name: event.name,
        message_template_language: event.language,
        // Meta explains a rejection in `rejection_info` and a pause or disable in `other_info`.
        reason: event.reason && event.status.toUpperCase() === 'REJECTED' ? 'INVALID_FORMAT' : 'NONE',
        ...(event.reason && event.status.toUpperCase() === 'REJECTED' ? { rejection_info: { reason: event.reason, recommendation: '' } } : {}),
        ...(event.reason && event.status.toUpperCase() !== 'REJECTED' ? { other_info: { title: 'FIRST_PAUSE', description: event.reason } } : {}),
      });
    case 'opt-out':
      return envelope(channel, 'user_preferences', {
        contacts: contact(event.to, event.name),
        user_preferences: [
          {
            wa_id: event.to,
            detail: event.stop ? 'User requested to stop marketing messages' : 'User requested to resume marketing messages',
            category: 'marketing_messages',
            value: event.stop ? 'stop' : 'resume',
            timestamp: now,
          },
        ],
      });
    case 'ad-click':
      return envelope(channel, 'messages', {
        contacts: contact(event.from, event.name),
        messages: [
          {
            referral: {
              source_url: `https://fb.me/${event.adId}`,
              source_id: event.adId,
              source_type: 'ad',
              headline: event.headline,
              body: event.headline,
              media_type: 'image',
              ctwa_clid: `clid-${event.adId}`,
            },
            from: event.from,
            id: ids.wamid(event.from),
            timestamp: String(now),
            text: { body: event.text },
            type: 'text',
          },
        ],
      });
    case 'customer-edit':
      return envelope(channel, 'messages', {
        contacts: contact(event.from, event.name),
        messages: [
          {
            from: event.from,
            id: ids.wamid(event.from),
            timestamp: String(now),
            type: 'edit',
            edit: { original_message_id: event.wamid, message: { type: 'text', text: { body: event.text } } },
          },
        ],
      });
    case 'customer-revoke':
      return envelope(channel, 'messages', {
        contacts: contact(event.from, event.name),
        messages: [{ from: event.from, id: ids.wamid(event.from), timestamp: String(now), type: 'revoke', revoke: { original_message_id: event.wamid } }],
      });
    case 'call':
      return envelope(channel, 'calls', {
        contacts: contact(event.from, event.name),
        calls: [
          {
            id: `wacid.${ids.conversationId()}`,
            from: event.from,
            to: business,
            event: 'terminate',
            direction: 'USER_INITIATED',
            timestamp: String(now),
            status: event.outcome === 'missed' ? 'FAILED' : 'COMPLETED',
            duration: event.outcome === 'missed' ? 0 : (event.durationSeconds ?? 60),
          },
        ],
      });
  }
}
