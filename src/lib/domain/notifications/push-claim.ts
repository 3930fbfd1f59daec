import type { NotificationKind } from './notification-kind';
import type { DeviceOutcome } from './push-outcome';
import type { PushWording } from './push-wording';
import type { StaleReason } from './stale-notification';

// The contract between the claim/result routes (PocketBase) and the push worker (Node): types only.

/** A device to push to: a row of `push_subscriptions`. */
export interface ClaimedSubscription {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** One leased notification with what the payload needs and the devices that have not had it yet. */
export interface ClaimedNotification {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  url: string;
  conversationId: string | null;
  customerName: string | null;
  channelName: string | null;
  messageText: string | null;
  /** Waiting work only: how many customers waited when it was written. */
  count: number | null;
  /** What the server meant, by key, for the device to say in its language; null: title and body say it. */
  wording: PushWording | null;
  /** Set when the situation changed since it was written: it was marked `stale` and nothing is to be sent. */
  stale: StaleReason | null;
  /** Empty when there is nothing to send (stale, or every device already answered): the claim settled it. */
  subscriptions: ClaimedSubscription[];
}

/** What one device's push service answered. */
export interface DeviceResult {
  subscription: string;
  outcome: DeviceOutcome;
  /** 0 for a network error. */
  httpStatus: number;
  retryAfterMs?: number;
}

/** The body of POST /api/pocketdesk/worker/push-results. */
export interface PushResults {
  worker: string;
  results: Array<{ id: string; devices: DeviceResult[] }>;
}
