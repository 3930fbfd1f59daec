// Spanish strings for snoozing a conversation: loaded with the conversation screen, not on the first visit.
import type snooze from '../en/snooze';

const es: typeof snooze = {
  snooze: {
    action: 'Posponer…',
    change: 'Cambiar el aplazamiento…',
    heading: 'Posponer hasta',
    explain: 'Sale de tus listas y vuelve sola, con una notificación. Un mensaje del cliente la trae de vuelta al momento.',
    presets: { 'one-hour': 'Dentro de 1 hora', 'this-evening': 'Esta tarde', 'tomorrow-morning': 'Mañana por la mañana', 'next-week': 'La semana que viene' },
    hoursNote: 'La tarde, la mañana y la semana que viene siguen el reloj y el horario del canal.',
    untilCustomer: 'Hasta que escriba el cliente',
    custom: 'Otra hora',
    customSubmit: 'Posponer hasta entonces',
    cancel: 'Cancelar',
    until: (when: string) => `Pospuesta hasta ${when}`,
    untilCustomerNote: 'Pospuesta hasta que escriba el cliente',
    wake: 'Recuperar ahora',
    done: 'Pospuesta. Volverá sola.',
    woke: 'De vuelta en tus listas.',
    offline: 'Para posponer hace falta conexión: inténtalo cuando vuelvas a estar en línea.',
    working: 'Posponiendo…',
    errors: {
      'too-soon': 'Elige una hora al menos cinco minutos más tarde.',
      'too-far': 'Elige una hora dentro de los próximos 90 días.',
      'preset-unavailable': 'Esa hora ya ha pasado hoy: elige otra.',
      resolved: 'Una conversación resuelta no se puede posponer.',
      'not-assignee': 'Solo quien lleva la conversación o un responsable de su equipo puede posponerla.',
      'not-your-team': 'Solo un responsable del equipo de esta conversación puede posponerla.',
      'not-found': 'Ya no puedes ver esta conversación.',
      'no-connection': 'Para posponer hace falta conexión: inténtalo cuando vuelvas a estar en línea.',
      'signed-out': 'Vuelve a iniciar sesión para posponer.',
      fallback: 'No se pudo posponer. Inténtalo de nuevo.',
    } as Record<string, string>,
  },
};

export default es;
