// The operations screen's reads and the replay action (admins; the routes refuse everyone else).
import type PocketBase from 'pocketbase';
import { failureOf, type SaveResult } from './settings-errors';

export interface Backlog {
  pending: number;
  retrying: number;
  oldestReceivedAt: string | null;
  failing: { bodyHash: string; attempts: number; applyAfter: string; error: string }[];
}
export interface FailedDelivery {
  id: string;
  error: string;
  received_at: string;
  attempts: number;
}
export interface ChannelHealth {
  id: string;
  name: string;
  /** The admin switched the number off (Channel settings → Connection). */
  disabled: boolean;
  lastWebhookAt: string | null;
  lastError: { code: number; title: string; at: string } | null;
}

async function call<T>(run: () => Promise<T>): Promise<SaveResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return failureOf(error);
  }
}

export const loadBacklog = (pb: PocketBase) => call(() => pb.send<Backlog>('/api/pocketdesk/webhooks/backlog', { requestKey: null }));
export const loadChannelHealth = (pb: PocketBase) =>
  call(async () => (await pb.send<{ channels: ChannelHealth[] }>('/api/pocketdesk/channels/health', { requestKey: null })).channels);
export const loadFailedDeliveries = (pb: PocketBase) =>
  call(
    async () =>
      (
        await pb
          .collection('webhook_events')
          .getList(1, 50, { filter: 'status = "failed"', sort: '-received_at', fields: 'id,error,received_at,attempts', requestKey: null })
      ).items as unknown as FailedDelivery[],
  );
export const replayDelivery = (pb: PocketBase, id: string) =>
  call(() => pb.send(`/api/pocketdesk/webhooks/${encodeURIComponent(id)}/replay`, { method: 'POST', requestKey: null }));
