import { rescoreWindowClosing } from '../lib/domain/routing/priority-score';
import { SERVICE_WINDOW_MS } from '../lib/domain/window/service-window';
import type { RoutingSettings } from '../lib/schemas/routing';
import { storedDate } from './records/fields';
import { readConversation, writeConversation } from './records/conversation';
import { routingSettingsOf } from './routing-context';

// Routing scores a conversation once, right after the customer writes, when nearly 24 h of the window are left:
// the "window closing" points could never apply there. The service sweep re-scores them each minute instead.

/** The most minutes any policy may ask for (the schema's cap): the lookup's widest net. */
const MAX_CLOSING_MINUTES = 1440;

/**
 * Adds the channel's window-closing points to open conversations whose 24 h window closes within its configured
 * minutes, and takes them off where the customer wrote again or the window closed; returns how many changed.
 */
export function rescoreClosingWindows(app: core.App, now: number): number {
  const closedBefore = storedDate(now - SERVICE_WINDOW_MS);
  const closingFrom = storedDate(now - SERVICE_WINDOW_MS + MAX_CLOSING_MINUTES * 60_000);
  const closing = app.findRecordsByFilter('conversations', 'status != "resolved" && last_inbound_at > {:closed} && last_inbound_at <= {:from}', '', 0, 0, {
    closed: closedBefore,
    from: closingFrom,
  } as dbx.Params);
  const scored = app.findRecordsByFilter('conversations', 'status != "resolved" && window_points != 0', '', 0, 0);
  const seen = new Set<string>();
  const settings = new Map<string, RoutingSettings>();
  let changed = 0;
  for (const record of [...closing, ...scored]) {
    if (!record || seen.has(record.id)) continue;
    seen.add(record.id);
    const ticket = readConversation(record);
    if (!settings.has(ticket.channelId)) settings.set(ticket.channelId, routingSettingsOf(app.findRecordById('channels', ticket.channelId)));
    const next = rescoreWindowClosing(
      { priority: ticket.priority, windowPoints: ticket.windowPoints },
      ticket.lastInboundAt,
      now,
      settings.get(ticket.channelId)!.priority,
    );
    if (next.priority === ticket.priority && next.windowPoints === ticket.windowPoints) continue;
    writeConversation(record, { priority: next.priority, windowPoints: next.windowPoints });
    app.save(record);
    changed++;
  }
  return changed;
}
