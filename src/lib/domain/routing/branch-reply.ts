import type { RoutingSettings } from '../../schemas/routing';
import type { BranchReplyKind } from '../autoreply/reply-texts';

/** The reply configured for the routing branch a conversation took; `text` '' means the built-in text. */
export interface BranchReply {
  /** welcome: new customer, someone online; offline: nobody online; returning: owner away, a colleague takes it. */
  kind: BranchReplyKind;
  text: string;
}

/** What happens to a customer's owner on this routing: none, the owner takes it (online or kept), or a colleague does. */
export type OwnerRoute = 'none' | 'owner-takes' | 'colleague';

const replyOf = (kind: BranchReplyKind, reply: { enabled: boolean; text: string }): BranchReply | null => (reply.enabled ? { kind, text: reply.text } : null);

/**
 * The routing branch's configured reply: a new customer is welcomed while someone is online, anyone hears "nobody is
 * available" while nobody is, a returning customer hears that a colleague takes over; nothing when the owner keeps it.
 */
export function branchReplyOf(settings: RoutingSettings, who: { isNew: boolean; anyoneOnline: boolean; owner: OwnerRoute }): BranchReply | null {
  if (who.owner === 'owner-takes') return null;
  if (who.owner === 'colleague' && who.anyoneOnline) return replyOf('returning', settings.returningCustomer.autoReply);
  if (!who.anyoneOnline) return replyOf('offline', settings.newCustomer.agentsOffline.autoReply);
  return who.isNew ? replyOf('welcome', settings.newCustomer.agentsOnline.autoReply) : null;
}
