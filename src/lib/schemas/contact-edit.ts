// zod/mini like the other schemas the hooks load: full zod in the hooks' bundle is evaluated by every pooled VM.
import * as z from 'zod/mini';

// What staff edit on a customer in a conversation's details; the form and the server's guard on `contacts` parse
// with this one schema. WhatsApp's own fields (number, profile name) are not here: the API rules lock them.

// No \\p{L}: the hooks' JS VM has no Unicode property escapes; Latin letters with accents cover the shop's keys.
const attributeKey = z
  .string()
  .check(z.trim(), z.minLength(1), z.maxLength(40), z.regex(/^[A-Za-z0-9\u00C0-\u024F_ .-]+$/, 'Use letters, digits, spaces, _ . or -.'));

/** The editable details; attributes are short text values under short keys (routing rules compare them as text). */
export const contactEditSchema = z.object({
  name: z.string().check(z.trim(), z.maxLength(200)),
  language: z.union([
    z.literal(''),
    z.string().check(z.trim(), z.toLowerCase(), z.regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/, 'Use a language code such as es or pt-br.')),
  ]),
  attributes: z
    .record(attributeKey, z.union([z.string().check(z.maxLength(500)), z.number(), z.boolean()]))
    .check(z.refine((value) => Object.keys(value).length <= 50, { message: 'At most 50 attributes.', params: { code: 'too-many' } })),
});
export type ContactEdit = z.infer<typeof contactEditSchema>;
