import type { Page } from '@playwright/test';
import { startSimulator, type Simulator } from '../../src/simulator/server';
import { TEST_APP_SECRET, TEST_VERIFY_TOKEN } from '../support/pocketbase';
import { CHANNEL_PNID } from '../support/seed';
import { spawnWorker, type WorkerProcess } from '../support/worker-process';
import { createAgent, PASSWORD } from '../support/seed';
import { assign, setLastInbound, storedMessage } from './customers';
import { expect, signInAs, syncStatus, test } from './fixtures';

// The simulator's phone page is the customer's side of the demo: it must draw what WhatsApp draws and answer the
// way WhatsApp answers, on a 360 px phone.
const ACCESS_TOKEN = 'e2e_access_token';
let sim: Simulator;
let worker: WorkerProcess;

test.beforeAll(async ({ env }) => {
  sim = await startSimulator({
    webhookUrl: `${env.url}/api/whatsapp/webhook`,
    appSecret: TEST_APP_SECRET,
    accessToken: ACCESS_TOKEN,
    verifyToken: TEST_VERIFY_TOKEN,
    timeScale: 0.001,
    channels: [{ phoneNumberId: CHANNEL_PNID, displayPhoneNumber: '15550783881', wabaId: 'WABA' }],
    scriptedCustomers: false,
    seed: 13,
  });
  worker = spawnWorker(env.url, { WHATSAPP_GRAPH_URL: sim.url, WHATSAPP_ACCESS_TOKEN: ACCESS_TOKEN, WORKER_SWEEP_MS: '200' });
});
test.afterAll(async () => {
  await worker?.kill();
  await sim?.close();
});

async function noSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, body: document.body.scrollWidth, viewport: window.innerWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.viewport);
  expect(widths.body).toBeLessThanOrEqual(widths.viewport);
}

test('draws the satisfaction survey as a list at 360 px, and the row the customer taps reaches the desk as the rating', async ({ page, env, api }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  const from = `3468${String(Date.now() % 1_000_000).padStart(6, '0')}`;
  const { id: wamid } = await sim.injectInbound({ from, name: 'Rita Rater', type: 'text', text: 'My order arrived, thanks!', wait: true });
  const message = await storedMessage(api, wamid);
  const conversationId = message.conversation as string;
  await assign(api, conversationId, env.agent.id);
  expect((await api.update('conversations', conversationId, { status: 'resolved' })).status).toBe(200);

  await page.goto(`${sim.url}/?lang=en`);
  await page.getByLabel('Customer', { exact: true }).selectOption({ label: `Rita Rater · +${from}` });
  await expect(page.getByText('How would you rate the help you got today?')).toBeVisible({ timeout: 20_000 });
  await noSidewaysScroll(page);

  await page.getByRole('button', { name: '☰ Rate' }).click();
  const sheet = page.getByRole('dialog');
  await expect(sheet.getByRole('radio')).toHaveCount(5);
  await sheet.getByText('4 – Good').click();
  await sheet.getByRole('button', { name: 'Send' }).click();
  await expect(page.locator('.msg.customer').getByText('4 – Good')).toBeVisible();
  await noSidewaysScroll(page);

  await expect.poll(async () => (await api.view('conversations', conversationId)).body.csat_rating, { timeout: 20_000 }).toBe(4);
  expect((await api.view('conversations', conversationId)).body.status).toBe('resolved');
});

test('speaks Spanish, draws a template with its text, and never turns a typed customer into someone else', async ({ page, api, env }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  const from = `3467${String(Date.now() % 1_000_000).padStart(6, '0')}`;
  const { id: wamid } = await sim.injectInbound({ from, name: 'Tomás Plantilla', type: 'text', text: '¿Dónde está mi pedido?', wait: true });
  const message = await storedMessage(api, wamid);
  await assign(api, message.conversation, env.agent.id);
  // A template straight to Graph, the way the worker sends one.
  const sent = await fetch(`${sim.url}/v25.0/${CHANNEL_PNID}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ACCESS_TOKEN}` },
    body: JSON.stringify({
      messaging_product: 'whatsapp',
      to: from,
      type: 'template',
      template: { name: 'seguimiento_pedido', language: { code: 'es' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'A-77' }] }] },
    }),
  });
  expect(sent.status).toBe(200);

  await page.goto(`${sim.url}/?lang=es`);
  await expect(page.getByRole('button', { name: 'Enviar', exact: true })).toBeVisible();
  await page.getByLabel('Cliente', { exact: true }).selectOption({ label: `Tomás Plantilla · +${from}` });
  await expect(page.getByText('Tu pedido A-77 está en camino.')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('[template')).toHaveCount(0);
  await noSidewaysScroll(page);

  // The same number typed as a new customer with another name is refused with a sentence, not renamed.
  await page.getByLabel('Cliente', { exact: true }).selectOption({ label: '+ Cliente nuevo…' });
  await page.getByLabel('Nombre del cliente').fill('Otra Persona');
  await page.getByLabel('Teléfono del cliente (solo dígitos)').fill(from);
  await page.getByRole('button', { name: 'Usar', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(`+${from} ya es Tomás Plantilla en este simulador. Elígelo en la lista o escribe otro número.`);
  await noSidewaysScroll(page);
  expect(sim.customers().find((c) => c.waId === from)?.name).toBe('Tomás Plantilla');
});

test('a manager who resolves outside the 24-hour window without a survey template is told no survey will be sent', async ({ page, api, env, undo }) => {
  const lead = await createAgent(api, { name: `Survey Lead ${Date.now() % 100_000}`, role: 'manager', teams: [env.teamId] });
  // An online manager of the shop's team is given new customers too: out of the team once this test is done.
  undo(async () => expect((await api.update('agents', lead.id, { teams: [], status: 'offline' })).status).toBe(200));
  const from = `3466${String(Date.now() % 1_000_000).padStart(6, '0')}`;
  const { id: wamid } = await sim.injectInbound({ from, name: 'Olga Outside', type: 'text', text: 'Thanks, all sorted', wait: true });
  const message = await storedMessage(api, wamid);
  const conversationId = message.conversation as string;
  await assign(api, conversationId, env.agent.id);
  await setLastInbound(api, conversationId, new Date(Date.now() - 30 * 3600_000));

  await signInAs(page, { email: lead.email, password: PASSWORD });
  await page.goto(`/conversations/${conversationId}`);
  // The dialog is decided from the device's copy (channel, templates): a manager's first sync of a busy shared desk
  // holds the device database for seconds on a loaded machine, and the dialog waits for it.
  await expect(syncStatus(page)).toContainText('Synced', { timeout: 30_000 });
  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('button', { name: 'Resolve', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Resolve without a survey?' });
  await expect(dialog).toContainText('24-hour reply window has closed and there is no approved survey template “csat_request”');
  // Cancel leaves it open; confirming resolves it, and nothing is sent to the customer's phone.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('conversation-status')).toHaveText('Open');
  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('button', { name: 'Resolve', exact: true }).click();
  await dialog.getByRole('button', { name: 'Resolve without a survey' }).click();
  await expect.poll(async () => (await api.view('conversations', conversationId)).body.status, { timeout: 20_000 }).toBe('resolved');
  expect(await api.list('messages', `conversation = "${conversationId}" && sender = "bot" && payload.purpose = "csat"`)).toEqual([]);
});
