import { z } from 'zod';

/** Limits Meta applies to what an agent can send (Cloud API §4.1). */
export const TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;

/** An agent's outbound message as the PWA creates it and the hooks accept it. */
export const replyDraftSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().trim().min(1, 'Write a message first.').max(TEXT_LIMIT) }),
  z.object({
    type: z.literal('template'),
    template: z.string().min(1, 'Pick a template.'),
    template_params: z.union([z.record(z.string(), z.string()), z.array(z.string())]).default([]),
  }),
  z.object({ type: z.enum(['image', 'video', 'audio', 'document']), text: z.string().max(CAPTION_LIMIT).default('') }),
]);
export type ReplyDraft = z.infer<typeof replyDraftSchema>;
