// The FAQ bot form's working copy of a channel's `faq` JSON and its checks: the shared schema the server also runs.
import { faqSettingsSchema, DEFAULT_FAQ_SETTINGS, MAX_BUTTONS, type FaqEntry, type FaqSettingsInput } from '../schemas/faq';
import { errorsFromIssues, onListInputs, type FieldErrorMap } from './settings-errors';
import { textOfWords, wordsOf } from './word-list';

export { MAX_BUTTONS };

export interface FaqButtonDraft {
  id: string;
  title: string;
}

/** One question and its answer; buttons are kept while the answer is plain text, so switching back loses nothing. */
export interface FaqEntryDraft {
  id: string;
  enabled: boolean;
  keywords: string;
  pattern: string;
  /** Example questions, one a line. */
  examples: string;
  answerType: 'text' | 'buttons';
  text: string;
  buttons: FaqButtonDraft[];
}

export interface FaqDraft {
  enabled: boolean;
  entries: FaqEntryDraft[];
  handoffKeywords: string;
  resolveAfterSilenceMinutes: number | null;
  maxAnswers: number | null;
  solvedButton: string;
  humanButton: string;
  solvedText: string;
  handoffText: string;
}

function entryDraftOf(entry: FaqEntry): FaqEntryDraft {
  return {
    id: entry.id,
    enabled: entry.enabled,
    keywords: textOfWords(entry.keywords),
    pattern: entry.pattern ?? '',
    examples: entry.examples.join('\n'),
    answerType: entry.answer.type,
    text: entry.answer.text,
    buttons: entry.answer.type === 'buttons' ? entry.answer.buttons.map((b) => ({ ...b })) : [],
  };
}

/** The stored settings as a draft; a document that no longer parses starts from the defaults (bot off). */
export function faqDraftOf(raw: unknown): FaqDraft {
  const parsed = faqSettingsSchema.safeParse(raw ?? {});
  const settings = parsed.success ? parsed.data : DEFAULT_FAQ_SETTINGS;
  return {
    enabled: settings.enabled,
    entries: settings.entries.map(entryDraftOf),
    handoffKeywords: textOfWords(settings.handoffKeywords),
    resolveAfterSilenceMinutes: settings.resolveAfterSilenceMinutes,
    maxAnswers: settings.maxAnswers,
    solvedButton: settings.buttons.solved,
    humanButton: settings.buttons.human,
    solvedText: settings.solvedText,
    handoffText: settings.handoffText,
  };
}

/** A new entry with an id no other entry has. */
export function newFaqEntry(entries: readonly FaqEntryDraft[]): FaqEntryDraft {
  const taken = new Set(entries.map((e) => e.id));
  let n = entries.length + 1;
  while (taken.has(`answer-${n}`)) n += 1;
  return { id: `answer-${n}`, enabled: true, keywords: '', pattern: '', examples: '', answerType: 'text', text: '', buttons: [] };
}

// One example question a line; blank lines are spacing, not examples.
const linesOf = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** The draft as `faq` JSON. */
export function faqInputOf(draft: FaqDraft): FaqSettingsInput {
  return {
    enabled: draft.enabled,
    entries: draft.entries.map((entry) => ({
      id: entry.id,
      enabled: entry.enabled,
      keywords: wordsOf(entry.keywords),
      pattern: entry.pattern === '' ? null : entry.pattern,
      examples: linesOf(entry.examples),
      answer:
        entry.answerType === 'buttons'
          ? { type: 'buttons', text: entry.text, buttons: entry.buttons.map((b) => ({ ...b })) }
          : { type: 'text', text: entry.text },
    })),
    handoffKeywords: wordsOf(draft.handoffKeywords),
    // Cleared number inputs are null: the schema reports them on their field.
    resolveAfterSilenceMinutes: draft.resolveAfterSilenceMinutes as number,
    maxAnswers: draft.maxAnswers as number,
    buttons: { solved: draft.solvedButton, human: draft.humanButton },
    solvedText: draft.solvedText,
    handoffText: draft.handoffText,
  };
}

/** Errors keyed by the JSON's paths (the server's, without `faq.`) re-keyed onto the form's inputs. */
export function faqFormErrors(errors: FieldErrorMap): FieldErrorMap {
  const renamed: FieldErrorMap = {};
  for (const [path, problem] of Object.entries(errors)) {
    const key = path
      .replace(/^buttons\.solved$/, 'solvedButton')
      .replace(/^buttons\.human$/, 'humanButton')
      .replace(/^(entries\.\d+)\.answer\.text$/, '$1.text')
      .replace(/^(entries\.\d+)\.answer\./, '$1.');
    renamed[key] ??= problem;
  }
  return onListInputs(renamed, ['keywords', 'examples', 'handoffKeywords']);
}

/** The JSON to send, or field errors keyed like the form. */
export function checkFaqDraft(draft: FaqDraft): { ok: true; input: FaqSettingsInput } | { ok: false; errors: FieldErrorMap } {
  const input = faqInputOf(draft);
  const parsed = faqSettingsSchema.safeParse(input);
  return parsed.success ? { ok: true, input } : { ok: false, errors: faqFormErrors(errorsFromIssues(parsed.error.issues)) };
}
