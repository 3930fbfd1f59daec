// Web push on this device: can it work here, the server's VAPID key, and this device's `push_subscriptions` row.
import type PocketBase from 'pocketbase';
import { publicKeyResponseSchema, type PushSubscriptionRow } from '../schemas/push';

/** What the device can do: push, nothing, or push once installed to the home screen (iOS and iPadOS 16.4+). */
export type PushSupport = 'supported' | 'unsupported' | 'ios-install';

export interface DeviceTraits {
  userAgent: string;
  maxTouchPoints: number;
  /** Running as the installed app (display-mode standalone, or iOS's navigator.standalone). */
  standalone: boolean;
  hasServiceWorker: boolean;
  hasPushManager: boolean;
  hasNotification: boolean;
}

export function pushSupport(device: DeviceTraits): PushSupport {
  // iPadOS presents itself as a Mac; the touch screen gives it away.
  const ios = /iPad|iPhone|iPod/.test(device.userAgent) || (/Macintosh/.test(device.userAgent) && device.maxTouchPoints > 1);
  // Safari on iOS offers push only to home-screen apps, and hides PushManager elsewhere.
  if (ios && !device.standalone) return 'ios-install';
  return device.hasServiceWorker && device.hasPushManager && device.hasNotification ? 'supported' : 'unsupported';
}

/** The traits of the browser this runs in. */
export function currentDevice(): DeviceTraits {
  const nav = navigator as Navigator & { standalone?: boolean };
  return {
    userAgent: nav.userAgent,
    maxTouchPoints: nav.maxTouchPoints ?? 0,
    standalone: nav.standalone === true || window.matchMedia('(display-mode: standalone)').matches,
    hasServiceWorker: 'serviceWorker' in nav,
    hasPushManager: 'PushManager' in window,
    hasNotification: 'Notification' in window,
  };
}

/** A VAPID key as `applicationServerKey` wants it: base64url text to bytes. */
export function vapidKeyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = (base64url + '='.repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The server's public key; '' when the server has none configured. */
export async function fetchPublicKey(pb: PocketBase): Promise<string> {
  const parsed = publicKeyResponseSchema.safeParse(await pb.send('/api/pocketdesk/push/public-key', { requestKey: null }));
  return parsed.success ? parsed.data.publicKey : '';
}

async function findRow(pb: PocketBase, endpoint: string): Promise<{ id: string } | null> {
  const page = await pb.collection('push_subscriptions').getList(1, 1, { filter: pb.filter('endpoint = {:endpoint}', { endpoint }), requestKey: null });
  return page.items[0] ?? null;
}

/** True when a create failed only because the endpoint is already on file. */
export function isDuplicateEndpoint(error: unknown): boolean {
  const e = error as { status?: number; response?: { data?: { endpoint?: { code?: string } } } } | null;
  return e?.status === 400 && e.response?.data?.endpoint?.code === 'validation_not_unique';
}

/** Stores this device's subscription for the agent; an existing row for the same endpoint is brought up to date. */
export async function saveSubscription(pb: PocketBase, row: PushSubscriptionRow): Promise<void> {
  try {
    await pb.collection('push_subscriptions').create(row, { requestKey: null });
  } catch (error) {
    // The endpoint is unique: this device is already on file (an earlier start, or a lost answer).
    const existing = isDuplicateEndpoint(error) ? await findRow(pb, row.endpoint) : null;
    if (!existing) throw error;
    const { agent: _agent, ...keys } = row;
    await pb.collection('push_subscriptions').update(existing.id, keys, { requestKey: null });
  }
}

/** Removes this device's row, if the agent has one. */
export async function deleteSubscription(pb: PocketBase, endpoint: string): Promise<void> {
  const existing = await findRow(pb, endpoint);
  if (existing) await pb.collection('push_subscriptions').delete(existing.id, { requestKey: null });
}
