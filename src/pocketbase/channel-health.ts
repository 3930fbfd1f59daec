import { describeChannelHealth, type HealthCounts } from '../lib/domain/channels/channel-health';
import { errorPolicy } from '../lib/domain/delivery/graph-error-policy';
import { connectionCheckSchema } from '../lib/schemas/channel-connection';
import { jsonField } from './records';
import { currentApp, recordOfPath, staffRoute } from './route-kit';

// The admin's history-import and health screen for one number (issue #19): what the webhook adapters kept on
// `channels.health` plus what is counted here, described by src/lib/domain/channels/channel-health.ts.

const FAILED_SHOWN = 5;

function one<T extends Record<string, unknown>>(app: core.App, sql: string, params: Record<string, unknown>, shape: T): T | null {
  const row = new DynamicModel(shape);
  try {
    app
      .db()
      .newQuery(sql)
      .bind(params as dbx.Params)
      .one(row);
  } catch {
    return null; // no row
  }
  return row as unknown as T;
}

function countsOf(app: core.App, channel: core.Record): HealthCounts {
  const ch = { ch: channel.id };
  const imported = one(
    app,
    "SELECT COUNT(*) AS n FROM messages m JOIN conversations c ON c.id = m.conversation WHERE c.channel = {:ch} AND m.origin = 'history'",
    ch,
    { n: 0 },
  );
  const failed = app.findRecordsByFilter(
    'messages',
    "conversation.channel = {:ch} && direction = 'out' && status = 'failed'",
    '-updated',
    FAILED_SHOWN,
    0,
    ch as dbx.Params,
  );
  // Newest first along the rowid: the scan stops at the number's latest delivery.
  const webhook = one(
    app,
    'SELECT received_at AS at FROM webhook_events WHERE phone_number_ids LIKE {:p} ORDER BY rowid DESC LIMIT 1',
    { p: `%"${channel.getString('phone_number_id')}"%` },
    { at: '' },
  );
  const sent = one(
    app,
    "SELECT MAX(m.sent_at) AS at FROM messages m JOIN conversations c ON c.id = m.conversation WHERE c.channel = {:ch} AND m.direction = 'out' AND m.status IN ('sent', 'delivered', 'read', 'played') AND m.wamid != ''",
    ch,
    { at: '' },
  );
  return {
    imported: Number(imported?.n ?? 0),
    failedSends: failed.flatMap((m) =>
      m
        ? [
            {
              code: m.getInt('error_code'),
              reason: m.getString('error_reason') || errorPolicy(m.getInt('error_code')).reason,
              title: m.getString('error_title'),
              at: m.getString('updated'),
            },
          ]
        : [],
    ),
    lastWebhookAt: String(webhook?.at ?? ''),
    lastSentAt: String(sent?.at ?? ''),
  };
}

/** GET /api/pocketdesk/channels/{id}/health — history import progress and the number's health line (admins). */
export const handleChannelDiagnosis = staffRoute({ roles: ['admin'] }, (e) => {
  const channel = recordOfPath(e, 'channels', 'number');
  if (!channel) return;
  const check = connectionCheckSchema.safeParse(jsonField<unknown>(channel, 'connection_check', null));
  e.json(
    200,
    describeChannelHealth({
      health: jsonField<unknown>(channel, 'health', null),
      counts: countsOf(currentApp(), channel),
      tokenSet: channel.getString('access_token') !== '',
      check: check.success ? { reason: check.data.reason, at: check.data.at } : null,
    }),
  );
});
