import { CSAT_ROW_TITLES } from './csat-request';
import type { CsatLanguage } from './csat-settings';

/**
 * The approved `csat_request` template the demo seeds (and the simulator knows): the survey sent once the 24-hour
 * window has closed. Its quick replies carry the list's row titles, whose leading digit `readCsatAnswer` takes as
 * the rating; a typed digit works too.
 */
export const CSAT_TEMPLATE_TEXT: Readonly<Record<CsatLanguage, { body: string; quickReplies: readonly string[] }>> = {
  en: {
    body: 'How would you rate the help you got from us? Tap an answer, or reply with a number from 1 (very bad) to 5 (excellent).',
    quickReplies: CSAT_ROW_TITLES.en,
  },
  es: {
    body: '¿Cómo valorarías la atención que te dimos? Toca una respuesta o contesta con un número del 1 (muy mal) al 5 (excelente).',
    quickReplies: CSAT_ROW_TITLES.es,
  },
};
