// Realistic Spanish and English help-desk texts for the search benchmark (bench-seed.ts): customers' names with
// accents, numbers, and messages built from templates, so the index holds the words and word frequencies of a
// real desk rather than one repeated token.

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

const FIRST = [
  'José',
  'María',
  'Ana',
  'Lucía',
  'Martín',
  'Sofía',
  'Jesús',
  'Ángela',
  'Raúl',
  'Inés',
  'Óscar',
  'Begoña',
  'Joaquín',
  'Valentina',
  'John',
  'Emma',
  'Liam',
  'Olivia',
  'Noah',
  'Mia',
  'Sean',
  'Chloe',
  'Grace',
  'Aidan',
];
const LAST = [
  'García',
  'Peña',
  'Muñoz',
  'Fernández',
  'López',
  'Martínez',
  'Sánchez',
  'Gómez',
  'Díaz',
  'Álvarez',
  'Núñez',
  'Ibáñez',
  'Castaño',
  'Rodríguez',
  'Smith',
  'Brown',
  'Taylor',
  'Wilson',
  'Murphy',
  'Walsh',
  'Evans',
  'Clarke',
];
const PLACES = [
  'Sevilla',
  'Málaga',
  'Córdoba',
  'Zaragoza',
  'Bogotá',
  'Medellín',
  'Querétaro',
  'Mérida',
  'León',
  'Cádiz',
  'London',
  'Leeds',
  'Austin',
  'Dublin',
  'Bristol',
  'Miami',
];

const ES = {
  product: ['bomba', 'caldera', 'lavadora', 'nevera', 'manguera', 'válvula', 'bicicleta', 'cafetera', 'batería', 'antena', 'impresora', 'persiana'],
  day: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],
  month: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  customer: [
    'Hola, mi pedido {n} no ha llegado todavía',
    'Buenos días, la {product} que compré está rota',
    '¿Pueden enviar un técnico a {place} el {day}?',
    'Gracias por la ayuda, todo funciona bien',
    'La factura de {month} tiene un error, me cobraron dos veces',
    'No consigo encender la {product}, hace un ruido extraño',
    '¿Cuál es el horario de atención del {day}?',
    'Necesito cambiar la dirección de entrega a calle {last} {n}',
    'El técnico llegó tarde y no trajo la pieza de repuesto',
    'Quiero devolver la {product}, ¿cómo lo hago?',
    'La {product} gotea desde ayer por la noche',
    'Perdón, ¿me pueden llamar después de las cinco?',
  ],
  agent: [
    'Claro, lo revisamos ahora mismo',
    'Le enviamos un técnico a {place} el {day} por la mañana',
    'Disculpe la demora, su pedido {n} sale hoy',
    'Ya corregimos la factura de {month}, recibirá el reembolso',
    '¿Nos puede enviar una foto de la {product}?',
    'Gracias, {first}. Cerramos la consulta, escríbanos si necesita algo más',
  ],
};

const EN = {
  product: ['pump', 'boiler', 'washing machine', 'fridge', 'hose', 'valve', 'bike', 'coffee machine', 'battery', 'antenna', 'printer', 'blind'],
  day: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  month: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  customer: [
    "Hi, my order {n} hasn't arrived yet",
    'The {product} I bought last week is leaking',
    'Can you send a technician to {place} on {day}?',
    'Thanks for the quick reply, it works now',
    'There is a mistake on my invoice for {month}, I was charged twice',
    'The {product} makes a strange noise when it starts',
    'What time do you open on {day}?',
    'Please change the delivery address to {n} {last} Street',
    'The engineer came late and forgot the spare part',
    'I want to return the {product}, how do I do that?',
    'Could you call me back after 5pm?',
    'My {product} stopped working this morning',
  ],
  agent: [
    'Sure, we are checking it right now',
    'We are sending a technician to {place} on {day} morning',
    'Sorry for the delay, your order {n} ships today',
    'We fixed the {month} invoice, you will get a refund',
    'Could you send us a photo of the {product}?',
    'Thanks, {first}. We are closing this, write to us if you need anything else',
  ],
};

export interface BenchCustomer {
  name: string;
  waId: string;
  language: 'es' | 'en';
}

/** A customer: a Spanish or English name with accents, a WhatsApp number with a country code. */
export function benchCustomer(random: () => number): BenchCustomer {
  const language = random() < 0.6 ? 'es' : 'en';
  const country = pick(random, language === 'es' ? ['34', '52', '57', '54'] : ['44', '1', '353']);
  let digits = '';
  for (let i = 0; i < 12 - country.length; i++) digits += String(Math.floor(random() * 10));
  return { name: `${pick(random, FIRST)} ${pick(random, LAST)}`, waId: `${country}6${digits}`, language };
}

/** One message of a conversation with `customer`, from the customer or an agent. */
export function benchMessage(random: () => number, customer: BenchCustomer, fromCustomer: boolean): string {
  const words = customer.language === 'es' ? ES : EN;
  const template = pick(random, fromCustomer ? words.customer : words.agent);
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    if (slot === 'n') return String(100 + Math.floor(random() * 9900));
    if (slot === 'place') return pick(random, PLACES);
    if (slot === 'last') return pick(random, LAST);
    if (slot === 'first') return customer.name.split(' ')[0] as string;
    return pick(random, words[slot as 'product' | 'day' | 'month']);
  });
}

// A deterministic generator, so two bench runs index the same texts.
export { seededRandom } from '../lib/domain/random/seeded-random';
