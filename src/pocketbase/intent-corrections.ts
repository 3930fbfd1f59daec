// Agents teach the intent model (issue #20): moving a conversation to another team (Transfer → Escalate to a team,
// or an admin or manager changing its team) or changing its labels records a correction; the next training learns
// that target for the customer's opening messages, weighted above a conversation that merely ended somewhere.
// Hand-overs and assignments keep the team and teach nothing; an escalation back to the conversation's own queue
// neither.
import { writeCorrection } from './records/intent-model';

/** A desk action (an escalation) moved the conversation from `previousTeamId` to another team. */
export function recordTransferCorrection(app: core.App, conversation: core.Record, previousTeamId: string, actorId: string): void {
  const teamId = conversation.getString('team');
  if (!teamId || teamId === previousTeamId) return;
  writeCorrection(app, { conversationId: conversation.id, kind: 'transfer', teamId, labels: conversation.getStringSlice('labels'), actorId });
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

/** An agent changed a conversation's labels (or an admin or manager its team) through the records API. */
export function recordEditCorrection(e: core.RecordRequestEvent): void {
  const original = e.record!.original();
  const teamBefore = original.getString('team');
  const labelsBefore = original.getStringSlice('labels');
  e.next();
  const record = e.record!;
  const teamId = record.getString('team');
  const labels = record.getStringSlice('labels');
  const moved = teamId !== teamBefore;
  if (!teamId || (!moved && sameSet(labels, labelsBefore))) return;
  const actorId = e.auth && e.auth.collection().name === 'agents' ? e.auth.id : null;
  writeCorrection(e.app, { conversationId: record.id, kind: moved ? 'transfer' : 'labels', teamId, labels, actorId });
}
