import { isoDate } from './records';

// Meta's subscription handshake, remembered per channel so the setup screen can turn green when it arrives. In the
// edge bundle (webhook.ts): no zod here.

/**
 * Meta's handshake carried this verify token: the channel it belongs to is verified now. The deployment-wide
 * WHATSAPP_VERIFY_TOKEN verifies every channel (one webhook URL serves them all). Answers whether it matched.
 */
export function recordVerification(app: core.App, token: string, matchesDeploymentToken: boolean): boolean {
  const now = isoDate(Date.now());
  const channels = matchesDeploymentToken
    ? app.findAllRecords('channels')
    : token
      ? app.findRecordsByFilter('channels', 'verify_token = {:t}', '', 1, 0, { t: token } as dbx.Params)
      : [];
  let matched = false;
  for (const channel of channels) {
    if (!channel) continue;
    // Looked up by equality above; compared again in constant time so the lookup is not the only check.
    if (!matchesDeploymentToken && !$security.equal(channel.getString('verify_token'), token)) continue;
    // One column: a whole-record save of the channel read above could write back an admin's edit made meanwhile
    // (the setup screen is open while Meta verifies). Nothing in the app waits for it in realtime.
    app
      .db()
      .newQuery('UPDATE channels SET webhook_verified_at = {:at} WHERE id = {:id}')
      .bind({ at: now, id: channel.id } as dbx.Params)
      .execute();
    matched = true;
  }
  return matched || matchesDeploymentToken;
}
