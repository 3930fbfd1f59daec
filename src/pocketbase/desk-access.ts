// The one permission check of the desk routes (/api/pocketdesk/conversations/{id}/...): reads what
// authorizeDeskAction needs from the records, inside the caller's transaction when there is one.
import { authorizeDeskAction, type DeskDecision, type DeskRequest } from '../lib/domain/access/desk-authorization';
import { respondError } from './api-errors';
import { routingSettingsOf } from './routing-context';
import type { SignedInStaff } from './staff-auth';

/** Whether the signed-in staff member may do `request` to the conversation; refusals carry their HTTP status. */
export function authorizeDesk(app: core.App, staff: SignedInStaff, conversation: core.Record, request: DeskRequest): DeskDecision {
  // Only an escalation asks the channel; the other actions need no extra read.
  const escalationTeams =
    request.action === 'escalate' ? routingSettingsOf(app.findRecordById('channels', conversation.getString('channel'))).escalationTeams : [];
  return authorizeDeskAction(
    { id: staff.record.id, role: staff.role, teams: staff.record.getStringSlice('teams') },
    {
      teamId: conversation.getString('team') || null,
      assigneeId: conversation.getString('assignee') || null,
      offeredTo: conversation.getString('offered_to') || null,
      offerDeclined: conversation.getStringSlice('offer_declined'),
    },
    request,
    { escalationTeams },
  );
}

/** Answers a refused desk action: 404 exactly like an id that does not exist, 403 with the reason otherwise. */
export function respondDeskRefusal(e: core.RequestEvent, decision: DeskDecision & { ok: false }): void {
  if (decision.status === 404) respondError(e, 404, 'not-found', 'No such conversation.');
  else respondError(e, 403, decision.reason, `Not allowed: ${decision.reason}.`);
}
