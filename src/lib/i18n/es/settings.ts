// Spanish strings for the settings screen.
import type settings from '../en/settings';

const es: typeof settings = {
  push: {
    heading: 'Notificaciones',
    explain: 'Recibe un aviso en este dispositivo cuando te ofrezcan, asignen, pasen o escalen una conversación, aunque la app esté cerrada.',
    enable: 'Activar notificaciones',
    disable: 'Desactivar en este dispositivo',
    working: 'Un momento…',
    state: {
      checking: 'Comprobando este dispositivo…',
      on: 'Las notificaciones están activadas en este dispositivo.',
      off: 'Las notificaciones están desactivadas en este dispositivo.',
      denied: 'Las notificaciones están bloqueadas para esta app. Permítelas en los ajustes del navegador o del teléfono y vuelve aquí.',
      unsupported: 'Este navegador no puede recibir notificaciones push.',
      'ios-install':
        'En iPhone y iPad las notificaciones solo funcionan en la app instalada: toca Compartir, luego «Añadir a pantalla de inicio», y abre Pocketdesk desde allí.',
      unconfigured: 'El servidor aún no tiene clave push. Pide a un administrador que la configure.',
    },
    timedOut: 'El servicio de notificaciones no respondió a tiempo. Revisa la conexión y toca Reintentar.',
    retry: 'Reintentar',
    failed: 'No se pudieron activar las notificaciones. Inténtalo de nuevo.',
    offline: 'Conéctate para cambiar las notificaciones.',
  },
  offlineSettings: {
    heading: 'Copia sin conexión',
    explain:
      'Para que puedas leer tus conversaciones sin conexión, este dispositivo guarda los últimos 50 mensajes de cada conversación de Mías y de las colas de tus equipos, con sus fotos, notas de voz, vídeos y documentos hasta el espacio que elijas. Las fotos van primero; cuando el espacio se llena, los archivos que menos has usado últimamente dejan sitio.',
    stored: (conversations: number, messages: number) => `Guardado en este dispositivo: ${conversations} conversaciones y ${messages} mensajes.`,
    files: (size: string, files: number) => `Archivos: ${files}, que ocupan ${size}.`,
    counting: 'Contando lo que guarda este dispositivo…',
    budget: 'Espacio para archivos',
    clear: 'Borrar la copia sin conexión',
    cleared: 'Se borró la copia sin conexión. Se vuelve a descargar en la próxima sincronización.',
    persist: 'Conservarla cuando falte espacio',
    persistExplain:
      'Sin esto, el navegador puede borrar la copia sin conexión cuando al dispositivo le falte espacio. Puede que el navegador te pida confirmarlo.',
    persisted: 'El navegador conserva la copia sin conexión aunque falte espacio.',
    notPersisted: 'El navegador no prometió conservarla: puede borrarla cuando falte espacio.',
  },
  settings: {
    title: 'Ajustes',
    general: 'General',
  },
  shifts: {
    heading: 'Turnos',
    explain:
      'Durante tus turnos sigues en línea aunque el teléfono esté bloqueado; fuera de ellos estás fuera de turno. Tu interruptor de estado manda hasta que empiece o termine el siguiente turno. Sin turnos, si la app se queda cerrada varias horas pasas a ausente.',
    timezone: 'Zona horaria',
    timezoneHint: 'Déjala vacía para usar la zona horaria de la mesa (Ajustes de administración → Tu negocio).',
    noShift: 'Sin turno.',
    starts: (day: string, n: number) => `${day}, el turno ${n} empieza`,
    ends: (day: string, n: number) => `${day}, el turno ${n} termina`,
    add: (day: string) => `Añadir un turno el ${day}`,
    remove: (day: string, n: number) => `Quitar el turno ${n} del ${day}`,
    save: 'Guardar turnos',
    saving: 'Guardando…',
    saved: 'Turnos guardados. Se aplican en menos de un minuto.',
    none: 'Sin turnos: solo decide tu interruptor de estado.',
    failed: 'No se pudieron guardar los turnos. Revisa los campos y vuelve a intentarlo.',
    offline: 'Conéctate para cambiar los turnos.',
  },
  messageAlerts: {
    label: 'Avisarme también de los mensajes nuevos de clientes en mis conversaciones',
    hint: 'Se aplica a todos tus dispositivos con notificaciones activadas.',
    failed: 'No se pudo guardar el ajuste. Vuelve a intentarlo.',
  },
};

export default es;
