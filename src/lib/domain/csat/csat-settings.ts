/** The languages the survey is written in; anything else gets English. */
export type CsatLanguage = 'en' | 'es';

/** One text per survey language. */
export type LocalizedText = Record<CsatLanguage, string>;

/** How a channel asks for satisfaction ratings after a resolution. */
export interface CsatSettings {
  enabled: boolean;
  /** Also ask when the bot resolved the conversation on its own. */
  askBotResolved: boolean;
  question: LocalizedText;
  /**
   * An approved template, sent when the 24-hour window has closed; empty: do not ask then. Its quick replies should
   * start with the rating digit ("4 – Good", as the demo's `csat_request` does) or it should invite a reply with a
   * digit from 1 to 5: `readCsatAnswer` takes either as the rating.
   */
  templateName: string;
  /** Sent after a rating, inviting one free-text comment; empty: do not ask. */
  commentPrompt: LocalizedText;
}

/** What a channel starts with. */
export const DEFAULT_CSAT_SETTINGS: CsatSettings = {
  enabled: true,
  askBotResolved: false,
  question: { en: 'How would you rate the help you got today?', es: '¿Cómo valorarías la atención que has recibido hoy?' },
  templateName: 'csat_request',
  commentPrompt: { en: 'Thank you! Is there anything you would like to tell us?', es: '¡Gracias! ¿Quieres contarnos algo más?' },
};

/** The survey language for a conversation's language code (`es`, `es-MX` → Spanish; anything else English). */
export function csatLanguageOf(code: string | null | undefined): CsatLanguage {
  return typeof code === 'string' && /^es(?:[-_]|$)/i.test(code) ? 'es' : 'en';
}
