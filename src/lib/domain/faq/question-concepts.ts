// Customers ask the same question in words an FAQ's examples never used: "my card still hasn't come" against "my
// card has not arrived yet", "no me llegó la tarjeta" against "when will my card arrive". TF-IDF alone sees only
// the shared words, so before comparing, each folded word of a help-desk question is mapped to a concept shared by
// its English and Spanish synonyms and forms, and the words every question has ("my", "please", "el") are dropped.
// Hand-written and small on purpose: the verbs and nouns of support questions, not a dictionary. A word not listed
// stays as it is, and the character n-grams still relate its forms ("refunds", "refunded").
import { tokenizeText } from '../intents/text-normalization';

// Each line: a concept, then its words as tokenizeText folds them (lower case, accents and apostrophes dropped).
const CONCEPTS: Record<string, string> = {
  arrive:
    'arrive arrived arrives arriving come came comes coming received receive receiving reach reached show showed shown turned ' +
    'llegar llego llega llegan llegado llegada llegaron llegue recibir recibi recibido recibida recibo recibio',
  deliver: 'deliver delivered delivery deliveries entrega entregado entregada entregar reparto',
  ship: 'ship shipped shipping shipment post posted mail mailed envio envios enviar enviado enviada enviaron despacho',
  card: 'card cards tarjeta tarjetas',
  not: 'not no never hasnt havent didnt dont doesnt isnt wasnt wont cant cannot nunca ni tampoco nada',
  // "Still waiting for my card" asks what "my card has not arrived yet" asks.
  yet: 'still yet todavia aun wait waiting waited esperar esperando espero esperado',
  when: 'when cuando long tarda tardan tardara demora',
  refund: 'refund refunds refunded reimburse reimbursed reembolso reembolsar reembolsen devolucion devolver devuelvan',
  money: 'money dinero plata',
  cancel: 'cancel cancelled canceled cancellation cancelar cancelado cancelacion anular anulado',
  order: 'order orders ordered purchase purchased bought package parcel paquete pedido pedidos orden compra compre comprado',
  price: 'price prices cost costs fee fees charge charged charges precio precios costo coste cuesta comision cobro cobraron cargo',
  pay: 'pay paid paying payment payments pago pagos pagar pague pagado abono',
  account: 'account accounts cuenta cuentas',
  password: 'password passcode contrasena clave',
  forgot: 'forgot forget forgotten remember recall olvide olvidado olvidaste olvido recuerdo recordar acuerdo',
  login: 'login logon signin log sign access acceder entrar ingresar iniciar sesion',
  lost: 'lost lose stolen stole steal robbed missing find found perdi perdida perdido robada robado robaron robo encuentro encontrar',
  change: 'change changed changing update updated modify edit cambiar cambio cambie actualizar modificar',
  address: 'address addresses home direccion domicilio casa',
  open: 'open opens opening hours time closed close schedule hora horas abren abierto abiertos horario horarios cierran cerrado',
  broken: 'broken damaged faulty defective roto rota danado danada defectuoso',
  work: 'work works working funciona funcionan sirve',
  declined: 'declined rejected refused denied rechazada rechazado rechazaron denegada',
  transfer: 'transfer transfers transferred wire transferencia transferir transferi',
  balance: 'balance saldo',
  invoice: 'invoice invoices receipt receipts bill factura facturas comprobante',
  phone: 'phone mobile cell number telefono celular movil numero',
  blocked: 'blocked frozen locked suspended bloqueada bloqueado bloquearon congelada suspendida',
  new: 'new replacement another nueva nuevo otra otro reposicion',
  help: 'help ayuda ayudar ayudame',
  store: 'store shop branch office tienda sucursal oficina local',
  today: 'today now hoy ahora',
  weekend: 'weekend weekends saturday saturdays sunday sundays holiday holidays sabado sabados domingo domingos feriado feriados',
};

// Words nearly every question has, in English and Spanish: they say nothing about which question it is.
const FUNCTION_WORDS =
  'a an the my mine me i im ive id you your we our us it its is are was were be been am do does did have has had will would ' +
  'can could should shall may might to of for from in on at by with about as and or but if so that this these those what ' +
  'which who why how where there here please pls hi hello hey thanks thank ok just get got any some want need think someone ' +
  'el la los las un una unos unas mi mis tu tus su sus yo me te se nos lo le les de del al a en con por para y o u que ' +
  'como donde porque cual es son esta estan estoy fue ha han he hay hola gracias favor ya muy mas sin sobre este esto esa ese ' +
  'quiero necesito tengo creo alguien';

const conceptOf = new Map<string, string>();
for (const concept of Object.keys(CONCEPTS)) for (const word of CONCEPTS[concept]!.split(' ')) conceptOf.set(word, concept);
const functionWords = new Set(FUNCTION_WORDS.split(' '));

/** A question as the FAQ matcher compares it: its folded words, synonyms as one concept, function words dropped. */
export function questionTerms(text: string): string {
  const out: string[] = [];
  for (const token of tokenizeText(text)) {
    const term = conceptOf.get(token) ?? (functionWords.has(token) ? '' : token);
    // "still waiting" and "what time … open" say one thing once: a repeated concept would outweigh the rest.
    if (term !== '' && !out.includes(term)) out.push(term);
  }
  return out.join(' ');
}
