// Canned replies suggested per intent (issue #20): each reply an agent sends from a canned reply, in a conversation
// whose intent routing predicted, adds one to that reply's count for that intent. One SQL upsert on the unique
// (canned_reply, intent) pair: concurrent sends each add their one, and no whole row is read and saved back.
import { findOne, isoDate } from './records';

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Counts a reply sent from canned reply `cannedReplyId` for the conversation's intent; a reply in a conversation
 * without one, or naming a canned reply that does not exist (deleted while the reply waited offline), counts nothing.
 */
export function countCannedReplyUse(app: core.App, cannedReplyId: string, intent: string, now: number): boolean {
  if (cannedReplyId === '' || intent === '') return false;
  if (!findOne(app, 'canned_replies', 'id = {:id}', { id: cannedReplyId })) return false;
  app
    .db()
    .newQuery(
      'INSERT INTO canned_reply_uses (id, canned_reply, intent, uses, updated) VALUES ({:id}, {:reply}, {:intent}, 1, {:now}) ' +
        'ON CONFLICT (canned_reply, intent) DO UPDATE SET uses = uses + 1, updated = excluded.updated',
    )
    .bind({ id: $security.randomStringWithAlphabet(15, ID_ALPHABET), reply: cannedReplyId, intent, now: isoDate(now) })
    .execute();
  return true;
}
