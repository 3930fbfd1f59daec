// The words, phrases and emoji the message-signals reader weighs, English and Spanish (with a few Portuguese
// forms the desk's channels see). Entries are folded (lower case, no accents, punctuation as spaces), so
// "está", "ESTA" and "esta" are one entry; contractions are folded too ("don't" reads "don t", see message-signals).
// Weights run from -3 (insult, fraud) to +3 (delighted); the reader adds them up with negation and intensity.

/** Folded word or phrase → weight. Phrases are matched before their words. */
// prettier-ignore
export const SENTIMENT_WEIGHTS: Readonly<Record<string, number>> = {
  // English, negative
  angry: -2.5, furious: -3, mad: -2, annoyed: -2, upset: -2, frustrated: -2, frustrating: -2, disappointed: -2, disappointing: -2,
  unhappy: -2, sad: -1.5, terrible: -2.5, horrible: -2.5, awful: -2.5, worst: -3, bad: -1.5, poor: -1.5, useless: -2.5, pathetic: -2.5,
  ridiculous: -2.5, unacceptable: -3, disgusting: -3, hate: -2.5, scam: -3, fraud: -2.5, thieves: -3, liars: -3, lied: -2, incompetent: -3,
  rude: -2, broken: -1.5, damaged: -1.5, wrong: -1.2, late: -1, delayed: -1, missing: -1.2, lost: -1.2, problem: -1,
  problems: -1, issue: -0.8, complaint: -1.5, complain: -1.5, refund: -0.8, cancel: -0.8, tired: -1.5, fed: -0.5, sick: -1,
  waiting: -0.8, ignored: -2, ignoring: -2, nobody: -1, joke: -1.5, nonsense: -2, shame: -2, shameful: -2.5, lawyer: -2, sue: -2.5,
  charged: -1, overcharged: -2.5, stolen: -2.5, fail: -1.5, failed: -1.5, fails: -1.5, wtf: -3, crap: -2.5, hell: -1.5,
  'fed up': -2.5, 'sick of': -2.5, 'tired of': -2, 'waste of time': -2.5, 'rip off': -3, 'ripped off': -3, 'not work': -2, 'not working': -2,
  'stopped working': -2, 'never arrived': -2, 'never came': -2, 'not arrived': -1.5, 'not received': -1.5, 'still waiting': -2, 'still not': -1.5,
  'no one': -1, 'no answer': -1.5, 'no response': -1.5, 'no reply': -1.5, 'what a joke': -2.5, 'not happy': -2, 'not ok': -1.5,
  'last time': -0.5, 'give up': -1.5, 'going elsewhere': -2, 'never again': -2.5, 'charged twice': -2, 'double charged': -2,
  // English, politeness and reassurance: "no problem" and "no, thanks" are not negations of something good
  'no problem': 1, 'no worries': 1, 'no thanks': 0, 'no thank you': 0, 'thanks in advance': 0.5, 'no rush': 0.5, 'not bad': 1.2,
  error: -1.5, errors: -1.5, down: -0.5, 'is down': -1.5, 'been down': -1.5, leaking: -1.5, cancelled: -1, hacked: -2, flooded: -2,
  chase: -1.5, chasing: -1.5, again: -0.5, 'again and again': -1.5, 'not believe': -1.5, 'never got': -2, 'never showed up': -2,
  'thanks for nothing': -2.5, 'report you': -2, 'no refund': -1.5, 'how you treat': -2, 'keep getting': -1, 'not log in': -1.5,
  'not use': -1.2, 'need this fixed': 0, 'need it fixed': 0, 'get it fixed': 0, 'problem solved': 2,
  // English, positive
  thanks: 1.5, thank: 1.5, thx: 1.2, ty: 1, great: 2, good: 1.2, nice: 1.2, excellent: 2.5, amazing: 2.5, awesome: 2.5, perfect: 2,
  love: 2, loved: 2, happy: 2, glad: 1.5, pleased: 1.5, helpful: 2, fantastic: 2.5, wonderful: 2.5, appreciate: 2, appreciated: 2,
  best: 1.5, fast: 1, quick: 1, quickly: 0.8, solved: 1.5, resolved: 1.2, works: 1, working: 0.5, fixed: 1.5, kind: 1.2, cool: 1.2,
  satisfied: 1.5, rock: 1.5, 'you rock': 2, 'a star': 2, impressive: 2, brilliant: 2.5, lovely: 2, 'thank you': 2, 'well done': 2, 'all good': 1.5, 'works now': 2, 'much better': 1.5,
  // Spanish, negative
  enojado: -2.5, enojada: -2.5, enfadado: -2.5, enfadada: -2.5, molesto: -2, molesta: -2, furioso: -3, furiosa: -3, harto: -2.5, harta: -2.5,
  cansado: -1.5, cansada: -1.5, decepcionado: -2, decepcionada: -2, decepcion: -2, triste: -1.5, 
  pesimo: -3, pesima: -3, malo: -1.5, mala: -1.5, mal: -1.2, peor: -2.5, inutil: -2.5, inutiles: -2.5, ridiculo: -2.5, ridicula: -2.5,
  inaceptable: -3, verguenza: -2.5, vergonzoso: -2.5, estafa: -3, estafadores: -3, ladrones: -3, mentira: -2, mentirosos: -3,
  incompetentes: -3, grosero: -2, roto: -1.5, rota: -1.5, danado: -1.5, danada: -1.5, equivocado: -1.2, tarde: -0.8, retraso: -1.2,
  atrasado: -1.2, perdido: -1.2, perdida: -1.2, problema: -1, problemas: -1, queja: -1.5, reclamo: -1, reclamacion: -1.5,
  reembolso: -0.8, cancelar: -0.8, esperando: -0.8, nadie: -1, broma: -1.5, abogado: -2, denuncia: -2.5, denunciar: -2.5, robo: -2.5,
  cobraron: -1, falla: -1.5, fallo: -1.5, odio: -2.5, asco: -3, porqueria: -3, basura: -3, desastre: -2.5,
  'no funciona': -2, 'no sirve': -2, 'no anda': -2, 'dejo de funcionar': -2, 'no llega': -1.5, 'no llego': -2, 'nunca llego': -2.5,
  'no ha llegado': -1.5, 'no me llego': -2, 'no recibi': -1.5, 'sigo esperando': -2, 'todavia espero': -2, 'todavia no': -1.5,
  'aun no': -1.2, 'ya van': -1, 'nadie responde': -2.5, 'nadie contesta': -2.5, 'sin respuesta': -1.5, 'una burla': -2.5,
  'tomando el pelo': -2.5, 'falta de respeto': -2.5, 'no puede ser': -2, 'cobraron dos veces': -2, 'doble cobro': -2,
  'nunca mas': -2.5, 'me canse': -2, 'estoy harto': -2.5, 'estoy harta': -2.5, 'perdida de tiempo': -2.5,
  'no gracias': 0, 'sin problema': 1, 'no hay problema': 1, 'no te preocupes': 1, 'gracias de antemano': 0.5, 'nada mal': 1.2,
  frustrante: -2, frustrado: -2, frustrada: -2, ignorado: -2, ignorada: -2, caida: -1.5, caido: -1.5, 'se cayo': -1.5,
  'sale agua': -1.5, cancelada: -1, cancelado: -1, hackearon: -2, inundo: -2, robaron: -2.5, 'otra vez': -0.8, 'una y otra vez': -1.5,
  'nunca me llego': -2.5, 'nunca vino': -2, 'gracias por nada': -2.5, 'asi me tratan': -2, 'no puede trabajar': -1.5,
  'no puedo trabajar': -1.5, 'no puedo entrar': -1.5, 'que lo arreglen': 0, 'problema resuelto': 2, 'nada de reembolso': -1.5,
  // Spanish, positive
  gracias: 1.5, genial: 2, excelente: 2.5, perfecto: 2, perfecta: 2, bueno: 1.2, buena: 1.2, buenisimo: 2, bien: 1, contento: 2,
  contenta: 2, feliz: 2, encanta: 2, encanto: 2, increible: 2, maravilloso: 2.5, rapido: 1, rapida: 1, amable: 1.5, amables: 1.5,
  resuelto: 1.5, solucionado: 1.5, funciona: 0.8, agradecido: 2, agradecida: 2, agradezco: 2, satisfecho: 1.5, cracks: 2, genios: 2, impresionante: 2, conforme: 1.5, 'buen trabajo': 2, preciosa: 2, precioso: 2, satisfecha: 1.5,
  'muchas gracias': 2, 'mil gracias': 2.5, 'muy amable': 2, 'todo bien': 1.5, 'ya funciona': 2, 'buen servicio': 2, 'me encanta': 2.5,
  // Portuguese, the commonest
  obrigado: 1.5, obrigada: 1.5, pessimo: -3, 'nao funciona': -2,
};

/** Thanks said as a courtesy: in a question ("where is it? thanks") it is politeness, not praise. */
// prettier-ignore
export const COURTESY: ReadonlySet<string> = new Set(['thanks', 'thank', 'thank you', 'thx', 'ty', 'gracias', 'muchas gracias', 'obrigado', 'obrigada', 'please']);

/** Words that flip the next few words: "not happy", "no estoy contento", "nunca bueno". */
// prettier-ignore
export const NEGATORS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'nothing', 'without', 'nunca', 'ni', 'sin', 'nada', 'tampoco', 'nao', 'cannot']);

/** Words that make the next sentiment word stronger. */
// prettier-ignore
export const INTENSIFIERS: Readonly<Record<string, number>> = {
  very: 1.5, really: 1.4, so: 1.3, extremely: 1.8, totally: 1.5, completely: 1.5, absolutely: 1.6, super: 1.5, too: 1.3, incredibly: 1.7,
  muy: 1.5, tan: 1.3, demasiado: 1.5, totalmente: 1.5, completamente: 1.5, bastante: 1.3, re: 1.3, sumamente: 1.8,
  realmente: 1.4, mega: 1.5, muito: 1.5,
};

/** Words that soften the next sentiment word. */
// prettier-ignore
export const DAMPENERS: Readonly<Record<string, number>> = { bit: 0.6, slightly: 0.6, somewhat: 0.7, little: 0.7, poco: 0.6, algo: 0.7 };

/** Emoji and their weights; matched on the raw text. */
// prettier-ignore
export const EMOJI_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['😠', -2.5], ['😡', -3], ['🤬', -3], ['👿', -2.5], ['💢', -2], ['😤', -2], ['😞', -1.5], ['😢', -1.5], ['😭', -2], ['😩', -1.5],
  ['😫', -1.5], ['👎', -2], ['💔', -1.5], ['😒', -1.5], ['😔', -1.2], ['🙁', -1.2], ['☹', -1.5], ['🤦', -1.5],
  ['😊', 1.5], ['🙂', 1], ['😀', 1.5], ['😃', 1.5], ['😄', 1.5], ['😁', 1.5], ['👍', 1.5], ['❤', 2], ['🙏', 1], ['🥰', 2], ['😍', 2],
  ['👌', 1.2], ['🎉', 1.5], ['💯', 1.5], ['😉', 0.8], ['🤗', 1.5],
];

/** Phrases that say the customer needs it now. */
// prettier-ignore
export const URGENCY_PHRASES: readonly string[] = [
  'urgent', 'urgently', 'asap', 'emergency', 'immediately', 'right now', 'right away', 'straight away', 'as soon as possible', 'today please',
  'need it today', 'need it now', 'before midnight', 'today before', 'someone now', 'help me quickly', 'time sensitive', 'critical', 'life or death', 'hurry',
  'urgente', 'urgentemente', 'urgencia', 'emergencia', 'inmediatamente', 'de inmediato', 'ahora mismo', 'ya mismo', 'lo antes posible',
  'cuanto antes', 'lo necesito ya', 'necesito ya', 'lo mas pronto posible', 'lo mas rapido posible', 'hoy mismo', 'es para hoy', 'antes de medianoche', 'hoy antes de', 'alguien ya', 'atender rapido', 'para ya', 'apurense', 'rapido por favor',
  'imediatamente', 'agora mesmo', 'socorro',
];

/** Phrases that take urgency back: "not urgent", "no hay prisa", "when you can". */
// prettier-ignore
export const CALM_PHRASES: readonly string[] = [
  'no rush', 'no hurry', 'not urgent', 'when you can', 'whenever you can', 'no es urgente', 'nada urgente', 'sin prisa', 'no hay prisa',
  'no hay apuro', 'sin apuro', 'cuando puedan', 'cuando puedas', 'no corre prisa',
];
