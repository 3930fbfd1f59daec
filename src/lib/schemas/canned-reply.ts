import { z } from 'zod';

// A `canned_replies` record as the admin form writes it, with the collection's limits. The body may use the same
// `{{variables}}` as auto-replies (src/lib/domain/autoreply/template-text.ts).

export const cannedReplyInputSchema = z.object({
  shortcut: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .regex(/^[a-z0-9_-]+$/, 'Use lower-case letters, digits, - and _.'),
  title: z.string().trim().max(200).default(''),
  body: z.string().trim().min(1).max(4096),
  language: z.string().trim().max(16).default(''),
});
export type CannedReplyInput = z.input<typeof cannedReplyInputSchema>;
