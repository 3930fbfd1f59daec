import type { Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { startSimulator, type Simulator } from '../../src/simulator/server';
import { TEST_APP_SECRET, TEST_VERIFY_TOKEN } from '../support/pocketbase';
import { CHANNEL_PNID } from '../support/seed';
import { spawnWorker, type WorkerProcess } from '../support/worker-process';
import { assign, storedMessage } from './customers';
import { expect, signIn, syncStatus, test, waitForServiceWorker } from './fixtures';

// A real 24×24 PNG: the simulator checks uploads the way Meta does.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABgAAAAYCAIAAABvFaqvAAAALElEQVR42mNQvZyGhv5jAGLUMIwaREeDyNOGqWbUIHoaNJqyR/PaqEF0MQgACcPmnf4qfi8AAAAASUVORK5CYII=',
  'base64',
);
const ACCESS_TOKEN = 'e2e_access_token';
const MB = 1024 * 1024;

/** A genuine RGB PNG of random noise: noise does not compress, so a modest size makes a file over 5 MB. */
function noisePng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = randomBytes((width * 3 + 1) * height);
  // Each row starts with its filter type: 0, none.
  for (let row = 0; row < height; row++) rows[row * (width * 3 + 1)] = 0;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Delivery needs Meta's side and the worker: both run only while this file's tests do.
let sim: Simulator;
let worker: WorkerProcess;
let phone = 0;

test.beforeAll(async ({ env }) => {
  sim = await startSimulator({
    webhookUrl: `${env.url}/api/whatsapp/webhook`,
    appSecret: TEST_APP_SECRET,
    accessToken: ACCESS_TOKEN,
    verifyToken: TEST_VERIFY_TOKEN,
    timeScale: 0.001,
    channels: [{ phoneNumberId: CHANNEL_PNID, displayPhoneNumber: '15550783881', wabaId: 'WABA' }],
    scriptedCustomers: false,
    seed: 11,
  });
  worker = spawnWorker(env.url, { WHATSAPP_GRAPH_URL: sim.url, WHATSAPP_ACCESS_TOKEN: ACCESS_TOKEN, WORKER_SWEEP_MS: '200' });
});
test.afterAll(async () => {
  await worker?.kill();
  await sim?.close();
});

/** A customer writes in through the simulator (so its 24 h window is open there too), assigned to the agent. */
async function customerThroughSimulator(api: Parameters<typeof assign>[0], agentId: string, name: string, text: string): Promise<string> {
  const from = `3469${String(Date.now() % 1_000_000).padStart(6, '0')}${++phone}`;
  const { id: wamid } = await sim.injectInbound({ from, name, type: 'text', text, wait: true });
  const { conversation } = await storedMessage(api, wamid);
  await assign(api, conversation, agentId);
  return conversation;
}

async function attach(page: Page, button: 'Take photo' | 'Choose file', file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Attach', exact: true }).click();
  await page.getByRole('group', { name: 'Attach' }).getByRole('button', { name: button }).click();
  await (await chooser).setFiles(file);
}

test('a photo taken offline waits on the phone, syncs once with its caption and is delivered', async ({ page, context, env, api }) => {
  const conversationId = await customerThroughSimulator(api, env.agent.id, 'Pia Photo', 'Can you show me the new part?');
  await signIn(page, env);
  await page.goto(`/conversations/${conversationId}`);
  const thread = page.getByRole('list', { name: 'Messages' });
  await expect(thread.getByText('Can you show me the new part?')).toBeVisible();

  // The app works offline once its service worker controls the page (it registers after the first paint).
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await expect(syncStatus(page)).toContainText('Offline');
  await attach(page, 'Take photo', { name: 'part.png', mimeType: 'image/png', buffer: PNG });
  const draft = page.getByRole('form', { name: 'Attachment to send' });
  await expect(draft).toContainText('part.png');
  await draft.getByLabel('Caption (optional)').fill('This is the new part');
  await draft.getByRole('button', { name: 'Send attachment' }).click();
  await expect(draft).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Attach', exact: true })).toBeFocused();

  const bubble = thread.getByRole('article').filter({ hasText: 'This is the new part' });
  await expect(bubble.getByRole('img', { name: 'This is the new part' })).toBeVisible();
  await expect(bubble.getByText('Waiting to send')).toHaveCount(1);
  await expect(syncStatus(page)).toContainText('1 to sync');

  await context.setOffline(false);
  await expect(syncStatus(page)).toContainText('Synced');
  await expect(bubble.getByText(/Delivered|Read/)).toHaveCount(1, { timeout: 20_000 });
  await expect(bubble.getByRole('img', { name: 'This is the new part' })).toBeVisible();

  const sent = await api.list('messages', `conversation = "${conversationId}" && author = "${env.agent.id}"`);
  expect(sent.map((m) => [m.type, m.text, m.media_filename, m.media_size])).toEqual([['image', 'This is the new part', 'part.png', PNG.length]]);
  const [request] = sim.sentMessages().filter((m) => m.id === sent[0].wamid);
  expect(request.request).toMatchObject({ type: 'image', image: { id: sent[0].media_id, caption: 'This is the new part' } });
});

test('tapping a photo opens it full screen; Escape and Close return to the photo', async ({ page, env, api }) => {
  const conversationId = await customerThroughSimulator(api, env.agent.id, 'Zoe Zoom', 'Send me a picture please');
  await signIn(page, env);
  await page.goto(`/conversations/${conversationId}`);
  await attach(page, 'Choose file', { name: 'meter.png', mimeType: 'image/png', buffer: PNG });
  await page.getByLabel('Caption (optional)').fill('Meter reading');
  await page.getByRole('button', { name: 'Send attachment' }).click();

  const open = page.getByRole('button', { name: 'Open photo full screen' });
  await open.click();
  const viewer = page.getByRole('dialog', { name: 'Photo' });
  await expect(viewer.getByRole('img', { name: 'Meter reading' })).toBeVisible();
  await expect(viewer.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();
  await expect(open).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(viewer).toBeVisible();
  await viewer.getByRole('button', { name: 'Close' }).click();
  await expect(viewer).toBeHidden();
  await expect(open).toBeFocused();
});

test('files WhatsApp would refuse are turned away on the phone with the reason', async ({ page, env, api }) => {
  const conversationId = await customerThroughSimulator(api, env.agent.id, 'Rita Refused', 'Here is my invoice question');
  await signIn(page, env);
  await page.goto(`/conversations/${conversationId}`);

  await attach(page, 'Choose file', { name: 'funny.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') });
  await expect(page.getByRole('alert')).toContainText('WhatsApp does not take this kind of file');
  await attach(page, 'Take photo', { name: 'huge.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(5 * MB + 1, 1) });
  await expect(page.getByRole('alert')).toContainText('5 MB');
  await expect(page.getByRole('form', { name: 'Attachment to send' })).toHaveCount(0);

  // A PDF is fine: it goes out as a document (after a change of mind: removed, then attached again).
  const pdf = { name: 'invoice.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') };
  await attach(page, 'Choose file', pdf);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Remove attachment' }).click();
  await expect(page.getByRole('form', { name: 'Attachment to send' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Attach', exact: true })).toBeFocused();
  await attach(page, 'Choose file', pdf);
  await page.getByRole('button', { name: 'Send attachment' }).click();
  await expect
    .poll(async () => (await api.list('messages', `conversation = "${conversationId}" && author = "${env.agent.id}"`)).map((m) => [m.type, m.media_filename]))
    .toEqual([['document', 'invoice.pdf']]);
});

test('a camera photo over the 5 MB limit is redrawn as a JPEG that fits, and goes out', async ({ page, env, api }) => {
  const conversationId = await customerThroughSimulator(api, env.agent.id, 'Bea Big', 'Show me the whole wall');
  const photo = noisePng(1400, 1400);
  expect(photo.length).toBeGreaterThan(5 * MB);
  await signIn(page, env);
  await page.goto(`/conversations/${conversationId}`);

  await attach(page, 'Take photo', { name: 'wall.png', mimeType: 'image/png', buffer: photo });
  const draft = page.getByRole('form', { name: 'Attachment to send' });
  await expect(draft).toContainText('wall.jpg');
  await draft.getByRole('button', { name: 'Send attachment' }).click();
  const mine = `conversation = "${conversationId}" && author = "${env.agent.id}"`;
  await expect.poll(async () => (await api.list('messages', `${mine} && wamid != ""`)).length, { timeout: 20_000 }).toBe(1);
  const [sent] = await api.list('messages', mine);
  expect(sent).toMatchObject({ type: 'image', media_filename: 'wall.jpg', media_mime: 'image/jpeg' });
  expect(sent.media_size).toBeLessThanOrEqual(5 * MB);
  expect(sim.sentMessages().filter((m) => m.id === sent.wamid)).toHaveLength(1);
});
