// zod/mini (same engine as full zod, tree-shakable API): this schema is on the conversation screen's load path, and
// full zod there cost the page its Lighthouse performance (blocking time); the hooks read the same issues either way.
import * as z from 'zod/mini';

/** Limits Meta applies to what an agent can send (Cloud API §4.1). */
export const TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;

/** An agent's outbound message as the PWA creates it and the hooks accept it. */
export const replyDraftSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().check(z.trim(), z.minLength(1, 'Write a message first.'), z.maxLength(TEXT_LIMIT)) }),
  z.object({
    type: z.literal('template'),
    template: z.string().check(z.minLength(1, 'Pick a template.')),
    template_params: z._default(z.union([z.record(z.string(), z.string()), z.array(z.string())]), []),
  }),
  z.object({ type: z.enum(['image', 'video', 'audio', 'document']), text: z._default(z.string().check(z.maxLength(CAPTION_LIMIT)), '') }),
]);
export type ReplyDraft = z.infer<typeof replyDraftSchema>;
