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
      'ios-install':
        'On iPhone and iPad, notifications work only in the installed app: tap Share, then “Add to Home Screen”, and open Pocketdesk from the home screen.',
      unconfigured: 'The server has no push key yet. Ask an admin to set one up.',
    } as Record<string, string>,
    timedOut: 'The notification service did not answer in time. Check the connection and tap Retry.',
    retry: 'Retry',
    failed: 'Notifications could not be turned on. Try again.',
    offline: 'Connect to change notification settings.',
  },
  offlineSettings: {
    heading: 'Offline copy',
    explain:
      'So you can read your conversations without a connection, this device keeps the latest 50 messages of every conversation in Mine and in your teams’ queues, with their photos, voice notes, videos and documents up to the space you choose. Photos come first; when the space is full, the files you used least recently make room.',
    stored: (conversations: number, messages: number) => `Kept on this device: ${conversations} conversations and ${messages} messages.`,
    files: (size: string, files: number) => `Files: ${files}, using ${size}.`,
    counting: 'Counting what this device keeps…',
    budget: 'Space for files',
    clear: 'Clear the offline copy',
    cleared: 'The offline copy was cleared. It downloads again at the next sync.',
    persist: 'Keep it when space runs low',
    persistExplain: 'Without this, the browser may delete the offline copy when the device runs short of space. The browser may ask you to confirm.',
    persisted: 'The browser keeps the offline copy even when space runs low.',
    notPersisted: 'The browser did not promise to keep it: it may delete the copy when space runs low.',
  },
  settings: {
    title: 'Settings',
    general: 'General',
  },
  shifts: {
    heading: 'Shift schedule',
    explain:
      'During your shifts you stay online even while your phone is locked; outside them you are off. Your status switch wins until the next shift starts or ends. Without a schedule, an app that stays closed for hours sets you away.',
    timezone: 'Time zone',
    timezoneHint: 'Leave empty to use the desk’s time zone (Admin settings → Your business).',
    noShift: 'No shift.',
    starts: (day: string, n: number) => `${day}, shift ${n} starts`,
    ends: (day: string, n: number) => `${day}, shift ${n} ends`,
    add: (day: string) => `Add a shift on ${day}`,
    remove: (day: string, n: number) => `Remove ${day}'s shift ${n}`,
    save: 'Save shifts',
    saving: 'Saving…',
    saved: 'Shifts saved. They apply within a minute.',
    none: 'No schedule: your status switch alone decides.',
    failed: 'The shifts could not be saved. Check the fields and try again.',
    offline: 'Connect to change shifts.',
  },
  messageAlerts: {
    label: 'Also notify me about new customer messages in my conversations',
    hint: 'Applies to all your devices with notifications on.',
    failed: 'The setting could not be saved. Try again.',
  },
};
