// What a queue row offers without opening the conversation (menu, swipe, long-press). The server decides in the
// end, as on the conversation screen; this only keeps the row from offering what would certainly be refused.
import type { ConversationRecord } from '../schemas/conversation';
import { canClaim, isStaff } from './transfer-options';

type Conversation = Pick<ConversationRecord, 'status' | 'assignee' | 'team'>;
interface Viewer {
  id: string;
  role: string;
}

export type RowAction = 'claim' | 'resolve' | 'snooze';

export interface RowActions {
  claim: boolean;
  resolve: boolean;
  snooze: boolean;
  /** A swipe to the right: take it when nobody has it, otherwise close it. */
  swipeRight: 'claim' | 'resolve' | null;
  /** A swipe to the left: put it away for later. */
  swipeLeft: 'snooze' | null;
}

/** The actions `viewer` may take on `conversation` from its queue row. */
export function rowActionsOf(conversation: Conversation, viewer: Viewer | null): RowActions {
  if (!viewer) return { claim: false, resolve: false, snooze: false, swipeRight: null, swipeLeft: null };
  const open = conversation.status !== 'resolved';
  const handles = conversation.assignee === viewer.id || (isStaff(viewer) && !!conversation.assignee);
  const claim = canClaim(conversation);
  const resolve = open && handles;
  // Snoozing follows the conversation screen's rule: the owner, or staff (the server checks the team).
  const snooze = open && (conversation.assignee === viewer.id || isStaff(viewer));
  return { claim, resolve, snooze, swipeRight: claim ? 'claim' : resolve ? 'resolve' : null, swipeLeft: snooze ? 'snooze' : null };
}
