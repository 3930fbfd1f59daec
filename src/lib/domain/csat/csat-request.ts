import type { ResolvedBy } from '../metrics/conversation-timeline';
import { serviceWindowAt } from '../window/service-window';
import { CSAT_RATINGS } from './csat-rating';
import { csatLanguageOf, type CsatLanguage, type CsatSettings } from './csat-settings';

/** The conversation facts the survey decision needs. */
export interface CsatConversation {
  resolvedBy: ResolvedBy | null;
  lastInboundAt: number | null;
  csatRequestedAt: number | null;
  /** The conversation's detected language code; picks the survey text. */
  language?: string | null;
}

/** One row of the rating list; ids are `csat:1` to `csat:5`. */
export interface CsatListRow {
  id: string;
  title: string;
}

/**
 * The survey to send: an interactive list while the 24-hour window is open (reply buttons stop at three, a list
 * holds five rows), else the approved template.
 */
export type CsatRequest = { kind: 'list'; body: string; button: string; rows: CsatListRow[] } | { kind: 'template'; name: string; language: CsatLanguage };

// WhatsApp caps a list row title at 24 characters and the list button at 20.
/** The rating rows' titles (WhatsApp caps a list row title at 24 characters, a quick reply at 25). */
export const CSAT_ROW_TITLES: Readonly<Record<CsatLanguage, readonly string[]>> = {
  en: ['1 – Very bad', '2 – Bad', '3 – Okay', '4 – Good', '5 – Excellent'],
  es: ['1 – Muy mal', '2 – Mal', '3 – Regular', '4 – Bien', '5 – Excelente'],
};
const LIST_BUTTON: Record<CsatLanguage, string> = { en: 'Rate', es: 'Valorar' };

/** The id a rating row answers with. */
export function csatRowId(rating: number): string {
  return `csat:${rating}`;
}

/**
 * The satisfaction survey to send for a resolved conversation at `now`, or null when it must not be sent: surveys
 * off, not resolved, already asked once, resolved by the bot without `askBotResolved`, or the window closed and no
 * template configured.
 */
export function planCsatRequest(conversation: CsatConversation, settings: CsatSettings, now: number): CsatRequest | null {
  if (!settings.enabled || conversation.resolvedBy === null || conversation.csatRequestedAt !== null) return null;
  if (conversation.resolvedBy === 'bot' && !settings.askBotResolved) return null;
  const language = csatLanguageOf(conversation.language);
  if (serviceWindowAt(conversation.lastInboundAt, now).open) {
    const titles = CSAT_ROW_TITLES[language];
    return {
      kind: 'list',
      body: settings.question[language],
      button: LIST_BUTTON[language],
      rows: CSAT_RATINGS.map((rating, i) => ({ id: csatRowId(rating), title: titles[i] ?? String(rating) })),
    };
  }
  const name = settings.templateName.trim();
  return name === '' ? null : { kind: 'template', name, language };
}

/** The follow-up inviting a comment after a rating, or null when the prompt is empty. */
export function csatCommentPrompt(settings: CsatSettings, language: string | null | undefined): string | null {
  const prompt = settings.commentPrompt[csatLanguageOf(language)].trim();
  return prompt === '' ? null : prompt;
}
