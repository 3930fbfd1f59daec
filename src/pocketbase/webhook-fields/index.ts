import type { FieldItem } from '../../lib/schemas/webhook-field-plan';
import { applyAppContact } from './app-contacts';
import { applyCall } from './calls';
import { applyEcho } from './echoes';
import { recordChannelError } from './health';
import { applyHistoryMessage, recordHistoryFailure, recordHistoryProgress } from './history';
import { applyUserPreference } from './preferences';
import { applyTemplateUpdate } from './templates';

// The webhook fields beyond `messages` (issue #19), one adapter each; webhook-apply.ts runs each item in its savepoint.

/** Applies one item; `channel` is null only for template updates (they belong to the account, not a number). */
export function applyFieldItem(app: core.App, channel: core.Record | null, item: FieldItem, now: number): string {
  switch (item.kind) {
    case 'template-update':
      return applyTemplateUpdate(app, item.update);
    case 'echo':
      return applyEcho(app, channel!, item.customer, item.message);
    case 'user-preference':
      return applyUserPreference(app, item.waId, item.userId, item.optOut, item.timestamp);
    case 'app-contact':
      return applyAppContact(app, item.action, item.waId, item.name);
    case 'call':
      return applyCall(app, channel!, item.customer, item.call, now);
    case 'history-message':
      return applyHistoryMessage(app, channel!, item.customer, item.fromBusiness, item.message);
    case 'history-progress':
      return recordHistoryProgress(app, channel!, item.phase, item.chunk, item.progress, now);
    case 'history-error':
      return recordHistoryFailure(app, channel!, item.error, now);
    case 'account-error':
      recordChannelError(app, channel!, item.error, now);
      return 'error-recorded';
  }
}
