import * as z from 'zod/mini';
import { checkPattern } from '../domain/routing/pattern-safety';
import { foldText } from '../domain/routing/text-folding';

// Stored per channel. Every field has a default so `{}` is a working (switched-off) configuration. Limits are
// Meta's for interactive reply buttons (Cloud API §4.1): at most 3 buttons, titles ≤ 20, ids ≤ 256, body ≤ 1024.

/** Words that send a customer straight to a person, in English and Spanish. */
export const DEFAULT_HANDOFF_KEYWORDS = ['agent', 'human', 'person', 'persona', 'humano', 'agente', 'operator'];
/** Meta's limits for interactive reply buttons. */
export const MAX_BUTTONS = 3;
export const BUTTON_TITLE_LIMIT = 20;
export const INTERACTIVE_BODY_LIMIT = 1024;
/** Button ids the bot answers itself; entries may not use the prefix. */
export const RESERVED_BUTTON_PREFIX = 'faq:';

const keyword = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));
const exampleQuestion = z.string().check(z.trim(), z.minLength(1), z.maxLength(300));
/** Example questions an entry may list; a message close enough in meaning to one of them gets the entry's answer. */
export const MAX_EXAMPLES = 20;
/** Example questions per channel: each message is compared with all of them inside the hooks' VM. */
export const MAX_CHANNEL_EXAMPLES = 200;
const buttonTitle = z.string().check(z.trim(), z.minLength(1), z.maxLength(BUTTON_TITLE_LIMIT));

/** A reply button under a buttons answer. */
export const faqButtonSchema = z.object({ id: z.string().check(z.trim(), z.minLength(1), z.maxLength(256)), title: buttonTitle });

/** What the bot sends for an entry: text (feedback buttons are added), or text with the entry's own buttons. */
export const faqAnswerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().check(z.trim(), z.minLength(1), z.maxLength(INTERACTIVE_BODY_LIMIT)) }),
  z.object({
    type: z.literal('buttons'),
    text: z.string().check(z.trim(), z.minLength(1), z.maxLength(INTERACTIVE_BODY_LIMIT)),
    buttons: z.array(faqButtonSchema).check(z.minLength(1), z.maxLength(MAX_BUTTONS)),
  }),
]);

/**
 * One question the bot can answer: any keyword (folded, whole words, `*` for a prefix) or the pattern triggers it;
 * failing those, a message that means what one of its example questions says (src/lib/domain/faq/faq-meaning.ts).
 */
export const faqEntrySchema = z
  .object({
    id: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)),
    enabled: z._default(z.boolean(), true),
    keywords: z._default(z.array(keyword).check(z.maxLength(100)), () => []),
    pattern: z._default(z.nullable(z.string().check(z.maxLength(1000))), null),
    examples: z._default(z.array(exampleQuestion).check(z.maxLength(MAX_EXAMPLES)), () => []),
    answer: faqAnswerSchema,
  })
  .check(
    z.superRefine((entry, ctx) => {
      const issue = (path: PropertyKey[], code: string, message: string) => ctx.addIssue({ code: 'custom', path, message, params: { code } });
      if (entry.id.startsWith(RESERVED_BUTTON_PREFIX)) issue(['id'], 'reserved-id', `Ids starting with "${RESERVED_BUTTON_PREFIX}" are reserved.`);
      if (entry.pattern !== null && entry.pattern !== '') {
        const check = checkPattern(entry.pattern);
        if (!check.ok) issue(['pattern'], check.code, check.message);
      }
      entry.keywords.forEach((k, i) => {
        if (foldText(k.replace(/\*$/, '')).trim() === '') issue(['keywords', i], 'empty-keyword', 'A keyword needs at least one letter or digit.');
      });
      if (entry.keywords.length === 0 && (entry.pattern ?? '') === '' && entry.examples.length === 0)
        issue(['keywords'], 'no-trigger', 'Add a keyword, a pattern or an example question, or this answer is never sent.');
      if (entry.answer.type === 'buttons') {
        const ids = entry.answer.buttons.map((b) => b.id);
        ids.forEach((id, i) => {
          if (ids.indexOf(id) !== i) issue(['answer', 'buttons', i, 'id'], 'duplicate-id', 'Each button needs its own id.');
        });
      }
    }),
  );

/** A channel's FAQ bot. */
export const faqSettingsSchema = z
  .object({
    enabled: z._default(z.boolean(), false),
    entries: z._default(z.array(faqEntrySchema).check(z.maxLength(200)), () => []),
    handoffKeywords: z._default(z.array(keyword).check(z.maxLength(100)), () => [...DEFAULT_HANDOFF_KEYWORDS]),
    /** After an answer, silence this long means the answer helped: the bot resolves the conversation. */
    resolveAfterSilenceMinutes: z._default(z.number().check(z.int(), z.gte(1), z.lte(7 * 24 * 60)), 30),
    /** Answers per conversation before the bot hands over anyway, so a customer can't be kept in a loop. */
    maxAnswers: z._default(z.number().check(z.int(), z.gte(1), z.lte(20)), 3),
    buttons: z.prefault(z.object({ solved: z._default(buttonTitle, 'That solved it'), human: z._default(buttonTitle, 'Talk to a person') }), {}),
    /** Sent before resolving on "That solved it"; '' sends nothing. */
    solvedText: z._default(z.string().check(z.trim(), z.maxLength(INTERACTIVE_BODY_LIMIT)), ''),
    /** Sent before handing over to a person; '' sends nothing. */
    handoffText: z._default(z.string().check(z.trim(), z.maxLength(INTERACTIVE_BODY_LIMIT)), ''),
  })
  .check(
    z.superRefine((settings, ctx) => {
      const seen = new Set<string>();
      const examples = settings.entries.reduce((n, entry) => n + entry.examples.length, 0);
      if (examples > MAX_CHANNEL_EXAMPLES)
        ctx.addIssue({
          code: 'custom',
          path: ['entries'],
          message: `At most ${MAX_CHANNEL_EXAMPLES} example questions per channel.`,
          params: { code: 'too-many-examples' },
        });
      settings.entries.forEach((entry, i) => {
        if (seen.has(entry.id))
          ctx.addIssue({ code: 'custom', path: ['entries', i, 'id'], message: 'Each entry needs its own id.', params: { code: 'duplicate-id' } });
        seen.add(entry.id);
      });
    }),
  );
export type FaqSettings = z.infer<typeof faqSettingsSchema>;
export type FaqSettingsInput = z.input<typeof faqSettingsSchema>;
export type FaqEntry = z.infer<typeof faqEntrySchema>;
export type FaqAnswer = z.infer<typeof faqAnswerSchema>;

/** The FAQ settings a channel starts with: the bot switched off. */
export const DEFAULT_FAQ_SETTINGS: FaqSettings = faqSettingsSchema.parse({});
