// Spanish strings for quality reviews.
import type reviews from '../en/reviews';

const es: typeof reviews = {
  reviews: {
    title: 'Revisiones de calidad',
    noScore: '—',
    queue: 'Por revisar',
    done: 'Revisadas',
    mine: 'Comentarios sobre mis conversaciones',
    emptyQueue: 'No hay nada que revisar ahora.',
    emptyDone: 'Aún no hay revisiones terminadas.',
    emptyMine: 'Todavía no se ha revisado ninguna de tus conversaciones.',
    failed: 'No se pudieron cargar las revisiones. Revisa la conexión y vuelve a intentarlo.',
    period: (from: string, to: string) => `Semana del ${from} al ${to}`,
    agent: 'Agente',
    open: (agent: string) => `Revisar la conversación de ${agent}`,
    score: (total: number, max: number, percent: string) => `${total} de ${max} (${percent})`,
    transcript: 'Conversación',
    noMessages: 'Esta conversación no tiene mensajes.',
    customer: 'Cliente',
    desk: 'Equipo',
    rubric: 'Rúbrica',
    criterionScore: (label: string, max: number) => `${label} (de 0 a ${max})`,
    feedback: 'Comentarios para el agente',
    noFeedback: 'Sin comentarios escritos.',
    submit: 'Guardar revisión',
    saving: 'Guardando…',
    saved: 'Revisión guardada. El agente ya puede leerla.',
    saveFailed: 'No se guardó la revisión. Revisa las puntuaciones y vuelve a intentarlo.',
    offline: 'Conéctate para guardar la revisión.',
    notFound: 'Esta revisión no está disponible para ti.',
    reviewedBy: (name: string) => `Revisada por ${name}`,
    total: 'Total',
    back: 'Volver a las revisiones',
    errors: {
      required: 'Pon una puntuación.',
      'invalid-score': 'Usa un número entero.',
      'out-of-range': 'Fuera de rango.',
    } as Record<string, string>,
  },
};

export default es;
