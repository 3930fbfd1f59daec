import { afterEach, describe, expect, it } from 'vitest';
import { createClock } from './clock';
import { createIdFactory } from './message-ids';
import { createRandomSource } from './random-source';
import { APP_SECRET } from './testing/test-rig';
import { waitFor } from './testing/wait-for';
import { startWebhookReceiver, type WebhookReceiver } from './testing/webhook-receiver';
import { RETRY_SCHEDULE_MS, WebhookSender } from './webhook-sender';

describe('WebhookSender', () => {
  let receiver: WebhookReceiver | undefined;
  let sender: WebhookSender | undefined;
  afterEach(async () => {
    sender?.close();
    await receiver?.close();
  });

  function startSender(url: string, timeScale: number) {
    const clock = createClock(Date.now, timeScale);
    sender = new WebhookSender({ url, appSecret: APP_SECRET, clock, ids: createIdFactory(createRandomSource(1)) });
    return sender;
  }

  it('retries until the backend answers 200', async () => {
    receiver = await startWebhookReceiver({ statusFor: (attempt) => (attempt <= 2 ? 500 : 200) });
    const { delivery } = startSender(receiver.url, 0.001).send({ object: 'whatsapp_business_account', entry: [] }, 'messages');

    await waitFor(() => delivery.state === 'delivered', 5_000, 'delivery');
    expect(delivery.attempts.map((attempt) => attempt.statusCode)).toEqual([500, 500, 200]);
    expect(receiver.received.map((hook) => hook.body)).toEqual([delivery.body, delivery.body, delivery.body]);
    expect(new Set(receiver.received.map((hook) => hook.signature))).toEqual(new Set([delivery.signature]));
  });

  it('counts any status other than 200 as a failure, even another 2xx', async () => {
    receiver = await startWebhookReceiver({ statusFor: (attempt) => (attempt === 1 ? 204 : 200) });
    const { delivery, firstAttempt } = startSender(receiver.url, 0.001).send({ n: 1 }, 'statuses');

    expect(await firstAttempt).toMatchObject({ ok: false, statusCode: 204 });
    await waitFor(() => delivery.state === 'delivered', 5_000, 'delivery');
    expect(delivery.attempts).toHaveLength(2);
  });

  it('gives up after the last retry of the seven-day schedule', async () => {
    receiver = await startWebhookReceiver({ statusFor: () => 503 });
    // 1e-6 compresses the ~11 days of the schedule into about a second.
    const { delivery } = startSender(receiver.url, 0.000001).send({ n: 2 }, 'messages');

    await waitFor(() => delivery.state === 'exhausted', 10_000, 'exhaustion');
    expect(delivery.attempts).toHaveLength(RETRY_SCHEDULE_MS.length + 1);
    expect(receiver.received).toHaveLength(RETRY_SCHEDULE_MS.length + 1);
  });

  it('records connection errors and keeps retrying', async () => {
    receiver = await startWebhookReceiver();
    const closedUrl = receiver.url;
    await receiver.close();
    const { delivery, firstAttempt } = startSender(closedUrl, 0.001).send({ n: 3 }, 'messages');

    const attempt = await firstAttempt;
    expect(attempt.ok).toBe(false);
    expect(attempt.error).toBeTruthy();
    expect(delivery.state).toBe('pending');
    receiver = undefined;
  });

  it('stops retrying once closed', async () => {
    receiver = await startWebhookReceiver({ statusFor: () => 500 });
    const active = startSender(receiver.url, 1);
    const { delivery, firstAttempt } = active.send({ n: 4 }, 'messages');
    await firstAttempt;
    await waitFor(() => delivery.attempts.length >= 2, 5_000, 'the immediate retry');
    active.close();

    expect(delivery.state).toBe('cancelled');
    expect(delivery.nextAttemptAt).toBeUndefined();
  });
});

describe('WebhookSender timeout', () => {
  it('abandons an attempt the backend never answers and schedules a retry', async () => {
    const { createServer } = await import('node:http');
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    const clock = createClock(Date.now, 0.001);
    const sender = new WebhookSender({ url: `http://127.0.0.1:${port}/hook`, appSecret: APP_SECRET, clock, ids: createIdFactory(createRandomSource(2)) });
    try {
      const { delivery, firstAttempt } = sender.send({ n: 5 }, 'messages');
      const attempt = await firstAttempt;
      expect(attempt).toMatchObject({ ok: false });
      expect(attempt.error).toMatch(/timed out/);
      expect(delivery.state).toBe('pending');
    } finally {
      sender.close();
      clock.cancelAll();
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
