import type { InboundMessage, WebhookContact } from '../../schemas/webhook';

/** Who wrote a message. Meta's business-scoped `userId` is the key; the phone (`waId`) may be absent (2026 usernames). */
export interface CustomerIdentity {
  userId: string | null;
  waId: string | null;
  name: string | null;
  username: string | null;
  parentUserId: string | null;
}

/** Picks the sender's identity from a message and the `contacts` block it came with. */
export function identifyCustomer(message: InboundMessage, contacts: WebhookContact[] | undefined): CustomerIdentity | null {
  const list = contacts ?? [];
  const match =
    list.find((c) => (message.from_user_id && c.user_id === message.from_user_id) || (message.from && c.wa_id === message.from)) ??
    (list.length === 1 ? list[0] : undefined);
  // An id that was only whitespace is empty after the schema's cleaning: absent, not a new customer ''.
  const userId = message.from_user_id || match?.user_id || null;
  const waId = message.from || match?.wa_id || null;
  if (!userId && !waId) return null;
  return {
    userId,
    waId,
    name: match?.profile?.name ?? null,
    username: match?.profile?.username ?? null,
    parentUserId: message.from_parent_user_id ?? match?.parent_user_id ?? null,
  };
}
