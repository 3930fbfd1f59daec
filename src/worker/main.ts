import { readWorkerConfig, vapidKeysOf } from './config';
import { ChannelTokens, parseSecretKey } from './channel-tokens';
import { GraphClient } from './graph-client';
import { InboxClassifier } from './intent-inference';
import { IntentTrainer } from './intent-training';
import { MediaDownload } from './media-download';
import { OutboundDelivery } from './outbound-delivery';
import { openSession, watchCollection } from './pocketbase-session';
import { ReadReceipts } from './read-receipts';
import { PushDelivery, watchNotifications } from './push-delivery';
import { RunTrigger } from './run-trigger';
import { WebhookApplier } from './webhook-applier';
import { WebhookDelivery } from './webhook-delivery';

// The delivery worker: sends queued replies to WhatsApp, downloads inbound media and pushes agent notifications.
// Realtime makes it prompt; the periodic sweep makes it complete (anything queued while it was down or missed by realtime is picked up).

function log(line: string): void {
  process.stdout.write(`[worker] ${line}\n`);
}

async function main(): Promise<void> {
  const config = readWorkerConfig(process.env);
  const pb = await openSession(config.POCKETDESK_URL, config.POCKETDESK_WORKER_EMAIL, config.POCKETDESK_WORKER_PASSWORD);
  const graph = new GraphClient(config.WHATSAPP_GRAPH_URL, config.WHATSAPP_GRAPH_VERSION);
  const deps = {
    pb,
    graph,
    workerId: config.WORKER_ID,
    tokens: new ChannelTokens(config.POCKETDESK_SECRET_KEY, config.WHATSAPP_ACCESS_TOKEN),
    leaseMs: config.WORKER_LEASE_MS,
    graceMs: config.WORKER_RECLAIM_GRACE_MS,
  };
  const delivery = new OutboundDelivery(deps);
  const media = new MediaDownload(deps);
  const sending = new RunTrigger(
    () => delivery.runOnce(),
    (error) => log(`outbound: ${(error as Error).message}`),
  );
  const downloading = new RunTrigger(
    () => media.runOnce(),
    (error) => log(`media: ${(error as Error).message}`),
  );
  const receipts = new ReadReceipts(deps);
  const marking = new RunTrigger(
    () => receipts.runOnce(),
    (error) => log(`read receipts: ${(error as Error).message}`),
  );
  const vapid = vapidKeysOf(config);
  const push = vapid ? new PushDelivery({ pb, workerId: config.WORKER_ID, vapid, leaseMs: config.WORKER_LEASE_MS }) : null;
  const pushing = push
    ? new RunTrigger(
        () => push.runOnce(),
        (error) => log(`push: ${(error as Error).message}`),
      )
    : null;
  const applier = new WebhookApplier(pb, new InboxClassifier(pb, log), log);
  const trainer = new IntentTrainer(pb, config.WORKER_ID);
  const training = new RunTrigger(
    () => trainer.runOnce(),
    (error) => log(`intent training: ${(error as Error).message}`),
  );
  const applying = new RunTrigger(
    () => applier.runOnce(),
    (error) => log(`webhooks: ${(error as Error).message}`),
  );
  const integrations = new WebhookDelivery({
    pb,
    workerId: config.WORKER_ID,
    secretKey: config.POCKETDESK_SECRET_KEY ? parseSecretKey(config.POCKETDESK_SECRET_KEY) : null,
    allowPrivate: config.POCKETDESK_ALLOW_PRIVATE_WEBHOOKS,
    timeoutMs: config.WORKER_WEBHOOK_TIMEOUT_MS,
    retryBaseMs: config.WORKER_WEBHOOK_RETRY_BASE_MS,
    leaseMs: config.WORKER_LEASE_MS,
  });
  const integrating = new RunTrigger(
    () => integrations.runOnce(),
    (error) => log(`integrations: ${(error as Error).message}`),
  );
  if (!pushing) log('push: disabled (set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY to enable web push)');

  const unsubscribeMessages = await watchCollection(pb, 'messages', (record) => {
    if (record.direction === 'out' && record.status === 'queued') void sending.kick();
    if (record.direction === 'in' && record.media_status === 'pending') void downloading.kick();
  });
  const unsubscribeConversations = await watchCollection(pb, 'conversations', (record) => {
    if (record.read_receipt_wamid) void marking.kick();
  });
  const unwatchDeliveries = await watchCollection(pb, 'webhook_deliveries', (record) => {
    if (record.status === 'pending') void integrating.kick();
  });
  const unwatchModels = await watchCollection(pb, 'intent_models', (record) => {
    if (record.status === 'queued') void training.kick();
  });
  const unwatchNotifications = pushing ? await watchNotifications(pb, () => void pushing.kick()) : async () => undefined;
  const sweep = setInterval(() => {
    void sending.kick();
    void downloading.kick();
    void marking.kick();
    void pushing?.kick();
    void integrating.kick();
    void training.kick();
  }, config.WORKER_SWEEP_MS);
  const webhookPoll = setInterval(() => void applying.kick(), config.WORKER_WEBHOOK_POLL_MS);
  void applying.kick();
  void sending.kick();
  void downloading.kick();
  void marking.kick();
  void pushing?.kick();
  void integrating.kick();
  void training.kick();
  log(`ready (${config.WORKER_ID}) → ${config.WHATSAPP_GRAPH_URL}`);

  const stop = async (signal: string) => {
    log(`${signal}: finishing in-flight work`);
    clearInterval(sweep);
    clearInterval(webhookPoll);
    await Promise.all([unsubscribeMessages(), unsubscribeConversations(), unwatchNotifications(), unwatchDeliveries(), unwatchModels()]).catch(() => undefined);
    await Promise.all([applying.idle(), sending.idle(), downloading.idle(), marking.idle(), pushing?.idle(), integrating.idle(), training.idle()]);
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
