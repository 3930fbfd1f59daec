// The app's "still here" signal. It writes last_seen alone, with one narrow UPDATE, because PocketBase saves a
// record by writing every column: a heartbeat sent as a record update beside the agent's own status change (a push's
// Claim puts them on shift as the page loads) could write the old status back over the new one.
import { isoDate } from './records';
import { EVERY_ROLE, staffRoute } from './route-kit';

/** POST /api/pocketdesk/heartbeat — the signed-in agent's app is open; the server's clock stamps it. */
export const handleHeartbeat = staffRoute({ roles: EVERY_ROLE }, (e, { staff }) => {
  e.app
    .db()
    .newQuery('UPDATE agents SET last_seen = {:at} WHERE id = {:id}')
    .bind({ at: isoDate(Date.now()), id: staff.record.id } as dbx.Params)
    .execute();
  e.json(200, { ok: true });
});
