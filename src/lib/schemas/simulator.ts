import { z } from 'zod';

// Request bodies of the local WhatsApp simulator's control routes (/_sim/*) and its settings files.
// Tests of the backend drive the simulator through these, so they live beside the Graph and webhook schemas.

export const simulatorKnobsSchema = z.object({
  /** Chance (0–1) that a webhook POST is delivered a second time, as Meta does with retries and multi-app fan-out. */
  duplicate_probability: z.number().min(0).max(1),
  /** Deliver `read` before `delivered`: Meta does not guarantee status order. */
  reorder_statuses: z.boolean(),
  /** Up to this many updates are merged into one POST (Meta batches up to 1000). */
  batch_size: z.number().int().min(1).max(1000),
  /** Free-form message outside the 24 h window: accept then fail by webhook (`async`, Meta's usual) or refuse (`sync`). */
  window_mode: z.enum(['async', 'sync']),
  /** 2026 business-scoped user ids: none, alongside phone numbers, or username users without a phone. */
  bsuid_mode: z.enum(['off', 'with_phone', 'username_no_phone']),
  /** Include the direct download `url` in inbound media objects (rolled out from Nov 2025, may be absent). */
  media_url_in_webhook: z.boolean(),
  /** Add `conversation` objects to statuses, as Graph versions before v24 did. */
  include_conversation: z.boolean(),
  /** Skip `delivered` when `read` follows it; Meta may send only `read`. */
  drop_delivered_when_read: z.boolean(),
  /** HTTP status of the 130429 throughput error: Meta documents 429, some integrators log 400. */
  rate_limit_http_status: z.union([z.literal(429), z.literal(400)]),
});
export type SimulatorKnobs = z.infer<typeof simulatorKnobsSchema>;

export const knobsPatchSchema = simulatorKnobsSchema.partial().strict();
export type KnobsPatch = z.infer<typeof knobsPatchSchema>;

export const inboundTypeSchema = z.enum([
  'text', 'image', 'audio', 'video', 'document', 'sticker', 'location', 'contacts',
  'interactive', 'button', 'reaction', 'order', 'system', 'unsupported',
]);
export type InboundType = z.infer<typeof inboundTypeSchema>;

export const injectInboundSchema = z
  .object({
    /** Business line that receives the message; defaults to the first configured channel. */
    phoneNumberId: z.string().min(1).optional(),
    /** Customer phone, digits only (no `+`). */
    from: z.string().regex(/^\d{6,15}$/).optional(),
    /** Business-scoped user id such as `US.13491208655302741918`. */
    userId: z.string().regex(/^[A-Z]{2}\.[A-Za-z0-9.]{1,140}$/).optional(),
    name: z.string().max(256).optional(),
    username: z.string().max(64).optional(),
    type: inboundTypeSchema.default('text'),
    /** Body for `text`; caption for image, video and document. */
    text: z.string().max(65536).optional(),
    filename: z.string().max(240).optional(),
    mimeType: z.string().max(100).optional(),
    /** File content for media types; a small sample file is used when absent. */
    dataBase64: z.string().optional(),
    /** Audio only: a recorded voice note rather than a shared file. Defaults to true. */
    voice: z.boolean().optional(),
    location: z
      .object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180), name: z.string().optional(), address: z.string().optional() })
      .optional(),
    /** `emoji` omitted = the customer removed their reaction. */
    reaction: z.object({ messageId: z.string().min(1), emoji: z.string().optional() }).optional(),
    buttonReply: z.object({ id: z.string().min(1), title: z.string().min(1) }).optional(),
    listReply: z.object({ id: z.string().min(1), title: z.string().min(1), description: z.string().optional() }).optional(),
    button: z.object({ payload: z.string(), text: z.string() }).optional(),
    /** wamid the customer replies to (quote); business or customer message. */
    contextId: z.string().min(1).optional(),
    forwarded: z.enum(['forwarded', 'frequently_forwarded']).optional(),
    referral: z.looseObject({}).optional(),
    /** Extra keys merged into the message object last: contacts, order, system, unsupported, errors… */
    fields: z.record(z.string(), z.unknown()).optional(),
    /** Answer only after the first delivery attempt, reporting its outcome. */
    wait: z.boolean().optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    const needs: Partial<Record<InboundType, keyof typeof input>> = {
      text: 'text', location: 'location', reaction: 'reaction', button: 'button',
    };
    const key = needs[input.type];
    if (key && input[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: `required for type ${input.type}` });
    if (input.type === 'interactive' && !input.buttonReply && !input.listReply) {
      ctx.addIssue({ code: 'custom', path: ['buttonReply'], message: 'interactive needs buttonReply or listReply' });
    }
  });
export type InjectInboundInput = z.input<typeof injectInboundSchema>;
export type InjectInboundRequest = z.output<typeof injectInboundSchema>;

export const failNextSchema = z
  .object({
    code: z.number().int().nonnegative(),
    count: z.number().int().min(1).max(10000).default(1),
    /** `sync`: Graph error response; `async`: 200 then a `failed` status; `value`: 200 then a value-level `errors` webhook. */
    mode: z.enum(['sync', 'async', 'value']).default('sync'),
    httpStatus: z.number().int().min(400).max(599).optional(),
    details: z.string().optional(),
  })
  .strict();
export type FailNextInput = z.input<typeof failNextSchema>;
export type FailNextSpec = z.output<typeof failNextSchema>;

export const replayRequestSchema = z.object({ payload: z.unknown(), wait: z.boolean().optional() }).strict();

export const verifyRequestSchema = z.object({ verifyToken: z.string().optional() }).strict();

export const simulatorTemplateSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9_]{1,512}$/),
    language: z.string().min(2),
    category: z.enum(['marketing', 'utility', 'authentication']),
    parameterFormat: z.enum(['named', 'positional']),
    parameterNames: z.array(z.string().min(1)).optional(),
    parameterCount: z.number().int().min(0),
    /** Placeholders in a text header (Meta allows one). */
    headerParameterCount: z.number().int().min(0).max(1).optional(),
  })
  .refine((t) => t.parameterFormat !== 'named' || (t.parameterNames ?? []).length === t.parameterCount, {
    message: 'named templates list exactly parameterCount parameterNames',
    path: ['parameterNames'],
  });
export type SimulatorTemplate = z.infer<typeof simulatorTemplateSchema>;

export const simulatorTemplatesFileSchema = z.array(simulatorTemplateSchema);
