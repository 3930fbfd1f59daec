import { describe, expect, it } from 'vitest';
import enThread from '../i18n/en/thread';
import esThread from '../i18n/es/thread';
import { describePriorityReason } from './priority-reasons';

const reason = (code: string, points: number, detail: string) => ({ code, points, detail });

describe('describePriorityReason', () => {
  it('says each signal the server stores as a sentence with its points, in English and Spanish', () => {
    const thread = { en: enThread.why.priority, es: esThread.why.priority };
    const cases: Array<[ReturnType<typeof reason>, string, string]> = [
      [reason('level', 300, 'high'), 'It starts at the high level: 300 points.', 'Empieza en el nivel de prioridad alta: 300 puntos.'],
      [reason('vip', 40, 'vip'), 'The customer is a VIP: 40 more points.', 'El cliente es VIP: 40 puntos más.'],
      [reason('escalated', 100, '2'), 'The customer was escalated 2 times before: 100 more points.', 'El cliente fue escalado 2 veces antes: 100 puntos más.'],
      [
        reason('reopens', 20, '1'),
        "The customer's conversations were reopened once before: 20 more points.",
        'Las conversaciones del cliente se reabrieron una vez antes: 20 puntos más.',
      ],
      [
        reason('slow-resolution', 15, '95 min'),
        "The customer's conversations took 95 minutes to resolve on average: 15 more points.",
        'Las conversaciones del cliente tardaron 95 minutos en resolverse de media: 15 puntos más.',
      ],
      [
        reason('long-intent', 20, 'Card: lost 2: 360 min'),
        'Conversations like this take 360 minutes to resolve: 20 more points.',
        'Las conversaciones como esta tardan 360 minutos en resolverse: 20 puntos más.',
      ],
      [
        reason('window-closing', 30, '12 min left'),
        'The 24-hour reply window closes in 12 minutes: 30 more points.',
        'La ventana de respuesta de 24 horas se cierra en 12 minutos: 30 puntos más.',
      ],
      [
        reason('urgency-words', 50, 'urgent, asap'),
        'The message has urgent words (urgent, asap): 50 more points.',
        'El mensaje tiene palabras urgentes (urgent, asap): 50 puntos más.',
      ],
    ];
    for (const [stored, english, spanish] of cases) {
      expect(describePriorityReason(stored, thread.en)).toBe(english);
      expect(describePriorityReason(stored, thread.es)).toBe(spanish);
    }
  });

  it('falls back to the points alone for a signal or a detail this version cannot read, never the raw detail', () => {
    const words = enThread.why.priority;
    expect(describePriorityReason(reason('new-signal', 25, 'whatever'), words)).toBe('Another signal: 25 more points.');
    expect(describePriorityReason(reason('escalated', 50, 'twice'), words)).toBe('Another signal: 50 more points.');
    expect(describePriorityReason(reason('level', 100, 'medium'), words)).toBe('Another signal: 100 more points.');
  });
});
