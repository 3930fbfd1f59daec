import { wordsOf } from './text-folding';

export interface DetectedLanguage {
  /** ISO 639-1 code, the same strings agents list as languages and rules list as skills. */
  language: string;
  /** 0..1: the language's share of the evidence, damped for very short messages. */
  confidence: number;
}

// Common words per language; a 2 marks words that almost only that language uses in a support chat.
// Words in more than one list are ignored at lookup, so the lists can stay natural.
const STOP_WORDS: Readonly<Record<string, string>> = {
  en: 'the:2 thanks:2 thank:2 hello:2 please:2 want:2 need:2 and is are was i you my me to of in for with on it this that have has can not do does hi hey order help where when what how why would could there your be at just get from am no',
  es: 'hola:2 gracias:2 quiero:2 necesito:2 usted:2 buenos:2 buenas:2 tengo:2 puedo:2 pero muy estoy cómo dónde cuándo qué porque días tardes noches ayuda también tambien hay sí ya ahora hoy el la los las del y en es un una que por para con mi me no se lo le al su nos este esta eso esto yo tú él ella todo bien pedido favor',
  pt: 'olá:2 obrigado:2 obrigada:2 você:2 voce:2 vocês:2 não:2 nao:2 quero:2 preciso:2 tenho:2 posso:2 oi mas muito estou onde quando porque bom boa dia tarde noite ajuda também tambem há sim já agora hoje o os as do da dos das e em no na um uma que por para com meu minha se ao seu sua nos este esta isso isto é ele ela eu tudo bem pra pro tá pedido favor',
};

interface WordVote {
  language: string;
  weight: number;
}

function buildVotes(): ReadonlyMap<string, WordVote | null> {
  const votes = new Map<string, WordVote | null>();
  for (const [language, list] of Object.entries(STOP_WORDS)) {
    for (const entry of list.split(' ')) {
      const [word, weight] = entry.split(':');
      // null marks a word shared by several languages: it is evidence for none of them.
      votes.set(word, votes.has(word) ? null : { language, weight: weight ? Number(weight) : 1 });
    }
  }
  return votes;
}

const votes = buildVotes();

// Letters and marks one of the languages uses and the others do not.
const LETTER_SIGNALS: ReadonlyArray<readonly [string, string, number]> = [
  ['ñ', 'es', 2],
  ['¿', 'es', 2],
  ['¡', 'es', 2],
  ['ã', 'pt', 2],
  ['õ', 'pt', 2],
  ['ç', 'pt', 1],
];

const LANGUAGES = Object.keys(STOP_WORDS);

/** Guesses the language of a message (en, es or pt) from common words; null when there is no clear winner. */
export function detectLanguage(text: string): DetectedLanguage | null {
  const scores: Record<string, number> = { en: 0, es: 0, pt: 0 };
  const words = wordsOf(text);
  for (let i = 0; i < words.length; i++) {
    const vote = votes.get(words[i]);
    if (vote) scores[vote.language] += vote.weight;
  }
  const lower = text.toLowerCase();
  for (const [letter, language, weight] of LETTER_SIGNALS) if (lower.includes(letter)) scores[language] += weight;

  let best = LANGUAGES[0];
  let total = 0;
  let tied = false;
  for (const language of LANGUAGES) {
    total += scores[language];
    if (language === best) continue;
    if (scores[language] > scores[best]) [best, tied] = [language, false];
    else if (scores[language] === scores[best]) tied = true;
  }
  if (scores[best] === 0 || tied) return null;
  // One "hola" is real but thin evidence; three points of it is as sure as this heuristic gets.
  const confidence = (scores[best] / total) * Math.min(1, scores[best] / 3);
  return { language: best, confidence: Math.round(confidence * 100) / 100 };
}
