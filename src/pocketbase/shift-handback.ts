import { applyAssignment, writeNotification } from './assignment';
import { writeConversation } from './records/conversation';
import { directScope } from './scope';

// "Hand back to the owner" (a team setting): conversations a cover took while their owner was off shift go back to
// the owner when the owner's next shift starts. Routing marks them (conversations.covering_for, see routing.ts).

/**
 * Gives the owner's covered, still open conversations back to them, in the sweep's transaction: one routing-log
 * row per conversation, one notification for them all. Returns how many came back.
 */
export function handBackToOwner(app: core.App, ownerId: string, now: number): number {
  const covered = app.findRecordsByFilter('conversations', 'covering_for = {:owner} && status != "resolved"', 'last_inbound_at', 200, 0, {
    owner: ownerId,
  } as dbx.Params);
  const handBackTeams = new Set(app.findRecordsByFilter('teams', 'hand_back_to_owner = true', '', 0, 0).flatMap((team) => (team ? [team.id] : [])));
  const scope = directScope(app);
  const returned: core.Record[] = [];
  for (const conversation of covered) {
    if (!conversation) continue;
    // Covered for this shift only: whatever happens, the next end of the owner's shift starts a new cover.
    writeConversation(conversation, { coveringFor: null });
    if (!handBackTeams.has(conversation.getString('team')) || conversation.getString('assignee') === ownerId) {
      app.save(conversation);
      continue;
    }
    applyAssignment(
      app,
      conversation,
      { trigger: 'hand-back', agentId: ownerId, teamId: null, outcome: 'assigned', reason: 'owner-shift-started' },
      now,
      scope,
    );
    returned.push(conversation);
  }
  if (returned.length > 0) {
    const first = returned[0]!;
    const body =
      returned.length === 1
        ? 'A conversation your colleague covered is back with you.'
        : `${returned.length} conversations your colleagues covered are back with you.`;
    writeNotification(app, ownerId, first, scope.contactOf(first), 'assigned', body, scope.writer, { key: 'handed-back', count: returned.length });
  }
  return returned.length;
}
