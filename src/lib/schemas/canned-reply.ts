import * as z from 'zod/mini';

// A `canned_replies` record as the admin form writes it, with the collection's limits. The body may use the same
// `{{variables}}` as auto-replies (src/lib/domain/autoreply/template-text.ts).

export const cannedReplyInputSchema = z.object({
  shortcut: z.string().check(z.trim(), z.minLength(1), z.maxLength(50), z.regex(/^[a-z0-9_-]+$/, 'Use lower-case letters, digits, - and _.')),
  title: z._default(z.string().check(z.trim(), z.maxLength(200)), ''),
  body: z.string().check(z.trim(), z.minLength(1), z.maxLength(4096)),
  language: z._default(z.string().check(z.trim(), z.maxLength(16)), ''),
});
export type CannedReplyInput = z.input<typeof cannedReplyInputSchema>;
