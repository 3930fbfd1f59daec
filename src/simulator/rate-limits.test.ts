import { afterEach, describe, expect, it } from 'vitest';
import { SendRateLimits } from './rate-limits';
import { CHANNEL, createManualClock, startTestRig, type TestRig } from './testing/test-rig';

const MESSAGES = `/v25.0/${CHANNEL.phoneNumberId}/messages`;
const helloWorld = (to: string) => ({ messaging_product: 'whatsapp', to, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } });

describe('SendRateLimits', () => {
  it('allows 80 sends per second per business number, refilling over time', () => {
    const limits = new SendRateLimits();
    const results = Array.from({ length: 81 }, () => limits.tryThroughput('pn', 0));
    expect(results.filter(Boolean)).toHaveLength(80);
    expect(limits.tryThroughput('other', 0)).toBe(true);
    expect(limits.tryThroughput('pn', 12)).toBe(false);
    expect(limits.tryThroughput('pn', 13)).toBe(true);
  });

  it('allows a burst of 45 to one user, then one every 6 seconds', () => {
    const limits = new SendRateLimits();
    const burst = Array.from({ length: 46 }, () => limits.tryPair('pn', 'ana', 0));
    expect(burst.filter(Boolean)).toHaveLength(45);
    expect(limits.tryPair('pn', 'ben', 0)).toBe(true);
    expect(limits.tryPair('pn', 'ana', 5_999)).toBe(false);
    expect(limits.tryPair('pn', 'ana', 6_000)).toBe(true);
  });
});

describe('rate limits over HTTP', () => {
  let rig: TestRig | undefined;
  afterEach(async () => rig?.close());

  it('answers 130429 with HTTP 429 past 80 messages in one second', async () => {
    const clock = createManualClock();
    rig = await startTestRig({ now: clock.now });
    const statuses: number[] = [];
    for (let n = 0; n < 81; n++) statuses.push((await rig.graph(MESSAGES, { body: helloWorld(`1650555${String(n).padStart(4, '0')}`) })).status);

    expect(statuses.filter((status) => status === 200)).toHaveLength(80);
    const limited = await rig.graph(MESSAGES, { body: helloWorld('16505559999') });
    expect(limited.status).toBe(429);
    expect(limited.json.error).toMatchObject({ code: 130429, error_data: { details: 'Cloud API message throughput has been reached.' } });

    clock.advance(1_000);
    expect((await rig.graph(MESSAGES, { body: helloWorld('16505559999') })).status).toBe(200);
  });

  it('uses HTTP 400 for 130429 when the knob says so', async () => {
    const clock = createManualClock();
    rig = await startTestRig({ now: clock.now });
    rig.simulator.setKnobs({ rate_limit_http_status: 400 });
    for (let n = 0; n < 80; n++) await rig.graph(MESSAGES, { body: helloWorld(`1650555${String(n).padStart(4, '0')}`) });
    const limited = await rig.graph(MESSAGES, { body: helloWorld('16505559999') });
    expect(limited.status).toBe(400);
    expect(limited.json.error.code).toBe(130429);
  });

  it('answers 131056 past a burst of 45 messages to the same user', async () => {
    const clock = createManualClock();
    rig = await startTestRig({ now: clock.now });
    for (let n = 0; n < 45; n++) {
      clock.advance(20); // stay under the 80/s throughput limit
      expect((await rig.graph(MESSAGES, { body: helloWorld('16505551234') })).status).toBe(200);
    }
    clock.advance(20);
    const limited = await rig.graph(MESSAGES, { body: helloWorld('16505551234') });
    expect(limited.status).toBe(400);
    expect(limited.json.error.code).toBe(131056);

    clock.advance(6_000);
    expect((await rig.graph(MESSAGES, { body: helloWorld('16505551234') })).status).toBe(200);
  });
});
