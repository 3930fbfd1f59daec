// A number's history import and health line (admins), as GET /api/pocketdesk/channels/{id}/health answers it
// (src/lib/domain/channels/channel-health.ts describes it).
import type PocketBase from 'pocketbase';
import { z } from 'zod';
import type { ChannelHealthView } from '../domain/channels/channel-health';
import { failureOf, type SaveResult } from './settings-errors';

const healthError = z.object({ code: z.number(), title: z.string(), details: z.string(), at: z.string() });

const channelHealthSchema = z.object({
  history: z.object({
    state: z.enum(['none', 'running', 'finished', 'declined']),
    imported: z.number(),
    progress: z.number(),
    startedAt: z.string(),
    finishedAt: z.string(),
    phases: z.array(z.object({ phase: z.number(), chunks: z.number(), orders: z.array(z.number()), at: z.string() })),
    errors: z.array(healthError),
  }),
  metaErrors: z.array(healthError),
  failedSends: z.array(z.object({ code: z.number(), reason: z.string(), title: z.string(), at: z.string() })),
  lastWebhookAt: z.string(),
  token: z.enum(['missing', 'working', 'rejected', 'unchecked']),
}) satisfies z.ZodType<ChannelHealthView>;

export async function loadChannelHealth(pb: PocketBase, channelId: string): Promise<SaveResult<ChannelHealthView>> {
  try {
    const answer = await pb.send(`/api/pocketdesk/channels/${encodeURIComponent(channelId)}/health`, { method: 'GET', requestKey: null });
    const parsed = channelHealthSchema.safeParse(answer);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: 'unreadable', errors: {} };
  } catch (error) {
    return failureOf(error);
  }
}
