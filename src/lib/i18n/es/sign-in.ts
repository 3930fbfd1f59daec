// Spanish strings for the sign-in screen: loaded by it, not on a signed-in agent's first visit to the queue.
import type signIn from '../en/sign-in';

const es: typeof signIn = {
  signIn: {
    missingEmail: 'Escribe tu correo electrónico.',
    badEmail: 'Esto no parece un correo electrónico. Revísalo e inténtalo de nuevo.',
    missingPassword: 'Escribe tu contraseña.',
    title: 'Entrar en Pocketdesk',
    email: 'Correo electrónico',
    password: 'Contraseña',
    submit: 'Entrar',
    submitting: 'Entrando…',
    failed: 'Correo o contraseña incorrectos.',
    offline: 'Sin conexión. Conéctate para entrar.',
    tooMany: 'Demasiados intentos de entrar. Espera un minuto y vuelve a intentarlo.',
    locked: (minutes) =>
      `Demasiadas contraseñas incorrectas para esta cuenta: la entrada está en pausa durante ${minutes} minuto(s). Los dispositivos que ya tienen la sesión abierta siguen funcionando.`,
  },
};

export default es;
