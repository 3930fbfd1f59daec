// The people the scripted-customer mode plays. Plain data: edit freely, the engine only reads it.

export type ScriptStep = { text: string } | { photo: string } | { voiceNote: true };

export interface ScriptedPerson {
  name: string;
  /** Digits only, as WhatsApp reports it. */
  phone: string;
  language: 'en' | 'es';
  topic: 'order' | 'refund' | 'technical' | 'billing';
  /** Sent unprompted, a few seconds apart, when the person first writes in. */
  opening: ScriptStep[];
  /** One per agent reply, in order. */
  followUps: ScriptStep[];
  /** Sent once if nobody has answered for a while. */
  nudge: string;
  /** Sent once after the follow-ups run out; then the person goes quiet. */
  thanks: string;
  /** Sometimes reacts 👍 to an agent's reply. */
  reacts: boolean;
}

export const CAST: readonly ScriptedPerson[] = [
  {
    name: 'Sheena Nelson',
    phone: '16505551234',
    language: 'en',
    topic: 'order',
    opening: [{ text: "Hi! My order #4821 still hasn't arrived. It's been 9 days 😕" }],
    followUps: [
      { text: 'It was placed on the 3rd, shipping to Oakland.' },
      { text: 'Ok, could you send me the tracking link?' },
      { text: 'Got it, I can see it now.' },
    ],
    nudge: 'Hello? Anyone there?',
    thanks: 'Thanks for the help!',
    reacts: true,
  },
  {
    name: 'Lucía Fernández',
    phone: '34612345678',
    language: 'es',
    topic: 'refund',
    opening: [{ text: 'Hola, quiero devolver unas zapatillas, me quedan pequeñas.' }, { text: '¿Me podéis devolver el dinero en vez de cambiarlas?' }],
    followUps: [
      { text: 'El pedido es el 5530.' },
      { text: '¿Cuánto tarda el reembolso en llegar a la tarjeta?' },
      { text: 'Perfecto, ya he pedido la recogida.' },
    ],
    nudge: '¿Hola? ¿Seguís ahí?',
    thanks: '¡Muchas gracias! 🙏',
    reacts: true,
  },
  {
    name: 'Marcus Webb',
    phone: '14155550123',
    language: 'en',
    topic: 'technical',
    opening: [{ text: 'The app keeps crashing when I open my cart.' }, { photo: "Here's the screen right before it closes" }],
    followUps: [{ text: "iPhone 13, iOS 19. I've already reinstalled it." }, { text: 'Logging out and back in worked, thanks.' }],
    nudge: 'Any update on the crash?',
    thanks: 'All good now 👌',
    reacts: false,
  },
  {
    name: 'Carmen Ruiz',
    phone: '5215512345678',
    language: 'es',
    topic: 'technical',
    opening: [{ text: 'Buenas tardes, el cargador que compré no funciona.' }, { voiceNote: true }],
    followUps: [
      { text: 'Es el modelo X200, lo compré hace dos semanas.' },
      { text: 'Sí, ya probé con otro enchufe y nada.' },
      { text: 'Vale, espero la etiqueta de envío.' },
    ],
    nudge: 'Perdón, ¿alguien me puede ayudar?',
    thanks: 'Gracias, muy amables.',
    reacts: true,
  },
  {
    name: 'Priya Shah',
    phone: '447700900123',
    language: 'en',
    topic: 'billing',
    opening: [{ text: 'I was charged twice for my subscription this month.' }],
    followUps: [{ text: 'Both charges are £12.99, on the 1st and the 2nd.' }, { text: 'Great, how long until the refund shows up?' }],
    nudge: 'Just checking in on the double charge.',
    thanks: 'Brilliant, thank you!',
    reacts: true,
  },
  {
    name: 'Javier Moreno',
    phone: '34699111222',
    language: 'es',
    topic: 'technical',
    opening: [{ text: 'No puedo iniciar sesión, me dice que la contraseña es incorrecta.' }],
    followUps: [{ text: 'Ya intenté restablecerla pero no me llega el correo.' }, { text: 'Ahora sí me llegó, gracias.' }],
    nudge: '¿Hola?',
    thanks: 'Todo solucionado, ¡gracias!',
    reacts: false,
  },
];
