import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { Api } from '../../tests/support/api';
import { startPocketBase } from '../../tests/support/pocketbase';
import { createAgent, createChannel, createTeam, PASSWORD } from '../../tests/support/seed';
import { projectRoot } from '../pocketbase-paths.mjs';

const CONVERSATIONS = Number(process.env.BENCH_OFFLINE_CONVERSATIONS ?? 200);
const MESSAGES = 50;
const PHOTOS = Number(process.env.BENCH_OFFLINE_PHOTOS ?? 100);
const PHOTO_BYTES = 80 * 1024;
/** Chrome DevTools' "slow 4G"-like profile the issue names: 1.6 Mbps down, 750 kbps up, 150 ms round trip. */
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };

export interface OfflineCopyResult {
  conversations: number;
  messages: number;
  photos: number;
  /** Sign-in → every thread and photo on the device. */
  firstSyncS: number;
  firstSyncKb: number;
  /** A sync with nothing changed: the queue and reference lists only. */
  repeatKb: number;
  /** A sync after 5 conversations got a new message. */
  fiveChangedKb: number;
}

async function inParallel<T>(items: T[], lanes: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

async function addMessage(api: Api, conversation: string, n: number, photo: boolean): Promise<void> {
  const form = new FormData();
  const at = new Date(Date.now() - (MESSAGES - n) * 60_000).toISOString().replace('T', ' ');
  const fields: Record<string, string> = {
    conversation,
    direction: n % 2 ? 'out' : 'in',
    type: photo ? 'image' : 'text',
    text: `Message ${n} about the pump at site ${conversation.slice(-3)}`,
    status: n % 2 ? 'delivered' : 'received',
    sender: n % 2 ? 'agent' : 'customer',
    timestamp: at,
  };
  if (photo) Object.assign(fields, { media_status: 'stored', media_mime: 'image/jpeg', media_filename: 'photo.jpg', media_size: String(PHOTO_BYTES) });
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  if (photo) form.set('media', new Blob([randomBytes(PHOTO_BYTES)], { type: 'image/jpeg' }), 'photo.jpg');
  const response = await fetch(`${api.url}/api/collections/messages/records`, { method: 'POST', headers: { authorization: api.token }, body: form });
  if (response.status !== 200) throw new Error(`offline bench: message ${response.status} ${await response.text()}`);
}

/** How far the device's copy is: threads marked done and files kept. */
async function copyState(page: Page): Promise<{ marks: number; files: number; line: string }> {
  const line =
    (await page
      .getByRole('status', { name: 'Offline copy' })
      .textContent()
      .catch(() => '')) ?? '';
  const counts = await page.evaluate(
    () =>
      new Promise<{ marks: number; files: number }>((resolve) => {
        // Runs in the page; this project is typed for Node, without the DOM's types.
        const open = (globalThis as any).indexedDB.open('pocketdesk');
        open.onsuccess = () => {
          const tx = open.result.transaction(['meta', 'media']);
          const marks = tx.objectStore('meta').get('prefetch-marks');
          const files = tx.objectStore('media').count();
          tx.oncomplete = () => (open.result.close(), resolve({ marks: Object.keys(marks.result?.value ?? {}).length, files: files.result }));
        };
        open.onerror = () => resolve({ marks: 0, files: 0 });
      }),
  );
  return { ...counts, line };
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('offline bench: timed out');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * The offline copy over an emulated slow 4G network (Chromium's network emulation): an agent with 200 open
 * conversations of 50 messages each, 100 of them with a photo, signs in; timed until every thread and photo is on
 * the device, with the bytes the page received; then a sync with nothing changed and one after 5 conversations
 * changed. Service workers are blocked so every byte passes the emulated network.
 */
export async function benchOfflineCopy(): Promise<OfflineCopyResult> {
  if (!existsSync(join(projectRoot, 'build', 'pwa', 'index.html'))) throw new Error('offline bench: build/pwa is missing (npm run build:pwa)');
  const pb = await startPocketBase();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  try {
    const api = new Api(pb.url, pb.superuserToken);
    const team = await createTeam(api, 'Bench');
    const channel = await createChannel(api, { default_team: team });
    const agent = await createAgent(api, { name: 'Field Bench', teams: [team], status: 'online', max_open: CONVERSATIONS + 10 });
    const ids: string[] = [];
    // Straight through the API as superuser: the webhook path would measure the inbound pipeline instead.
    await inParallel(
      Array.from({ length: CONVERSATIONS }, (_, n) => n),
      4,
      async (n) => {
        const contact = await api.create('contacts', { wa_id: `1777${String(n).padStart(7, '0')}`, name: `Customer ${n}` });
        const at = new Date().toISOString().replace('T', ' ');
        const created = await api.create('conversations', {
          contact: contact.body.id,
          channel,
          team,
          assignee: agent.id,
          status: 'open',
          last_message_at: at,
          last_inbound_at: at,
        });
        if (created.status !== 200) throw new Error(`offline bench: conversation ${created.status} ${JSON.stringify(created.body)}`);
        ids.push(created.body.id);
      },
    );
    const work = ids.flatMap((id, index) => Array.from({ length: MESSAGES }, (_, n) => ({ id, n, photo: index < PHOTOS && n === MESSAGES - 1 })));
    await inParallel(work, 8, ({ id, n, photo }) => addMessage(api, id, n, photo));

    const context = await browser.newContext({
      baseURL: pb.url,
      viewport: { width: 360, height: 640 },
      isMobile: true,
      hasTouch: true,
      locale: 'en-US',
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    let received = 0;
    cdp.on('Network.loadingFinished', ({ encodedDataLength }) => (received += encodedDataLength));

    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(agent.email);
    await page.getByLabel('Password').fill(PASSWORD);
    received = 0;
    const started = performance.now();
    await page.getByRole('button', { name: 'Sign in' }).click();
    const done = async () => {
      const state = await copyState(page);
      return state.marks >= CONVERSATIONS && state.files >= PHOTOS && state.line === 'Up to date';
    };
    await waitUntil(done, 30 * 60_000);
    const firstSyncS = (performance.now() - started) / 1000;
    const firstSyncKb = received / 1024;

    // A sync with nothing changed: the app's own wake-up path (the network came back).
    received = 0;
    await page.evaluate(() => (globalThis as unknown as EventTarget).dispatchEvent(new Event('online')));
    await waitUntil(async () => received > 0 && (await copyState(page)).line === 'Up to date', 120_000);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const repeatKb = received / 1024;

    for (const id of ids.slice(0, 5)) {
      await addMessage(api, id, MESSAGES, false);
      await api.update('conversations', id, { last_message_at: new Date().toISOString().replace('T', ' ') });
    }
    received = 0;
    await page.evaluate(() => (globalThis as unknown as EventTarget).dispatchEvent(new Event('online')));
    await waitUntil(async () => received > 0 && (await copyState(page)).line === 'Up to date', 120_000);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const fiveChangedKb = received / 1024;
    await context.close();
    const round = (value: number) => Number(value.toFixed(1));
    return {
      conversations: CONVERSATIONS,
      messages: CONVERSATIONS * MESSAGES,
      photos: PHOTOS,
      firstSyncS: round(firstSyncS),
      firstSyncKb: round(firstSyncKb),
      repeatKb: round(repeatKb),
      fiveChangedKb: round(fiveChangedKb),
    };
  } finally {
    await browser.close();
    await pb.stop();
  }
}
