import { readWorkerConfig } from './config';
import { GraphClient } from './graph-client';
import { MediaDownload } from './media-download';
import { OutboundDelivery } from './outbound-delivery';
import { openSession, watchMessages } from './pocketbase-session';
import { RunTrigger } from './run-trigger';

// The delivery worker: sends queued replies to WhatsApp and downloads inbound media. Realtime makes it prompt;
// the periodic sweep makes it complete (anything queued while it was down or missed by realtime is picked up).

function log(line: string): void {
  process.stdout.write(`[worker] ${line}\n`);
}

async function main(): Promise<void> {
  const config = readWorkerConfig(process.env);
  const pb = await openSession(config.POCKETDESK_URL, config.POCKETDESK_WORKER_EMAIL, config.POCKETDESK_WORKER_PASSWORD);
  const graph = new GraphClient(config.WHATSAPP_GRAPH_URL, config.WHATSAPP_GRAPH_VERSION);
  const deps = { pb, graph, workerId: config.WORKER_ID, defaultToken: config.WHATSAPP_ACCESS_TOKEN, leaseMs: config.WORKER_LEASE_MS, graceMs: config.WORKER_RECLAIM_GRACE_MS };
  const delivery = new OutboundDelivery(deps);
  const media = new MediaDownload(deps);
  const sending = new RunTrigger(() => delivery.runOnce(), (error) => log(`outbound: ${(error as Error).message}`));
  const downloading = new RunTrigger(() => media.runOnce(), (error) => log(`media: ${(error as Error).message}`));

  const unsubscribe = await watchMessages(pb, (record) => {
    if (record.direction === 'out' && record.status === 'queued') void sending.kick();
    if (record.direction === 'in' && record.media_status === 'pending') void downloading.kick();
  });
  const sweep = setInterval(() => {
    void sending.kick();
    void downloading.kick();
  }, config.WORKER_SWEEP_MS);
  void sending.kick();
  void downloading.kick();
  log(`ready (${config.WORKER_ID}) → ${config.WHATSAPP_GRAPH_URL}`);

  const stop = async (signal: string) => {
    log(`${signal}: finishing in-flight work`);
    clearInterval(sweep);
    await unsubscribe().catch(() => undefined);
    await Promise.all([sending.idle(), downloading.idle()]);
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
