import { z } from 'zod';
import { DEFAULT_CSAT_SETTINGS, type CsatSettings } from '../domain/csat/csat-settings';

/** Field problems in PocketBase's error shape, keyed by dotted path (`question.es`). */
export type CsatFieldErrors = Record<string, { code: string; message: string }>;

// WhatsApp caps an interactive message body at 1,024 characters and a text message at 4,096.
const question = z.string().trim().min(1).max(1024);
const prompt = z.string().trim().max(4096);
const defaults = DEFAULT_CSAT_SETTINGS;

/** A channel's satisfaction-survey settings; `{}` gives the defaults. */
export const csatSettingsSchema = z.object({
  enabled: z.boolean().default(defaults.enabled),
  askBotResolved: z.boolean().default(defaults.askBotResolved),
  question: z.object({ en: question.default(defaults.question.en), es: question.default(defaults.question.es) }).prefault({}),
  // Template names as Meta stores them (the `templates` collection uses the same pattern); empty: never use one.
  templateName: z.string().trim().max(512).regex(/^[a-z0-9_]*$/).default(defaults.templateName),
  commentPrompt: z.object({ en: prompt.default(defaults.commentPrompt.en), es: prompt.default(defaults.commentPrompt.es) }).prefault({}),
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
  for (const issue of parsed.error.issues) errors[issue.path.map(String).join('.') || 'csat'] ??= { code: issue.code.replace(/_/g, '-'), message: issue.message };
  return { ok: false, errors };
}
