import { isReplyOverdue, reassignMinutesFor } from '../lib/domain/routing/manual-assignment';
import { applyAssignment } from './assignment';
import { epochMs } from './records';
import { routingSettingsOf } from './routing-context';

/**
 * The per-team rule from the channel's routing settings (`reassign: [{teamId, afterMinutes}]`): when the assignee
 * has not answered the customer within that time, the ticket goes back to routing. Returns how many moved.
 */
export function reassignOverdueReplies(app: core.App, now: number): number {
  let moved = 0;
  const conversations = app.findRecordsByFilter('conversations', 'status = "open" && assignee != "" && team != ""', '', 2000, 0);
  for (const conversation of conversations) {
    if (!conversation) continue;
    const settings = routingSettingsOf(app.findRecordById('channels', conversation.getString('channel')));
    const minutes = reassignMinutesFor(settings.reassign, conversation.getString('team'));
    if (minutes === null) continue;
    const clock = {
      assignedAt: epochMs(conversation, 'assigned_at'),
      lastInboundAt: epochMs(conversation, 'last_inbound_at'),
      lastAgentReplyAt: epochMs(conversation, 'last_agent_reply_at'),
    };
    if (!isReplyOverdue(clock, now, minutes)) continue;
    applyAssignment(app, conversation, { trigger: 'unassign', agentId: null, teamId: null, outcome: 'queued', reason: 'reply-overdue' }, now);
    moved++;
  }
  return moved;
}
