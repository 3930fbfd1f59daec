/** Why an agent is being told about something; mirrors the `notifications.kind` select field. */
export const NOTIFICATION_KINDS = ['assigned', 'handover', 'escalated', 'mention', 'message', 'offer', 'sla', 'integration', 'waiting', 'snooze'] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** True for a value the `kind` field can hold; rows written by older code may carry anything. */
export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}
