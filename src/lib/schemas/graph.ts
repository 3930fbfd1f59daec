import * as z from 'zod/mini';

// The slice of Meta's Graph API that Pocketdesk calls: sending messages, marking read, media.
// Shared by the worker (which calls it) and the simulator (which plays Meta), so both agree on the wire.

const mediaRef = z.looseObject({
  id: z.optional(z.string()),
  link: z.optional(z.string()),
  caption: z.optional(z.string().check(z.maxLength(1024))),
  filename: z.optional(z.string()),
  voice: z.optional(z.boolean()),
});

export const templateParameterSchema = z.looseObject({
  type: z.string(),
  parameter_name: z.optional(z.string()),
  text: z.optional(z.string()),
  payload: z.optional(z.string()),
});

export const templateComponentSchema = z.looseObject({
  type: z.string(),
  sub_type: z.optional(z.string()),
  index: z.optional(z.union([z.string(), z.number()])),
  parameters: z.optional(z.array(templateParameterSchema)),
});

export const sendMessageRequestSchema = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  recipient_type: z.optional(z.enum(['individual', 'group'])),
  to: z.optional(z.string().check(z.minLength(1))),
  recipient: z.optional(z.string().check(z.minLength(1))),
  type: z._default(z.enum(['text', 'image', 'audio', 'video', 'document', 'sticker', 'location', 'contacts', 'interactive', 'reaction', 'template']), 'text'),
  context: z.optional(z.looseObject({ message_id: z.string() })),
  biz_opaque_callback_data: z.optional(z.string().check(z.maxLength(512))),
  text: z.optional(z.looseObject({ body: z.string().check(z.minLength(1), z.maxLength(4096)), preview_url: z.optional(z.boolean()) })),
  image: z.optional(mediaRef),
  audio: z.optional(mediaRef),
  video: z.optional(mediaRef),
  document: z.optional(mediaRef),
  sticker: z.optional(mediaRef),
  location: z.optional(z.looseObject({ latitude: z.number(), longitude: z.number(), name: z.optional(z.string()), address: z.optional(z.string()) })),
  contacts: z.optional(z.array(z.looseObject({}))),
  interactive: z.optional(z.looseObject({ type: z.string() })),
  reaction: z.optional(z.looseObject({ message_id: z.string(), emoji: z.string() })),
  template: z.optional(
    z.looseObject({
      name: z.string().check(z.minLength(1)),
      language: z.looseObject({ code: z.string().check(z.minLength(1)) }),
      components: z.optional(z.array(templateComponentSchema)),
    }),
  ),
});
export type SendMessageRequest = z.infer<typeof sendMessageRequestSchema>;

export const markReadRequestSchema = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  status: z.literal('read'),
  message_id: z.string().check(z.minLength(1)),
  typing_indicator: z.optional(z.looseObject({ type: z.string() })),
});
export type MarkReadRequest = z.infer<typeof markReadRequestSchema>;

export const sendMessageResponseSchema = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  contacts: z.optional(z.array(z.looseObject({ input: z.string(), wa_id: z.optional(z.string()), user_id: z.optional(z.string()) }))),
  messages: z.array(z.looseObject({ id: z.string().check(z.minLength(1)), message_status: z.optional(z.string()) })).check(z.minLength(1)),
});
export type SendMessageResponse = z.infer<typeof sendMessageResponseSchema>;

export const graphErrorResponseSchema = z.looseObject({
  error: z.looseObject({
    message: z.string(),
    type: z.optional(z.string()),
    code: z.number().check(z.int()),
    error_subcode: z.optional(z.number().check(z.int())),
    error_data: z.optional(z.looseObject({ messaging_product: z.optional(z.string()), details: z.optional(z.string()) })),
    fbtrace_id: z.optional(z.string()),
  }),
});
export type GraphErrorResponse = z.infer<typeof graphErrorResponseSchema>;

export const mediaUploadResponseSchema = z.looseObject({ id: z.string().check(z.minLength(1)) });

export const mediaInfoResponseSchema = z.looseObject({
  messaging_product: z.optional(z.literal('whatsapp')),
  url: z.string().check(z.minLength(1)),
  mime_type: z.string(),
  sha256: z.optional(z.string()),
  // Documented as a string, observed as a number.
  file_size: z.optional(z.pipe(z.union([z.string(), z.number()]), z.transform(Number))),
  id: z.string(),
});
export type MediaInfoResponse = z.infer<typeof mediaInfoResponseSchema>;
