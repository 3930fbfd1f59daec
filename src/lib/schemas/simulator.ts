import * as z from 'zod/mini';

// Request bodies of the local WhatsApp simulator's control routes (/_sim/*) and its settings files.
// Tests of the backend drive the simulator through these, so they live beside the Graph and webhook schemas.

export const simulatorKnobsSchema = z.object({
  /** Chance (0–1) that a webhook POST is delivered a second time, as Meta does with retries and multi-app fan-out. */
  duplicate_probability: z.number().check(z.gte(0), z.lte(1)),
  /** Deliver `read` before `delivered`: Meta does not guarantee status order. */
  reorder_statuses: z.boolean(),
  /** Up to this many updates are merged into one POST (Meta batches up to 1000). */
  batch_size: z.number().check(z.int(), z.gte(1), z.lte(1000)),
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
  /** The access token has expired: every Graph call with it answers 190 (subcode 463), as Meta does after 60 days. */
  access_token_expired: z.boolean(),
  /** Templates per page of GET /{waba-id}/message_templates at most (Meta's default page is 25; `limit` asks fewer). */
  template_page_size: z.number().check(z.int(), z.gte(1), z.lte(1000)),
});
export type SimulatorKnobs = z.infer<typeof simulatorKnobsSchema>;

export const knobsPatchSchema = z.strictObject(z.partial(simulatorKnobsSchema).shape);
export type KnobsPatch = z.infer<typeof knobsPatchSchema>;

export const inboundTypeSchema = z.enum([
  'text',
  'image',
  'audio',
  'video',
  'document',
  'sticker',
  'location',
  'contacts',
  'interactive',
  'button',
  'reaction',
  'order',
  'system',
  'unsupported',
]);
export type InboundType = z.infer<typeof inboundTypeSchema>;

export const injectInboundSchema = z
  .strictObject({
    /** Business line that receives the message; defaults to the first configured channel. */
    phoneNumberId: z.optional(z.string().check(z.minLength(1))),
    /** Customer phone, digits only (no `+`). */
    from: z.optional(z.string().check(z.regex(/^\d{6,15}$/))),
    /** Business-scoped user id such as `US.13491208655302741918`. */
    userId: z.optional(z.string().check(z.regex(/^[A-Z]{2}\.[A-Za-z0-9.]{1,140}$/))),
    name: z.optional(z.string().check(z.maxLength(256))),
    username: z.optional(z.string().check(z.maxLength(64))),
    type: z._default(inboundTypeSchema, 'text'),
    /** Body for `text`; caption for image, video and document. */
    text: z.optional(z.string().check(z.maxLength(65536))),
    filename: z.optional(z.string().check(z.maxLength(240))),
    mimeType: z.optional(z.string().check(z.maxLength(100))),
    /** File content for media types; a small sample file is used when absent. */
    dataBase64: z.optional(z.string()),
    /** Audio only: a recorded voice note rather than a shared file. Defaults to true. */
    voice: z.optional(z.boolean()),
    location: z.optional(
      z.object({
        latitude: z.number().check(z.gte(-90), z.lte(90)),
        longitude: z.number().check(z.gte(-180), z.lte(180)),
        name: z.optional(z.string()),
        address: z.optional(z.string()),
      }),
    ),
    /** `emoji` omitted = the customer removed their reaction. */
    reaction: z.optional(z.object({ messageId: z.string().check(z.minLength(1)), emoji: z.optional(z.string()) })),
    buttonReply: z.optional(z.object({ id: z.string().check(z.minLength(1)), title: z.string().check(z.minLength(1)) })),
    listReply: z.optional(z.object({ id: z.string().check(z.minLength(1)), title: z.string().check(z.minLength(1)), description: z.optional(z.string()) })),
    button: z.optional(z.object({ payload: z.string(), text: z.string() })),
    /** wamid the customer replies to (quote); business or customer message. */
    contextId: z.optional(z.string().check(z.minLength(1))),
    forwarded: z.optional(z.enum(['forwarded', 'frequently_forwarded'])),
    referral: z.optional(z.looseObject({})),
    /** Extra keys merged into the message object last: contacts, order, system, unsupported, errors… */
    fields: z.optional(z.record(z.string(), z.unknown())),
    /** Answer only after the first delivery attempt, reporting its outcome. */
    wait: z.optional(z.boolean()),
  })
  .check(
    z.superRefine((input, ctx) => {
      const needs: Partial<Record<InboundType, keyof typeof input>> = {
        text: 'text',
        location: 'location',
        reaction: 'reaction',
        button: 'button',
      };
      const key = needs[input.type];
      if (key && input[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: `required for type ${input.type}` });
      if (input.type === 'interactive' && !input.buttonReply && !input.listReply) {
        ctx.addIssue({ code: 'custom', path: ['buttonReply'], message: 'interactive needs buttonReply or listReply' });
      }
    }),
  );
export type InjectInboundInput = z.input<typeof injectInboundSchema>;
export type InjectInboundRequest = z.output<typeof injectInboundSchema>;

export const failNextSchema = z.strictObject({
  code: z.number().check(z.int(), z.nonnegative()),
  count: z._default(z.number().check(z.int(), z.gte(1), z.lte(10000)), 1),
  /** `sync`: Graph error response; `async`: 200 then a `failed` status; `value`: 200 then a value-level `errors` webhook. */
  mode: z._default(z.enum(['sync', 'async', 'value']), 'sync'),
  httpStatus: z.optional(z.number().check(z.int(), z.gte(400), z.lte(599))),
  details: z.optional(z.string()),
});
export type FailNextInput = z.input<typeof failNextSchema>;
export type FailNextSpec = z.output<typeof failNextSchema>;

export const replayRequestSchema = z.strictObject({ payload: z.unknown(), wait: z.optional(z.boolean()) });

/** `webhookUrl`: the desk's webhook URL to verify, when it is not the one the simulator posts to. */
export const verifyRequestSchema = z.strictObject({ verifyToken: z.optional(z.string()), webhookUrl: z.optional(z.url()) });

export const simulatorTemplateSchema = z
  .object({
    name: z.string().check(z.regex(/^[a-z0-9_]{1,512}$/)),
    language: z.string().check(z.minLength(2)),
    category: z.enum(['marketing', 'utility', 'authentication']),
    parameterFormat: z.enum(['named', 'positional']),
    parameterNames: z.optional(z.array(z.string().check(z.minLength(1)))),
    parameterCount: z.number().check(z.int(), z.gte(0)),
    /** Placeholders in a text header (Meta allows one). */
    headerParameterCount: z.optional(z.number().check(z.int(), z.gte(0), z.lte(1))),
    /** The texts as approved, with `{{1}}` or `{{name}}` placeholders: the phone page draws the message from them. */
    header: z.optional(z.string().check(z.maxLength(60))),
    body: z.optional(z.string().check(z.maxLength(1024))),
    footer: z.optional(z.string().check(z.maxLength(60))),
    /** Quick-reply button texts, in order (Meta allows up to ten; a tap comes back as a `button` message). */
    quickReplies: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(25))).check(z.maxLength(10))),
    /** Meta's review of it (APPROVED unless told): only approved templates can be sent. */
    status: z.optional(z.enum(['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED'])),
    /** Why Meta rejected it (`PROMOTIONAL`, `INVALID_FORMAT`…). */
    rejectedReason: z.optional(z.string()),
  })
  .check(
    z.refine((t) => t.parameterFormat !== 'named' || (t.parameterNames ?? []).length === t.parameterCount, {
      message: 'named templates list exactly parameterCount parameterNames',
      path: ['parameterNames'],
    }),
  );
export type SimulatorTemplate = z.infer<typeof simulatorTemplateSchema>;

export const simulatorTemplatesFileSchema = z.array(simulatorTemplateSchema);
