import { afterAll, beforeAll, expect, it } from 'vitest';
import { Api } from '../support/api';
import { startPocketBase, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, PASSWORD } from '../support/seed';

// The app's heartbeat stamps last_seen and nothing else: PocketBase saves a whole record, so a heartbeat sent as a
// record update could write an old status back over the one the agent had just chosen (seen as a flaky e2e run:
// a push's Claim put the agent on shift, the page's first heartbeat put them back off).

let pb: RunningPocketBase;
let root: Api;

beforeAll(async () => {
  pb = await startPocketBase();
  root = new Api(pb.url, pb.superuserToken);
});
afterAll(async () => pb?.stop());

it('stamps last_seen with the server clock and writes no other column', async () => {
  const agent = await createAgent(root, { name: 'Hana Heartbeat', status: 'online' });
  const before = (await root.view('agents', agent.id)).body;
  const api = await root.as(agent.email, PASSWORD);
  const sent = Date.now();

  const response = await api.request('POST', '/api/pocketdesk/heartbeat');
  expect(response.status).toBe(200);

  const after = (await root.view('agents', agent.id)).body;
  expect(Date.parse(after.last_seen.replace(' ', 'T'))).toBeGreaterThanOrEqual(sent - 1000);
  // A whole-record save would move `updated`; the narrow write leaves every other column as it was.
  const { last_seen: _seenAfter, ...rest } = after;
  const { last_seen: _seenBefore, ...restBefore } = before;
  expect(rest).toEqual(restBefore);
});

it('refuses a caller who is not signed in as an agent', async () => {
  const guest = new Api(pb.url, '');
  expect((await guest.request('POST', '/api/pocketdesk/heartbeat')).status).toBe(401);
});
