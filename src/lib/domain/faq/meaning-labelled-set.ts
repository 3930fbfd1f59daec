// The small labelled set MEANING_THRESHOLD was chosen on (faq-meaning.test.ts sweeps it): a bank-and-shop desk's
// FAQ entries with English and Spanish examples, customers' paraphrases that share no keyword with the entry, and
// near misses — questions on the same nouns ("card", "order", "account") that no entry answers.
import type { MeaningCandidate } from './faq-meaning';

/** The entries, each with the examples an admin would write. */
export const LABELLED_ENTRIES: MeaningCandidate[] = [
  {
    id: 'card-delivery',
    examples: ['When will my card arrive?', 'My card has not arrived yet', '¿Cuándo llega mi tarjeta?', 'Todavía no recibí mi tarjeta'],
  },
  { id: 'lost-card', examples: ['I lost my card', 'My card was stolen', 'Perdí mi tarjeta', 'Me robaron la tarjeta'] },
  { id: 'opening-hours', examples: ['What are your opening hours?', 'Are you open on Saturday?', '¿Cuál es su horario?', '¿Abren los domingos?'] },
  { id: 'refund', examples: ['How do I get a refund?', 'I want my money back', '¿Cómo pido un reembolso?', 'Quiero que me devuelvan el dinero'] },
  { id: 'password', examples: ['I forgot my password', 'How do I reset my password?', 'Olvidé mi contraseña', 'No puedo recuperar mi clave'] },
  {
    id: 'order-status',
    examples: ['Where is my order?', 'My order has not arrived', 'Has my order been shipped?', '¿Dónde está mi pedido?', '¿Ya enviaron mi pedido?'],
  },
  { id: 'address', examples: ['How do I change my address?', 'I moved, please update my address', 'Quiero cambiar mi dirección'] },
];

/** Messages and the entry that should answer them, or null when none should. */
export const LABELLED_QUESTIONS: Array<[string, string | null]> = [
  // Paraphrases: none of the entry's keywords, the meaning of an example.
  ['my card still hasn’t come', 'card-delivery'],
  ['CARD NEVER CAME', 'card-delivery'],
  ['still waiting for my new card', 'card-delivery'],
  ['no me ha llegado la tarjeta', 'card-delivery'],
  ['aún no tengo mi tarjeta', 'card-delivery'],
  ['my card hasnt shown up', 'card-delivery'],
  ['someone stole my card', 'lost-card'],
  ['he perdido la tarjeta', 'lost-card'],
  ['i cant find my card, i think i lost it', 'lost-card'],
  ['what time do you open?', 'opening-hours'],
  ['¿a qué hora abren?', 'opening-hours'],
  ['are you open sundays', 'opening-hours'],
  ['can I get my money back', 'refund'],
  ['quiero un reembolso', 'refund'],
  ['I need my money refunded', 'refund'],
  ['I can’t remember my password', 'password'],
  ['olvidé la clave', 'password'],
  ['has my order shipped yet?', 'order-status'],
  ['mi pedido no ha llegado', 'order-status'],
  ['where is my package order', 'order-status'],
  ['update my home address', 'address'],
  ['cambiar la dirección de envío', 'address'],
  // Near misses: the same nouns, another question.
  ['my card was declined at the store', null],
  ['how do I activate my card?', null],
  ['can I open a new account?', null],
  ['I want to cancel my order', null],
  ['quiero cancelar mi pedido', null],
  ['what is the exchange rate today', null],
  ['¿cuánto cuesta una transferencia?', null],
  ['my card is blocked', null],
  ['la tarjeta está bloqueada', null],
  ['how much does shipping cost', null],
  ['thanks!', null],
  ['hello', null],
];
