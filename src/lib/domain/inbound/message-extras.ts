import type { InboundMessage } from '../../schemas/webhook';
import { COLUMN_LIMITS, cutToChars, jsonBytesAtMost } from './column-limits';

// What a message says about other messages and where it came from (issue #19): an edit or a delete of an earlier
// message, the ad or product the customer came from, the group it was sent in. Pure: the adapters store it.

type Loose = Record<string, unknown>;

/** An edit (new text) or a delete (`revoke`) of the message `targetWamid`. */
export interface MessageChange {
  kind: 'edit' | 'revoke';
  targetWamid: string;
  text: string | null;
}

/** Where the customer came from: a click-to-WhatsApp ad (`referral`) and/or a catalog product (`referred_product`). */
export interface MessageReferral {
  sourceType: string;
  sourceId: string;
  sourceUrl: string;
  headline: string;
  body: string;
  mediaType: string;
  imageUrl: string;
  ctwaClid: string;
  product: { catalogId: string; productRetailerId: string } | null;
}

const REFERRAL_MAX_BYTES = 19_000;

function str(value: unknown, max = 2000): string {
  return typeof value === 'string' ? cutToChars(value, max) : '';
}

function objectAt(value: unknown): Loose | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : null;
}

/** The text a message object shows: its body or caption. */
function shownText(message: Loose | null): string {
  if (!message) return '';
  const kind = str(message.type, 40);
  const inner = objectAt(message[kind]);
  return str(inner?.body, COLUMN_LIMITS.text) || str(inner?.caption, COLUMN_LIMITS.text);
}

/** `type: edit` (`edit.original_message_id`, `edit.message`) or `type: revoke` (`revoke.original_message_id`). */
export function messageChangeOf(message: InboundMessage): MessageChange | null {
  if (message.type !== 'edit' && message.type !== 'revoke') return null;
  const detail = objectAt((message as Loose)[message.type]);
  const target = str(detail?.original_message_id, COLUMN_LIMITS.wamid);
  if (!target) return null;
  if (message.type === 'revoke') return { kind: 'revoke', targetWamid: target, text: null };
  return { kind: 'edit', targetWamid: target, text: shownText(objectAt(detail?.message)) };
}

/** The ad and product a message carries, or null; an oversized referral keeps only its short fields. */
export function referralOf(message: InboundMessage): MessageReferral | null {
  const referral = objectAt(message.referral);
  const product = objectAt(message.context?.referred_product);
  if (!referral && !product) return null;
  const result: MessageReferral = {
    sourceType: str(referral?.source_type, 40),
    sourceId: str(referral?.source_id, 200),
    sourceUrl: str(referral?.source_url),
    headline: str(referral?.headline, 500),
    body: str(referral?.body, 2000),
    mediaType: str(referral?.media_type, 40),
    imageUrl: str(referral?.image_url) || str(referral?.thumbnail_url),
    ctwaClid: str(referral?.ctwa_clid, 1000),
    product: product ? { catalogId: str(product.catalog_id, 200), productRetailerId: str(product.product_retailer_id, 200) } : null,
  };
  return jsonBytesAtMost(result) > REFERRAL_MAX_BYTES ? { ...result, sourceUrl: '', imageUrl: '', body: '' } : result;
}

/** The group a message was sent in (Groups API), or null for a one-to-one chat. */
export function groupIdOf(message: InboundMessage): string | null {
  return str((message as Loose).group_id, 200) || null;
}

/** The one line an agent reads about an ad or product: "Came from ad: Chat with us". */
export function referralLabel(referral: MessageReferral): string {
  if (referral.sourceType || referral.sourceId) return referral.headline || referral.body || referral.sourceId || referral.sourceType;
  return referral.product?.productRetailerId ?? '';
}
