import { describe, expect, it } from 'vitest';
import { isNotificationKind, NOTIFICATION_KINDS } from './notification-kind';

describe('isNotificationKind', () => {
  it.each(NOTIFICATION_KINDS)('accepts %s', (kind) => {
    expect(isNotificationKind(kind)).toBe(true);
  });

  it.each(['', 'Assigned', 'reminder'])('rejects %j', (kind) => {
    expect(isNotificationKind(kind)).toBe(false);
  });
});
