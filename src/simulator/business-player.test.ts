import { afterEach, describe, expect, it } from 'vitest';
import { BUSINESS_PLAYS } from './business-player';
import { CHANNEL, startTestRig, type TestRig } from './testing/test-rig';
import { waitFor } from './testing/wait-for';

// The demo's business side: played over time when `businessPhone` is on, and one at a time by the phone page's buttons.

let rig: TestRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const fields = (r: TestRig) => r.receiver.received.map((hook) => (hook.json as { entry: { changes: { field: string }[] }[] }).entry[0]!.changes[0]!.field);
const play = (r: TestRig, which: string) =>
  fetch(`${r.simulator.url}/_sim/business/play`, { method: 'POST', body: JSON.stringify({ play: which }) }).then(async (res) => ({
    status: res.status,
    json: (await res.json()) as { deliveryIds: string[]; error: { reason: string } },
  }));

describe('business player', () => {
  it('plays every business-side field over time, history first, in the same order for the same seed', async () => {
    const order: string[][] = [];
    for (let run = 0; run < 2; run++) {
      rig = await startTestRig({ scriptedCustomers: true, businessPhone: true, seed: 5, timeScale: 0.002 });
      const r = rig;
      await waitFor(() => fields(r).includes('user_preferences'), 30_000);
      // Customers' own messages interleave with the ad click and edits; the other fields are the business side alone.
      order.push(fields(r).filter((field) => field !== 'messages'));
      await r.close();
      rig = undefined;
    }
    expect(order[0]![0]).toBe('history');
    expect(new Set(order[0])).toEqual(new Set(['history', 'smb_message_echoes', 'calls', 'message_template_status_update', 'user_preferences']));
    expect(order[1]).toEqual(order[0]);
  });

  it('answers a button with 409 when no customer has written yet, and plays it once one has', async () => {
    rig = await startTestRig({ scriptedCustomers: false });
    expect((await play(rig, 'echo-reply')).status).toBe(409);
    expect((await play(rig, 'opt-out')).json.error.reason).toBe('no-customer-yet');
    await rig.simulator.injectInbound({ phoneNumberId: CHANNEL.phoneNumberId, from: '34600000009', name: 'Tester', type: 'text', text: 'hello' });
    // Only the cast are scripted people the business side picks; a hand-made customer is not answered for them.
    expect((await play(rig, 'echo-reply')).status).toBe(409);
  });

  it.each(BUSINESS_PLAYS.filter((p) => ['history', 'ad-click', 'template-review'].includes(p)))('plays %s on demand with no customer needed', async (which) => {
    rig = await startTestRig({ scriptedCustomers: false });
    const answer = await play(rig, which);
    expect(answer.status).toBe(200);
    const r = rig;
    await waitFor(() => r.receiver.received.length >= answer.json.deliveryIds.length, 10_000);
  });

  it('refuses an unknown play', async () => {
    rig = await startTestRig({ scriptedCustomers: false });
    expect((await play(rig, 'fireworks')).status).toBe(400);
  });
});
