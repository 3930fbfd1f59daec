// The auto-replies form's working copy of a channel's `auto_replies` JSON and reply language, its checks (the shared
// schema the server also runs) and what each reply will read like.
import { replyLanguageOf, type ReplyLanguage } from '../domain/autoreply/opening-text';
import { DEFAULT_REPLY_TEXTS, replyTextOf, type AutoReplyKind } from '../domain/autoreply/reply-texts';
import { renderTemplate, TEMPLATE_VARIABLES } from '../domain/autoreply/template-text';
import { autoRepliesSettingsSchema, DEFAULT_AUTO_REPLIES, type AutoRepliesSettingsInput } from '../schemas/auto-replies';
import { errorsFromIssues, onListInputs, type FieldErrorMap } from './settings-errors';
import { textOfWords, wordsOf } from './word-list';

export { TEMPLATE_VARIABLES };
export const REPLY_LANGUAGES: readonly ReplyLanguage[] = ['en', 'es'];

export interface AutoRepliesDraft {
  /** Which built-in texts an empty reply uses; stored as the channel's `language`. */
  language: ReplyLanguage;
  greeting: { enabled: boolean; text: string };
  outOfHours: { enabled: boolean; text: string; suppressAfterAgentReplyMinutes: number | null; keywords: string; link: string };
  afterAssign: { enabled: boolean; text: string };
}

/** The draft's reply sections and the kind each one sends. */
export const REPLY_SECTIONS = [
  ['greeting', 'greeting'],
  ['outOfHours', 'out-of-hours'],
  ['afterAssign', 'after-assign'],
] as const satisfies ReadonlyArray<readonly [keyof Omit<AutoRepliesDraft, 'language'>, AutoReplyKind]>;

/** The stored settings as a draft; a document that no longer parses starts from the defaults. */
export function autoRepliesDraftOf(raw: unknown, channelLanguage: string): AutoRepliesDraft {
  const parsed = autoRepliesSettingsSchema.safeParse(raw ?? {});
  const { greeting, outOfHours, afterAssign } = parsed.success ? parsed.data : DEFAULT_AUTO_REPLIES;
  return {
    language: replyLanguageOf(channelLanguage),
    greeting: { ...greeting },
    outOfHours: {
      enabled: outOfHours.enabled,
      text: outOfHours.text,
      suppressAfterAgentReplyMinutes: outOfHours.suppressAfterAgentReplyMinutes,
      keywords: textOfWords(outOfHours.selfService.keywords),
      link: outOfHours.selfService.link,
    },
    afterAssign: { ...afterAssign },
  };
}

/** The draft as `auto_replies` JSON. */
export function autoRepliesInputOf(draft: AutoRepliesDraft): AutoRepliesSettingsInput {
  const { outOfHours } = draft;
  return {
    greeting: { ...draft.greeting },
    outOfHours: {
      enabled: outOfHours.enabled,
      text: outOfHours.text,
      // A cleared number input is null: the schema reports it on the field instead of quietly using the default.
      suppressAfterAgentReplyMinutes: outOfHours.suppressAfterAgentReplyMinutes as number,
      selfService: { keywords: wordsOf(outOfHours.keywords), link: outOfHours.link },
    },
    afterAssign: { ...draft.afterAssign },
  };
}

/** Errors keyed by the JSON's paths (the server's, without `auto_replies.`) re-keyed onto the form's inputs. */
export function autoRepliesFormErrors(errors: FieldErrorMap): FieldErrorMap {
  const renamed: FieldErrorMap = {};
  for (const [path, problem] of Object.entries(errors)) renamed[path.replace(/^outOfHours\.selfService\./, 'outOfHours.')] ??= problem;
  return onListInputs(renamed, ['keywords']);
}

/** The JSON to send, or field errors keyed like the form. */
export function checkAutoRepliesDraft(draft: AutoRepliesDraft): { ok: true; input: AutoRepliesSettingsInput } | { ok: false; errors: FieldErrorMap } {
  const input = autoRepliesInputOf(draft);
  const parsed = autoRepliesSettingsSchema.safeParse(input);
  return parsed.success ? { ok: true, input } : { ok: false, errors: autoRepliesFormErrors(errorsFromIssues(parsed.error.issues)) };
}

/** What an empty text sends, in `language`. */
export function builtInText(kind: AutoReplyKind, language: ReplyLanguage): string {
  return DEFAULT_REPLY_TEXTS[language][kind];
}

/** Example values for the preview, so the admin sees where each variable lands. */
export type SampleValues = Record<(typeof TEMPLATE_VARIABLES)[number], string>;

/** The reply as a customer would read it with the sample values filled in. */
export function replyPreview(kind: AutoReplyKind, text: string, language: ReplyLanguage, sample: SampleValues): string {
  return renderTemplate(replyTextOf(kind, text, language), sample);
}
