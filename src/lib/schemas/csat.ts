import * as z from 'zod/mini';
import { DEFAULT_CSAT_SETTINGS, type CsatSettings } from '../domain/csat/csat-settings';

/** Field problems in PocketBase's error shape, keyed by dotted path (`question.es`). */
export type CsatFieldErrors = Record<string, { code: string; message: string }>;

// WhatsApp caps an interactive message body at 1,024 characters and a text message at 4,096.
const question = z.string().check(z.trim(), z.minLength(1), z.maxLength(1024));
const prompt = z.string().check(z.trim(), z.maxLength(4096));
const defaults = DEFAULT_CSAT_SETTINGS;

/** A channel's satisfaction-survey settings; `{}` gives the defaults. */
export const csatSettingsSchema = z.object({
  enabled: z._default(z.boolean(), defaults.enabled),
  askBotResolved: z._default(z.boolean(), defaults.askBotResolved),
  question: z.prefault(z.object({ en: z._default(question, defaults.question.en), es: z._default(question, defaults.question.es) }), {}),
  // Template names as Meta stores them (the `templates` collection uses the same pattern); empty: never use one.
  templateName: z._default(z.string().check(z.trim(), z.maxLength(512), z.regex(/^[a-z0-9_]*$/)), defaults.templateName),
  commentPrompt: z.prefault(z.object({ en: z._default(prompt, defaults.commentPrompt.en), es: z._default(prompt, defaults.commentPrompt.es) }), {}),
});

export type CsatSettingsInput = z.input<typeof csatSettingsSchema>;
/** Parsed settings; the constraint fails the build if the schema drifts from the domain's type. */
export type ParsedCsatSettings = SatisfiesDomain<z.output<typeof csatSettingsSchema>>;
type SatisfiesDomain<T extends CsatSettings> = T;

/** Parses stored or submitted survey settings, in PocketBase's error shape. */
export function checkCsatSettings(raw: unknown): { ok: true; settings: ParsedCsatSettings } | { ok: false; errors: CsatFieldErrors } {
  const parsed = csatSettingsSchema.safeParse(raw ?? {});
  if (parsed.success) return { ok: true, settings: parsed.data };
  const errors: CsatFieldErrors = {};
  for (const issue of parsed.error.issues)
    errors[issue.path.map(String).join('.') || 'csat'] ??= { code: issue.code.replace(/_/g, '-'), message: issue.message };
  return { ok: false, errors };
}
