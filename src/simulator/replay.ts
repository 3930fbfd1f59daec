import { changeValueSchema, webhookEnvelopeSchema } from '../lib/schemas/webhook';
import type { SimulatorContext } from './simulator-context';
import type { WebhookAttempt } from './webhook-sender';

export interface ReplayResult {
  deliveryId: string;
  firstAttempt?: WebhookAttempt;
}

/** Replayed customer messages open the sender's window, so a test can replay a fixture and then reply to it. */
function openWindowsFor(context: SimulatorContext, payload: unknown): void {
  const envelope = webhookEnvelopeSchema.safeParse(payload);
  if (!envelope.success) return;
  for (const change of envelope.data.entry.flatMap((entry) => entry.changes)) {
    const value = changeValueSchema.safeParse(change.value);
    const phoneNumberId = value.success ? value.data.metadata?.phone_number_id : undefined;
    if (!value.success || !phoneNumberId) continue;
    for (const message of value.data.messages ?? []) {
      if (message.type === 'system' || (!message.from && !message.from_user_id)) continue;
      const contact = value.data.contacts?.find((candidate) => candidate.wa_id === message.from || candidate.user_id === message.from_user_id);
      const customer = context.customers.upsert(
        {
          ...(message.from ? { from: message.from } : {}),
          ...(message.from_user_id ? { userId: message.from_user_id } : {}),
          ...(contact?.profile?.name ? { name: contact.profile.name } : {}),
        },
        context.random,
        context.clock.now(),
      );
      context.customers.recordInbound(customer, phoneNumberId, context.clock.now());
    }
  }
}

/** POSTs any payload as Meta would: re-serialised in Meta's escaped form and signed, outside batching. */
export async function replayPayload(context: SimulatorContext, payload: unknown, wait = false): Promise<ReplayResult> {
  openWindowsFor(context, payload);
  const sent = context.outbox.sendRaw(payload);
  return { deliveryId: sent.delivery.id, ...(wait ? { firstAttempt: await sent.firstAttempt } : {}) };
}
