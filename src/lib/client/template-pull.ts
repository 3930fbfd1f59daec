// "Get templates from Meta" on the templates screen: the server's answer read with a schema, and what an admin reads
// about a template Meta has not approved (its status and Meta's reason, in a sentence).
import type PocketBase from 'pocketbase';
import { z } from 'zod';
import { failureOf, type SaveResult } from './settings-errors';

export const templatePullResultSchema = z.union([
  z.object({
    ok: z.literal(true),
    total: z.number(),
    created: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    removed: z.number(),
    skipped: z.number(),
  }),
  z.object({ ok: z.literal(false), reason: z.string(), code: z.number().nullable(), metaMessage: z.string() }),
]);
export type TemplatePullResult = z.infer<typeof templatePullResultSchema>;

export async function pullTemplates(pb: PocketBase, channelId: string): Promise<SaveResult<TemplatePullResult>> {
  try {
    const answer = await pb.send(`/api/pocketdesk/channels/${encodeURIComponent(channelId)}/pull-templates`, { method: 'POST', requestKey: null });
    const parsed = templatePullResultSchema.safeParse(answer);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: 'unreadable', errors: {} };
  } catch (error) {
    return failureOf(error);
  }
}

/** The sentences the screen needs, from the admin catalogue. */
export interface ReviewWords {
  paused: string;
  pending: string;
  disabled: string;
  removed: string;
  rejected: string;
  rejectedReasons: Record<string, string>;
  rejectedOther: (reason: string) => string;
}

/** Why a template cannot be sent, in a sentence; '' for an approved one. */
export function templateReviewSentence(template: { status: string; status_reason?: string; removed_at?: string }, words: ReviewWords): string {
  if (template.removed_at) return words.removed;
  switch (template.status) {
    case 'approved':
      return '';
    case 'rejected': {
      const reason = (template.status_reason ?? '').trim();
      if (!reason) return words.rejected;
      return words.rejectedReasons[reason.toUpperCase()] ?? words.rejectedOther(reason);
    }
    case 'paused':
      return words.paused;
    case 'pending':
      return words.pending;
    default:
      return words.disabled;
  }
}
