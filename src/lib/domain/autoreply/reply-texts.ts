import type { ReplyLanguage } from './opening-text';

/** The auto-reply kinds a channel can send. */
export type AutoReplyKind = 'greeting' | 'out-of-hours' | 'after-assign';

/** What each auto-reply says when the admin left its text empty. */
export const DEFAULT_REPLY_TEXTS: Readonly<Record<ReplyLanguage, Readonly<Record<AutoReplyKind, string>>>> = {
  en: {
    greeting: "Hi {{customer_name}}! Thanks for writing to {{channel_name}}. We'll be with you shortly.",
    'out-of-hours': "Thanks for your message! We're closed right now. {{business_hours}}.",
    'after-assign': '{{agent_name}} will help you shortly.',
  },
  es: {
    greeting: '¡Hola {{customer_name}}! Gracias por escribir a {{channel_name}}. Enseguida te atendemos.',
    'out-of-hours': '¡Gracias por tu mensaje! Ahora mismo estamos cerrados. {{business_hours}}.',
    'after-assign': '{{agent_name}} te atenderá en breve.',
  },
};

/** The admin's text, or the built-in one for `language` when it is empty. */
export function replyTextOf(kind: AutoReplyKind, text: string, language: ReplyLanguage): string {
  return text.trim() === '' ? DEFAULT_REPLY_TEXTS[language][kind] : text;
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
    return es ? `Mientras tanto, escribe ${listOf(words, language)} para obtener respuestas al instante.` : `Meanwhile, type ${listOf(words, language)} for instant answers.`;
  }
  if (url !== '') return es ? `Mientras tanto, puedes encontrar respuestas en ${url}` : `Meanwhile, you can find answers at ${url}`;
  return '';
}
