// Snoozing from the conversation screen: the request, then the device copy follows the server's answer. Apart from
// the desk actions so the queue's first visit does not carry it.
import type { SnoozeRequestBody } from '../schemas/snooze';
import { db } from './db';
import { pb } from './pb';
import { requestSnooze, type SnoozeOutcome } from './snooze';

/** Snoozes, re-snoozes or wakes a conversation (online only, see snooze.ts). */
export async function snoozeConversation(conversation: string, body: SnoozeRequestBody): Promise<SnoozeOutcome> {
  const outcome = await requestSnooze(pb, conversation, body);
  if (outcome.ok) await db.conversations.update(conversation, { snooze_reason: outcome.reason ?? '', snoozed_until: outcome.until });
  return outcome;
}
