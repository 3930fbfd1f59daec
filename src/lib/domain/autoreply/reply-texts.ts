import type { ReplyLanguage } from './opening-text';

/** The auto-reply kinds a channel can send. */
export type AutoReplyKind = 'greeting' | 'out-of-hours' | 'after-assign';
/** The replies of routing's branches: new customer with someone online, nobody online, returning to a colleague. */
export type BranchReplyKind = 'welcome' | 'offline' | 'returning';

// The greeting is only a salutation: the automatic voice puts it in front of whatever is true next ("we're closed,
// we open at 09:00", "we'll be with you in a moment"), so it must promise nothing itself.
/** What each automatic message says when the admin left its text empty. */
export const DEFAULT_REPLY_TEXTS: Readonly<Record<ReplyLanguage, Readonly<Record<AutoReplyKind | BranchReplyKind, string>>>> = {
  en: {
    greeting: 'Hi {{customer_name}}! Thanks for writing to {{business_name}}.',
    'out-of-hours': "We're closed right now. {{business_hours}}.",
    'after-assign': '{{agent_name}} will help you shortly.',
    welcome: "We'll be with you in a moment.",
    offline: "Nobody is available right now, but we'll reply as soon as we can.",
    returning: 'Thanks for writing again. A colleague will help you shortly.',
  },
  es: {
    greeting: '¡Hola {{customer_name}}! Gracias por escribir a {{business_name}}.',
    'out-of-hours': 'Ahora mismo estamos cerrados. {{business_hours}}.',
    'after-assign': '{{agent_name}} te atenderá en breve.',
    welcome: 'Enseguida te atendemos.',
    offline: 'Ahora mismo no hay nadie disponible, pero te responderemos lo antes posible.',
    returning: 'Gracias por volver a escribirnos. Alguien del equipo te atenderá en breve.',
  },
};

// Routing's replies once shipped with these English texts stored in the settings; they mean "the built-in text" so
// a channel saved with them reads well together with the greeting, and in Spanish.
const LEGACY_DEFAULTS: readonly string[] = [
  "Welcome to my store. We'll be with you in a moment.",
  'Thank you for your message. We are out of office hours.',
  'Thanks for writing again. A colleague will be with you shortly.',
];

/** The admin's text, or the built-in one for `language` when it is empty (or a legacy built-in text). */
export function replyTextOf(kind: AutoReplyKind | BranchReplyKind, text: string, language: ReplyLanguage): string {
  const own = text.trim();
  return own === '' || LEGACY_DEFAULTS.includes(own) ? DEFAULT_REPLY_TEXTS[language][kind] : text;
}

function listOf(words: readonly string[], language: ReplyLanguage): string {
  const quoted = words.map((w) => (language === 'es' ? `«${w}»` : `"${w}"`));
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${language === 'es' ? 'o' : 'or'} ${quoted[quoted.length - 1]}`;
}

/** The self-service hint added to an out-of-hours reply ('' when neither keywords nor a link are set). */
export function selfServiceText(keywords: readonly string[], link: string, language: ReplyLanguage): string {
  const words = keywords.map((k) => k.trim()).filter((k) => k !== '');
  const url = link.trim();
  const es = language === 'es';
  if (words.length > 0 && url !== '') {
    return es
      ? `Mientras tanto, escribe ${listOf(words, language)} para obtener respuestas al instante, o visita ${url}`
      : `Meanwhile, type ${listOf(words, language)} for instant answers, or visit ${url}`;
  }
  if (words.length > 0) {
    return es
      ? `Mientras tanto, escribe ${listOf(words, language)} para obtener respuestas al instante.`
      : `Meanwhile, type ${listOf(words, language)} for instant answers.`;
  }
  if (url !== '') return es ? `Mientras tanto, puedes encontrar respuestas en ${url}` : `Meanwhile, you can find answers at ${url}`;
  return '';
}
