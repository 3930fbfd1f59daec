import { afterEach, describe, expect, it } from 'vitest';
import { CAST } from './customers/cast';
import { CHANNEL, startTestRig, type TestRig } from './testing/test-rig';
import { waitFor } from './testing/wait-for';

const MESSAGES = `/v25.0/${CHANNEL.phoneNumberId}/messages`;

async function runUntilEveryoneWrote(seed: number): Promise<TestRig> {
  const rig = await startTestRig({ scriptedCustomers: true, seed, timeScale: 0.001 });
  await waitFor(() => new Set(rig.simulator.inboundMessages().map((message) => message.customerKey)).size === CAST.length, 10_000, 'the whole cast');
  return rig;
}

function firstContactOrder(rig: TestRig): string[] {
  return [...new Set(rig.simulator.inboundMessages().map((message) => message.customerKey))];
}

describe('scripted customers', () => {
  const rigs: TestRig[] = [];
  afterEach(async () => {
    await Promise.all(rigs.splice(0).map((rig) => rig.close()));
  });

  it('has everyone in the cast write in, with a photo and a voice note among them', async () => {
    const rig = await runUntilEveryoneWrote(1);
    rigs.push(rig);
    await waitFor(() => rig.simulator.inboundMessages().length >= CAST.reduce((sum, person) => sum + person.opening.length, 0), 5_000, 'every opening');
    const types = rig.simulator.inboundMessages().map((message) => message.type);
    expect(types).toContain('image');
    expect(rig.simulator.inboundMessages().find((message) => message.type === 'audio')?.message['audio']).toMatchObject({ voice: true });
    expect(
      rig.simulator
        .customers()
        .map((customer) => customer.name)
        .sort(),
    ).toEqual(CAST.map((person) => person.name).sort());
  });

  it('repeats the same order of customers for the same seed', async () => {
    const first = await runUntilEveryoneWrote(99);
    rigs.push(first);
    const second = await runUntilEveryoneWrote(99);
    rigs.push(second);
    expect(firstContactOrder(second)).toEqual(firstContactOrder(first));
  });

  it('answers an agent reply with the next line of the script', async () => {
    const rig = await runUntilEveryoneWrote(5);
    rigs.push(rig);
    const person = CAST[0]!;
    const before = rig.simulator.inboundMessages().filter((message) => message.customerKey === person.phone).length;
    await rig.graph(MESSAGES, { body: { messaging_product: 'whatsapp', to: person.phone, type: 'text', text: { body: 'Let me check that for you.' } } });

    const firstFollowUp = person.followUps[0];
    const expected = firstFollowUp && 'text' in firstFollowUp ? firstFollowUp.text : '';
    await waitFor(
      () => rig.simulator.inboundMessages().some((message) => message.customerKey === person.phone && message.preview === expected),
      5_000,
      'the follow-up',
    );
    expect(rig.simulator.inboundMessages().filter((message) => message.customerKey === person.phone).length).toBeGreaterThan(before);
  });

  it('taps one of the reply buttons an agent offers', async () => {
    const rig = await runUntilEveryoneWrote(8);
    rigs.push(rig);
    const person = CAST[1]!;
    const buttons = [
      { type: 'reply', reply: { id: 'refund', title: 'Refund' } },
      { type: 'reply', reply: { id: 'exchange', title: 'Exchange' } },
    ];
    const sent = await rig.graph(MESSAGES, {
      body: {
        messaging_product: 'whatsapp',
        to: person.phone,
        type: 'interactive',
        interactive: { type: 'button', body: { text: 'Refund or exchange?' }, action: { buttons } },
      },
    });

    const tap = await waitFor(
      () => rig.simulator.inboundMessages().find((message) => message.customerKey === person.phone && message.type === 'interactive'),
      5_000,
      'the tap',
    );
    expect(['Refund', 'Exchange']).toContain(tap.preview);
    expect(tap.message['context']).toEqual({ from: CHANNEL.displayPhoneNumber, id: sent.json.messages[0].id });
  });
});
