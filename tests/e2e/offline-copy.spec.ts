import type { Page } from '@playwright/test';
import { buildPushPayload } from '../../src/lib/domain/notifications/push-payload';
import { oggOpusSilence } from '../../src/simulator/ogg-opus';
import type { Api } from '../support/api';
import { customerWrites } from './customers';
import { expect, signInAs, test, waitForServiceWorker } from './fixtures';
import { freshTeam, teamConversation } from './workspace';

// A real 24×24 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABgAAAAYCAIAAABvFaqvAAAALElEQVR42mNQvZyGhv5jAGLUMIwaREeDyNOGqWbUIHoaNJqyR/PaqEF0MQgACcPmnf4qfi8AAAAASUVORK5CYII=',
  'base64',
);

interface CustomerFile {
  type: 'image' | 'audio' | 'video';
  bytes: Buffer;
  mime: string;
  filename: string;
  caption?: string;
  payload?: Record<string, unknown>;
}

/** A file from the customer, stored the way the media worker leaves it (downloaded, on the message). */
async function customerFile(api: Api, conversationId: string, file: CustomerFile): Promise<string> {
  const form = new FormData();
  const fields = {
    conversation: conversationId,
    direction: 'in',
    type: file.type,
    text: file.caption ?? '',
    media_status: 'stored',
    media_mime: file.mime,
    media_filename: file.filename,
    media_size: String(file.bytes.length),
    payload: JSON.stringify(file.payload ?? {}),
    status: 'received',
    sender: 'customer',
    timestamp: new Date().toISOString().replace('T', ' '),
  };
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set('media', new Blob([new Uint8Array(file.bytes)], { type: file.mime }), file.filename);
  const response = await fetch(`${api.url}/api/collections/messages/records`, { method: 'POST', headers: { authorization: api.token }, body: form });
  expect(response.status).toBe(200);
  return ((await response.json()) as { id: string }).id;
}

const customerPhoto = (api: Api, conversationId: string, caption: string) =>
  customerFile(api, conversationId, { type: 'image', bytes: PNG, mime: 'image/png', filename: 'part.png', caption });

/** Files the device keeps, read from a page of the origin that does not run the app (so it downloads nothing itself). */
async function keptFiles(probe: Page): Promise<string[]> {
  return probe.evaluate(async () => (await (await caches.open('pocketdesk-media-v1')).keys()).map((r) => new URL(r.url).pathname));
}

/** True once the app has left the agent's token where the service worker reads it. */
async function tokenShared(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('pocketdesk');
        open.onsuccess = () => {
          const get = open.result.transaction('meta').objectStore('meta').get('worker-auth');
          get.onsuccess = () => (open.result.close(), resolve(typeof get.result?.value === 'string' && get.result.value !== ''));
          get.onerror = () => resolve(false);
        };
        open.onerror = () => resolve(false);
      }),
  );
}

async function serviceWorkerRegistration(page: Page, origin: string) {
  const cdp = await page.context().newCDPSession(page);
  const registration = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const ours = registrations.find((r) => r.scopeURL === `${origin}/` && !r.isDeleted);
      if (ours) resolve(ours.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  return { cdp, registrationId: await registration };
}

/** The photo of a message shows, decoded (a broken image has no natural width). */
async function expectPhotoShown(page: Page, caption: string): Promise<void> {
  const photo = page.getByRole('list', { name: 'Messages' }).getByRole('img', { name: caption });
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(24);
}

test('an assignment push downloads the conversation, so it opens offline with its messages and photo', async ({ page, context, env, api }) => {
  const { teamId, pia } = await freshTeam(api, { pia: { status: 'online' } });
  await context.grantPermissions(['notifications'], { origin: env.url });
  await signInAs(page, pia);
  await waitForServiceWorker(page);
  await expect(page.getByRole('status', { name: 'Offline copy' })).toHaveText('Up to date');
  await expect.poll(() => tokenShared(page)).toBe(true);
  // The agent closes the app: from here only the service worker can download anything.
  const probe = await context.newPage();
  await probe.goto('/api/health');
  const { cdp, registrationId } = await serviceWorkerRegistration(probe, env.url);
  await page.close();

  const conversationId = await teamConversation(api, teamId, pia.id, 'Pablo Pump', 'The pump at the basement is leaking, photo below');
  await customerPhoto(api, conversationId, 'Leaking pump seal');
  const [row] = await api.list('notifications', `conversation = "${conversationId}" && agent = "${pia.id}"`);
  const { json } = buildPushPayload({
    notification: { id: row?.id ?? 'n1', kind: 'assigned', title: '', body: '', url: `/conversations/${conversationId}`, conversationId },
    customerName: 'Pablo Pump',
    channelName: 'Shop',
    messageText: null,
  });
  await cdp.send('ServiceWorker.deliverPushMessage', { origin: env.url, registrationId, data: json });
  await expect.poll(() => keptFiles(probe), { timeout: 20_000 }).toHaveLength(1);

  // The network drops before the tap.
  await context.setOffline(true);
  const opened = await context.newPage();
  await opened.goto(`/conversations/${conversationId}`);
  await expect(opened.getByRole('list', { name: 'Messages' }).getByText('The pump at the basement is leaking, photo below')).toBeVisible();
  await expectPhotoShown(opened, 'Leaking pump seal');
});

test('offline, every conversation in Mine opens with its kept photo, and a photo not kept says so', async ({ page, context, api }) => {
  const { teamId, rui } = await freshTeam(api, { rui: { status: 'online', max_open: 50 } });
  const customers = ['Ada Field', 'Ben Field', 'Cai Field'];
  const ids: string[] = [];
  for (const name of customers) {
    const id = await teamConversation(api, teamId, rui.id, name, `${name} needs a part`);
    await customerPhoto(api, id, `Photo from ${name}`);
    ids.push(id);
  }
  // A resolved conversation is not in Mine: the device does not keep its files.
  const { conversationId: resolvedId } = await customerWrites(api, { name: 'Old Case', text: 'Last year’s broken valve' });
  expect((await api.update('conversations', resolvedId, { assignee: rui.id, team: teamId, status: 'resolved' })).status).toBe(200);
  await customerPhoto(api, resolvedId, 'Photo of the old valve');

  await signInAs(page, rui);
  await waitForServiceWorker(page);
  await expect.poll(() => keptFiles(page), { timeout: 30_000 }).toHaveLength(3);
  await expect(page.getByRole('status', { name: 'Offline copy' })).toHaveText('Up to date');
  // Read once online: its messages are on the device, its photo only on the server.
  await page.goto(`/conversations/${resolvedId}`);
  await expectPhotoShown(page, 'Photo of the old valve');

  await context.setOffline(true);
  await page.goto('/');
  await expect(page.getByRole('status', { name: 'Offline copy' })).toContainText(/^Offline — last synced \d/);
  for (const [index, name] of customers.entries()) {
    await page.getByRole('tab', { name: /Mine/ }).click();
    await page.getByRole('link', { name: new RegExp(name) }).click();
    await expect(page).toHaveURL(new RegExp(ids[index]!));
    await expect(page.getByRole('list', { name: 'Messages' }).getByText(`${name} needs a part`)).toBeVisible();
    await expectPhotoShown(page, `Photo from ${name}`);
    await page.getByRole('link', { name: 'Back to queue' }).click();
  }

  // Settings says what the device keeps, and clears it.
  await page.goto('/settings');
  const section = page.getByRole('region', { name: 'Offline copy' });
  await expect(section.getByRole('status').first()).toContainText('Files: 3');
  await page.goto(`/conversations/${resolvedId}`);
  const thread = page.getByRole('list', { name: 'Messages' });
  await expect(thread.getByText('Last year’s broken valve')).toBeVisible();
  await expect(thread.getByText('Not saved on this device. Connect to the internet to see it.')).toBeVisible();
  await expect(thread.getByRole('img', { name: 'Photo of the old valve' })).toHaveCount(0);

  await page.goto('/settings');
  await section.getByRole('button', { name: 'Clear the offline copy' }).click();
  await expect(section.getByText('The offline copy was cleared. It downloads again at the next sync.')).toBeVisible();
  await expect(section.getByRole('status').first()).toContainText('Files: 0');
  expect(await keptFiles(page)).toEqual([]);
});

test('offline, a voice note kept on the device plays', async ({ page, context, api }) => {
  const { teamId, vic } = await freshTeam(api, { vic: { status: 'online' } });
  const conversationId = await teamConversation(api, teamId, vic.id, 'Vera Voice', 'Listen to the noise the boiler makes');
  // WhatsApp's voice notes are Ogg Opus with `voice: true` on the message; this one lasts three seconds.
  const voice = {
    type: 'audio',
    bytes: oggOpusSilence({ seconds: 3 }),
    mime: 'audio/ogg; codecs=opus',
    filename: 'voice.ogg',
    payload: { voice: true },
  } as const;
  await customerFile(api, conversationId, voice);

  await signInAs(page, vic);
  await waitForServiceWorker(page);
  await expect.poll(() => keptFiles(page), { timeout: 30_000 }).toHaveLength(1);
  await expect(page.getByRole('status', { name: 'Offline copy' })).toHaveText('Up to date');

  await context.setOffline(true);
  await page.goto(`/conversations/${conversationId}`);
  const thread = page.getByRole('list', { name: 'Messages' });
  await expect(thread.getByText('Listen to the noise the boiler makes')).toBeVisible();
  const audio = thread.getByLabel('Voice message');
  await expect(audio).toBeVisible();
  // Chromium decoded the file from the device: it knows its length, and playing moves its clock.
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && a.duration)).toBeCloseTo(3, 1);
  await audio.evaluate((a: HTMLAudioElement) => {
    a.muted = true; // muted media may play without a tap
    return a.play();
  });
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime), { timeout: 15_000 }).toBeGreaterThan(0.2);
  await expect(thread.getByText('Not saved on this device. Connect to the internet to see it.')).toHaveCount(0);
});

/** A one-second WebM recorded from a canvas by the browser itself: a video Chromium decodes, made without ffmpeg. */
async function recordedVideo(probe: Page): Promise<Buffer> {
  const bytes = await probe.evaluate(async () => {
    const canvas = Object.assign(document.createElement('canvas'), { width: 64, height: 48 });
    const context = canvas.getContext('2d')!;
    const recorder = new MediaRecorder(canvas.captureStream(10), { mimeType: 'video/webm;codecs=vp8' });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (event) => chunks.push(event.data);
    let frame = 0;
    const paint = setInterval(() => {
      context.fillStyle = frame++ % 2 ? '#c00' : '#0a0';
      context.fillRect(0, 0, 64, 48);
    }, 50);
    const stopped = new Promise((resolve) => (recorder.onstop = resolve));
    recorder.start();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    recorder.stop();
    await stopped;
    clearInterval(paint);
    return Array.from(new Uint8Array(await new Blob(chunks).arrayBuffer()));
  });
  return Buffer.from(bytes);
}

test('offline, a kept video shows its first frame, and a video not kept or not playable says so', async ({ page, context, api }) => {
  const { teamId, wes } = await freshTeam(api, { wes: { status: 'online' } });
  const probe = await context.newPage();
  await probe.goto('/api/health');
  const webm = await recordedVideo(probe);
  await probe.close();
  // An MP4 header and nothing a decoder can use: 20 KB that only carry the type.
  const broken = Buffer.concat([Buffer.from('000000186674797069736d000000000069736f6d69736f32', 'hex'), Buffer.alloc(20 * 1024 - 24)]);

  const mineId = await teamConversation(api, teamId, wes.id, 'Wanda Video', 'A video of the leak');
  await customerFile(api, mineId, { type: 'video', bytes: webm, mime: 'video/webm', filename: 'leak.webm' });
  await customerFile(api, mineId, { type: 'video', bytes: broken, mime: 'video/mp4', filename: 'broken.mp4' });
  const { conversationId: resolvedId } = await customerWrites(api, { name: 'Old Video', text: 'Last year’s video' });
  expect((await api.update('conversations', resolvedId, { assignee: wes.id, team: teamId, status: 'resolved' })).status).toBe(200);
  await customerFile(api, resolvedId, { type: 'video', bytes: broken, mime: 'video/mp4', filename: 'old.mp4' });

  await signInAs(page, wes);
  await waitForServiceWorker(page);
  await expect.poll(() => keptFiles(page), { timeout: 30_000 }).toHaveLength(2);
  // Read once online: its messages are on the device, its video only on the server.
  await page.goto(`/conversations/${resolvedId}`);
  await expect(page.getByRole('list', { name: 'Messages' }).getByText('Last year’s video')).toBeVisible();

  await context.setOffline(true);
  await page.goto(`/conversations/${mineId}`);
  const thread = page.getByRole('list', { name: 'Messages' });
  await expect(thread.getByText('A video of the leak')).toBeVisible();
  // The first frame is decoded from the device's copy and drawn as the poster.
  // The unplayable one is a <video> too until the browser gives up on it (and again whenever the thread re-renders),
  // so the kept video is found as the first, the leak's, which was sent first.
  await expect(thread.getByText('This video (20 KB) cannot be played in the app. Open it to download it.')).toBeVisible();
  const video = thread.getByLabel('Video', { exact: true }).first();
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && v.videoWidth)).toBe(64);

  await page.goto(`/conversations/${resolvedId}`);
  await expect(thread.getByText('This video (20 KB) is not saved on this device. Connect to the internet to watch it.')).toBeVisible();
  await expect(thread.locator('video')).toHaveCount(0);
});
