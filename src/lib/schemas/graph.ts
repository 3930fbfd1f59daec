import { z } from 'zod';

// The slice of Meta's Graph API that Pocketdesk calls: sending messages, marking read, media.
// Shared by the worker (which calls it) and the simulator (which plays Meta), so both agree on the wire.

const mediaRef = z.looseObject({
  id: z.string().optional(),
  link: z.string().optional(),
  caption: z.string().max(1024).optional(),
  filename: z.string().optional(),
  voice: z.boolean().optional(),
});

export const templateParameterSchema = z.looseObject({
  type: z.string(),
  parameter_name: z.string().optional(),
  text: z.string().optional(),
  payload: z.string().optional(),
});

export const templateComponentSchema = z.looseObject({
  type: z.string(),
  sub_type: z.string().optional(),
  index: z.union([z.string(), z.number()]).optional(),
  parameters: z.array(templateParameterSchema).optional(),
});

export const sendMessageRequestSchema = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  recipient_type: z.enum(['individual', 'group']).optional(),
  to: z.string().min(1).optional(),
  recipient: z.string().min(1).optional(),
  type: z.enum(['text', 'image', 'audio', 'video', 'document', 'sticker', 'location', 'contacts', 'interactive', 'reaction', 'template']).default('text'),
  context: z.looseObject({ message_id: z.string() }).optional(),
  biz_opaque_callback_data: z.string().max(512).optional(),
  text: z.looseObject({ body: z.string().min(1).max(4096), preview_url: z.boolean().optional() }).optional(),
  image: mediaRef.optional(),
  audio: mediaRef.optional(),
  video: mediaRef.optional(),
  document: mediaRef.optional(),
  sticker: mediaRef.optional(),
  location: z.looseObject({ latitude: z.number(), longitude: z.number(), name: z.string().optional(), address: z.string().optional() }).optional(),
  contacts: z.array(z.looseObject({})).optional(),
  interactive: z.looseObject({ type: z.string() }).optional(),
  reaction: z.looseObject({ message_id: z.string(), emoji: z.string() }).optional(),
  template: z
    .looseObject({
      name: z.string().min(1),
      language: z.looseObject({ code: z.string().min(1) }),
      components: z.array(templateComponentSchema).optional(),
    })
    .optional(),
});
export type SendMessageRequest = z.infer<typeof sendMessageRequestSchema>;

export const markReadRequestSchema = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  status: z.literal('read'),
  message_id: z.string().min(1),
  typing_indicator: z.looseObject({ type: z.string() }).optional(),
});
export type MarkReadRequest = z.infer<typeof markReadRequestSchema>;

export const sendMessageResponseSchema = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  contacts: z.array(z.looseObject({ input: z.string(), wa_id: z.string().optional(), user_id: z.string().optional() })).optional(),
  messages: z.array(z.looseObject({ id: z.string().min(1), message_status: z.string().optional() })).min(1),
});
export type SendMessageResponse = z.infer<typeof sendMessageResponseSchema>;

export const graphErrorResponseSchema = z.looseObject({
  error: z.looseObject({
    message: z.string(),
    type: z.string().optional(),
    code: z.number().int(),
    error_subcode: z.number().int().optional(),
    error_data: z.looseObject({ messaging_product: z.string().optional(), details: z.string().optional() }).optional(),
    fbtrace_id: z.string().optional(),
  }),
});
export type GraphErrorResponse = z.infer<typeof graphErrorResponseSchema>;

export const mediaUploadResponseSchema = z.looseObject({ id: z.string().min(1) });

export const mediaInfoResponseSchema = z.looseObject({
  messaging_product: z.literal('whatsapp').optional(),
  url: z.string().min(1),
  mime_type: z.string(),
  sha256: z.string().optional(),
  // Documented as a string, observed as a number.
  file_size: z.union([z.string(), z.number()]).transform(Number).optional(),
  id: z.string(),
});
export type MediaInfoResponse = z.infer<typeof mediaInfoResponseSchema>;
