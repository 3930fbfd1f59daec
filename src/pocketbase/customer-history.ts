import { LOW_RATING_MAX, type CustomerHistory } from '../lib/domain/signals/customer-history';

// The predictive signals of issue #20, read once per routing decision with one aggregate query over the customer's
// conversations (idx on conversations.contact) and their escalations in the routing log.

/** The customer's past with the desk, on any channel; the conversation being routed counts with its own past. */
export function customerHistoryOf(app: core.App, contactId: string): CustomerHistory {
  const row = new DynamicModel({ escalations: 0, handovers: 0, reopens: 0, low_ratings: 0, resolution_ms: 0 });
  app
    .db()
    .newQuery(
      'SELECT' +
        " (SELECT COUNT(*) FROM routing_events r JOIN conversations e ON e.id = r.conversation WHERE e.contact = {:contact} AND r.trigger = 'escalate') AS escalations," +
        ' COALESCE(SUM(c.handover_count), 0) AS handovers, COALESCE(SUM(c.reopen_count), 0) AS reopens,' +
        ' COALESCE(SUM(CASE WHEN c.csat_rating BETWEEN 1 AND {:low} THEN 1 ELSE 0 END), 0) AS low_ratings,' +
        ' COALESCE(AVG(CASE WHEN c.resolution_ms > 0 THEN c.resolution_ms END), 0) AS resolution_ms' +
        ' FROM conversations c WHERE c.contact = {:contact}',
    )
    .bind({ contact: contactId, low: LOW_RATING_MAX } as dbx.Params)
    .one(row);
  const values = row as unknown as { escalations: number; handovers: number; reopens: number; low_ratings: number; resolution_ms: number };
  const resolutionMs = Number(values.resolution_ms);
  return {
    escalations: Number(values.escalations),
    handovers: Number(values.handovers),
    reopens: Number(values.reopens),
    lowRatings: Number(values.low_ratings),
    averageResolutionMinutes: resolutionMs > 0 ? resolutionMs / 60_000 : null,
  };
}
