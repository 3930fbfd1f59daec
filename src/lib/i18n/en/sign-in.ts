// English strings for the sign-in screen: loaded by it, not on a signed-in agent's first visit to the queue.

export default {
  signIn: {
    missingEmail: 'Enter your email address.',
    badEmail: 'This does not look like an email address. Check it and try again.',
    missingPassword: 'Enter your password.',
    title: 'Sign in to Pocketdesk',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    failed: 'Wrong email or password.',
    offline: 'You are offline. Connect to sign in.',
    tooMany: 'Too many sign-in attempts. Wait a minute, then try again.',
    locked: (minutes: number) =>
      `Too many wrong passwords for this account: sign-in is paused for ${minutes} minute(s). Devices already signed in keep working.`,
  },
};
