import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/pocketbase-paths.mjs';
import { Api } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, PASSWORD } from '../support/seed';

// The route kit's one JSON-body policy (src/pocketbase/route-kit.ts), on every POST route the hooks add: a body that
// is not JSON is a 400 `invalid-json` that says so (never read as `{}`), an empty body reads as `{}`, and who may
// call the route is checked before the body is read.

let pb: RunningPocketBase;
let root: Api;
let admin: Api;

/** Every POST route under /api/pocketdesk, and who calls it: staff (an admin here, who passes every role gate) or the worker. */
const routes: Array<[path: string, caller: 'staff' | 'worker']> = [
  ['/api/pocketdesk/conversations/{id}/assign', 'staff'],
  ['/api/pocketdesk/conversations/{id}/offer', 'staff'],
  ['/api/pocketdesk/conversations/{id}/read', 'staff'],
  ['/api/pocketdesk/heartbeat', 'staff'],
  ['/api/pocketdesk/conversations/{id}/snooze', 'staff'],
  ['/api/pocketdesk/worker/snooze-sweep', 'worker'],
  ['/api/pocketdesk/contacts/{id}/erase', 'staff'],
  ['/api/pocketdesk/worker/apply-webhooks', 'worker'],
  ['/api/pocketdesk/worker/claim-outbound', 'worker'],
  ['/api/pocketdesk/worker/begin-send', 'worker'],
  ['/api/pocketdesk/worker/outbound-result', 'worker'],
  ['/api/pocketdesk/worker/claim-media', 'worker'],
  ['/api/pocketdesk/worker/claim-notifications', 'worker'],
  ['/api/pocketdesk/worker/push-results', 'worker'],
  ['/api/pocketdesk/worker/claim-read-receipts', 'worker'],
  ['/api/pocketdesk/worker/read-receipt-sent', 'worker'],
  ['/api/pocketdesk/worker/sla-sweep', 'worker'],
  ['/api/pocketdesk/worker/waiting-push-sweep', 'worker'],
  ['/api/pocketdesk/worker/qa-sample', 'worker'],
  ['/api/pocketdesk/worker/presence-sweep', 'worker'],
  ['/api/pocketdesk/agents/{id}/shift-schedule', 'staff'],
  ['/api/pocketdesk/worker/offer-sweep', 'worker'],
  ['/api/pocketdesk/bench/seed', 'worker'],
  ['/api/pocketdesk/integrations/api-keys', 'staff'],
  ['/api/pocketdesk/integrations/api-keys/{id}/revoke', 'staff'],
  ['/api/pocketdesk/integrations/endpoints/{id}/secret', 'staff'],
  ['/api/pocketdesk/integrations/deliveries/{id}/replay', 'staff'],
  ['/api/pocketdesk/worker/claim-webhooks', 'worker'],
  ['/api/pocketdesk/worker/webhook-results', 'worker'],
  ['/api/pocketdesk/worker/integration-sweep', 'worker'],
  ['/api/pocketdesk/agents', 'staff'],
  ['/api/pocketdesk/agents/{id}/deactivate', 'staff'],
  ['/api/pocketdesk/agents/{id}/reactivate', 'staff'],
  ['/api/pocketdesk/teams/{id}/remove', 'staff'],
  ['/api/pocketdesk/teams/{id}/qa', 'staff'],
  ['/api/pocketdesk/webhooks/{id}/replay', 'staff'],
  ['/api/pocketdesk/channels/{id}/check-connection', 'staff'],
  ['/api/pocketdesk/channels/{id}/pull-templates', 'staff'],
  ['/api/pocketdesk/intents/train', 'staff'],
  ['/api/pocketdesk/intents/settings', 'staff'],
  ['/api/pocketdesk/worker/claim-intent-training', 'worker'],
  ['/api/pocketdesk/worker/intent-training', 'worker'],
  ['/api/pocketdesk/worker/intent-history', 'worker'],
  ['/api/pocketdesk/worker/inbox-texts', 'worker'],
  ['/api/pocketdesk/worker/message-intents', 'worker'],
];

const malformed = ['{"action": "claim"', 'not json', "{'single': 'quotes'}"];

/** POSTs `raw` as it is (a body that is not JSON, or none), to a conversation or contact id that does not exist. */
async function send(api: Api, path: string, raw: string | undefined): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = {
    ...(raw === undefined ? {} : { 'content-type': 'application/json' }),
    ...(api.token ? { authorization: api.token } : {}),
  };
  const response = await fetch(`${api.url}${path.replace('{id}', 'doesnotexist123')}`, { method: 'POST', headers, body: raw });
  return { status: response.status, body: JSON.parse((await response.text()) || 'null') };
}

beforeAll(async () => {
  // The bench seed route exists only when switched on; on, it follows the worker routes' policy.
  pb = await startPocketBase({ POCKETDESK_ENABLE_BENCH_SEED: '1' });
  root = new Api(pb.url, pb.superuserToken);
  const agent = await createAgent(root, { name: 'Policy Admin', role: 'admin', teams: [], status: 'online', max_open: 5 });
  admin = await root.as(agent.email, PASSWORD);
});
afterAll(async () => pb?.stop());

describe('the JSON-body policy', () => {
  it('covers every POST route the hooks register under /api/pocketdesk', () => {
    const entry = readFileSync(join(projectRoot, 'src/pocketbase/hooks.pb.ts'), 'utf8');
    const registered = [...entry.matchAll(/routerAdd\('POST', '(\/api\/pocketdesk\/[^']+)'/g)].map((match) => match[1]).sort();
    expect(routes.map(([path]) => path).sort()).toEqual(registered);
  });

  it.each(routes.flatMap(([path, caller]) => malformed.map((raw) => [path, caller, raw] as const)))(
    '%s refuses the malformed body %#',
    async (path, caller, raw) => {
      const response = await send(caller === 'staff' ? admin : root, path, raw);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ status: 400, reason: 'invalid-json', data: { body: { code: 'invalid-json' } } });
    },
  );

  it.each(routes)('%s checks its caller before reading the body', async (path, caller) => {
    const guest = new Api(pb.url, '');
    const response = await send(caller === 'staff' ? guest : admin, path, 'not json');
    expect(response.body.reason).not.toBe('invalid-json');
    expect([401, 403, 404]).toContain(response.status);
  });

  it.each([
    ['/api/pocketdesk/worker/claim-read-receipts', 'worker', 200, undefined],
    ['/api/pocketdesk/worker/claim-outbound', 'worker', 200, undefined],
    ['/api/pocketdesk/worker/sla-sweep', 'worker', 200, undefined],
    ['/api/pocketdesk/worker/waiting-push-sweep', 'worker', 200, undefined],
    // Read as {}, then refused by the route's own schema, not as malformed JSON.
    ['/api/pocketdesk/conversations/{id}/offer', 'staff', 400, 'invalid-offer-answer'],
    ['/api/pocketdesk/conversations/{id}/assign', 'staff', 400, 'invalid-action'],
    ['/api/pocketdesk/conversations/{id}/snooze', 'staff', 400, 'invalid-snooze'],
  ] as const)('%s reads an empty body as {}', async (path, caller, status, reason) => {
    const response = await send(caller === 'staff' ? admin : root, path, undefined);
    expect(response.status).toBe(status);
    if (reason) expect(response.body.reason).toBe(reason);
  });
});
