// English strings for the settings screen.

export default {
  push: {
    heading: 'Notifications',
    explain: 'Get a notification on this device when a conversation is offered, assigned, handed over or escalated to you, even while the app is closed.',
    enable: 'Turn on notifications',
    disable: 'Turn off on this device',
    working: 'Working…',
    state: {
      checking: 'Checking this device…',
      on: 'Notifications are on for this device.',
      off: 'Notifications are off for this device.',
      denied: 'Notifications are blocked for this app. Allow them in the browser or phone settings, then come back here.',
      unsupported: 'This browser cannot receive push notifications.',
      'ios-install': 'On iPhone and iPad, notifications work only in the installed app: tap Share, then “Add to Home Screen”, and open Pocketdesk from the home screen.',
      unconfigured: 'The server has no push key yet. Ask an admin to set one up.',
    } as Record<string, string>,
    timedOut: 'The notification service did not answer in time. Check the connection and tap Retry.',
    retry: 'Retry',
    failed: 'Notifications could not be turned on. Try again.',
    offline: 'Connect to change notification settings.',
  },
  settings: {
    title: 'Settings',
    general: 'General',
  },
  messageAlerts: {
    label: 'Also notify me about new customer messages in my conversations',
    hint: 'Applies to all your devices with notifications on.',
    failed: 'The setting could not be saved. Try again.',
  },
};
