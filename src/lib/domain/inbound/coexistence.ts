// WhatsApp Coexistence (issue #19): a number used both from the WhatsApp Business app and by the desk.

/** How long after the owner's last reply from the phone the desk's automations stay quiet for that customer. */
export const OWNER_QUIET_MS = 24 * 3_600_000;

/**
 * Whether the desk's own answers (FAQ bot, routing, auto-replies) stay quiet for a customer's message written at
 * `messageAt`: on a Coexistence number, when the owner answered this customer from the Business app in the 24 hours
 * before it (or after it: deliveries arrive out of order). Measured on Meta's timestamps, so a backlog applied late
 * decides as it would have on time. The message is still stored and the ticket's owner still notified.
 */
export function ownerAnswersFromPhone(input: { coexistence: boolean; lastBusinessAppReplyAt: number | null }, messageAt: number): boolean {
  if (!input.coexistence || input.lastBusinessAppReplyAt === null) return false;
  return messageAt - input.lastBusinessAppReplyAt < OWNER_QUIET_MS;
}
