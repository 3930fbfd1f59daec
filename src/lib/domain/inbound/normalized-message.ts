import type { MessageChange, MessageReferral } from './message-extras';

/** The stored, renderable form of one inbound WhatsApp message; `payload` keeps type-specific data. */
export interface NormalizedInbound {
  wamid: string;
  type: string;
  /** Human-readable text: the body, caption or a short description; used for previews and search. */
  text: string;
  /** Milliseconds since epoch, from Meta's timestamp. */
  timestamp: number;
  payload: Record<string, unknown>;
  media: InboundMedia | null;
  contextWamid: string | null;
  forwarded: boolean;
  frequentlyForwarded: boolean;
  reaction: { targetWamid: string; emoji: string | null } | null;
  system: { kind: string; newWaId: string | null; newUserId: string | null } | null;
  error: { code: number; title: string; details: string } | null;
  /** Issue #19 (message-extras.ts): an edit or delete of an earlier message, the ad/product, the group. */
  change?: MessageChange | null;
  referral?: MessageReferral | null;
  groupId?: string | null;
}

export interface InboundMedia {
  id: string;
  mime: string;
  sha256: string | null;
  filename: string | null;
  url: string | null;
  voice: boolean;
}

/** Message kinds whose bytes live on Meta's media endpoint. */
export const MEDIA_TYPES = ['image', 'video', 'audio', 'document', 'sticker'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

export function isMediaType(type: string): type is MediaType {
  return (MEDIA_TYPES as readonly string[]).includes(type);
}
