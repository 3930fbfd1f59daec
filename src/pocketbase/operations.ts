import { respondError } from './api-errors';
import { writeAudit } from './audit';
import { onlyRoles, recordOfPath, staffRoute } from './route-kit';

const ADMINS = { roles: ['admin'], roleRefusal: onlyRoles('admin') } as const;

// The operations screen (admins): a failed webhook delivery back into the queue, and one health line per channel.

/** POST /api/pocketdesk/webhooks/{id}/replay — a failed `webhook_events` row goes back to `pending`; the applier adopts it. */
export const handleReplayWebhook = staffRoute(ADMINS, (e, { staff }) => {
  const event = recordOfPath(e, 'webhook_events', 'webhook delivery');
  if (!event) return;
  if (event.getString('status') !== 'failed') return void respondError(e, 409, 'not-failed', 'Only failed deliveries are replayed.');
  $app.runInTransaction((txApp) => {
    const row = txApp.findRecordById('webhook_events', event.id);
    row.set('status', 'pending');
    row.set('attempts', 0);
    row.set('apply_after', '');
    txApp.save(row);
    writeAudit(txApp, {
      actorId: staff.record.id,
      actorKind: 'agent',
      action: 'replay',
      collection: 'webhook_events',
      recordId: event.id,
      summary: `${staff.record.getString('name')} replayed a failed webhook delivery`,
    });
  });
  e.json(200, { ok: true });
});

/** GET /api/pocketdesk/channels/health — per channel: when Meta last delivered a webhook for it, and the last send Meta refused. */
export const handleChannelHealth = staffRoute(ADMINS, (e) => {
  const channels = $app.findAllRecords('channels').flatMap((channel) => {
    if (!channel) return [];
    const pnid = channel.getString('phone_number_id');
    const webhook = $app.findRecordsByFilter('webhook_events', 'phone_number_ids ~ {:p}', '-received_at', 1, 0, { p: `"${pnid}"` } as dbx.Params)[0];
    const failed = $app.findRecordsByFilter('messages', 'conversation.channel = {:c} && status = "failed"', '-updated', 1, 0, {
      c: channel.id,
    } as dbx.Params)[0];
    return [
      {
        id: channel.id,
        name: channel.getString('name'),
        disabled: channel.getBool('disabled'),
        lastWebhookAt: webhook ? webhook.getString('received_at') || webhook.getString('created') : null,
        lastError: failed ? { code: failed.getInt('error_code'), title: failed.getString('error_title'), at: failed.getString('updated') } : null,
      },
    ];
  });
  e.json(200, { channels });
});
