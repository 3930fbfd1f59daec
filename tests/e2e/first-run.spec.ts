import { startSimulator, type Simulator } from '../../src/simulator/server';
import { Api } from '../support/api';
import { startPocketBase, TEST_APP_SECRET, TEST_VERIFY_TOKEN, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, PASSWORD } from '../support/seed';
import { expect, test } from './fixtures';

// A fresh data dir (no channel): the first admin is led through setup on a phone, the simulator playing the Graph
// API's token check and Meta's verification handshake. Its own PocketBase, pointed at its own simulator.

const PNID = '106540352288001';
const VALID_TOKEN = 'EAAG-first-run-valid-token';
let sim: Simulator;
let pb: RunningPocketBase;
let admin: { email: string; password: string };

test.beforeAll(async () => {
  sim = await startSimulator({
    webhookUrl: 'http://127.0.0.1:9/api/whatsapp/webhook',
    appSecret: TEST_APP_SECRET,
    accessToken: VALID_TOKEN,
    verifyToken: TEST_VERIFY_TOKEN,
    timeScale: 0.001,
    channels: [{ phoneNumberId: PNID, displayPhoneNumber: '15550198001', wabaId: '102290129348001' }],
    scriptedCustomers: false,
    seed: 21,
  });
  pb = await startPocketBase({ WHATSAPP_GRAPH_URL: sim.url });
  const root = new Api(pb.url, pb.superuserToken);
  const owner = await createAgent(root, { name: 'Olga Owner', role: 'admin', teams: [], status: 'online', max_open: 10 });
  admin = { email: owner.email, password: PASSWORD };
});
test.afterAll(async () => {
  await sim?.close();
  await pb?.stop();
});

test('the first admin sets the desk up on a phone: number, connection check, Meta’s verification, and the channel appears', async ({ page }) => {
  await page.goto(`${pb.url}/`);
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // No channel yet: the app takes the admin to the setup.
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { name: 'Your business and WhatsApp number' })).toBeVisible();

  // Refused on the device with the server's schema: each problem beside its field, nothing sent.
  await page.getByLabel('Phone number ID').fill('12-34');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Give the number a name.')).toBeVisible();
  await expect(page.getByText('The phone number ID is a long number, digits only.')).toBeVisible();
  await expect(page.getByText('Paste the access token from Meta.')).toBeVisible();

  await page.getByLabel('Business name').fill('Corner Shop');
  await page.getByLabel('Time zone').selectOption('Europe/Madrid');
  await page.getByLabel('Phone number ID').fill(PNID);
  await page.getByLabel('WhatsApp Business Account ID').fill('102290129348001');
  await page.getByLabel('Access token').fill('expired-EAAG-old-token');
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByRole('heading', { name: 'Connect Meta to the desk' })).toBeVisible();
  await page.getByRole('button', { name: 'Check connection' }).click();
  await expect(page.getByText(/The access token has expired\./)).toBeVisible();

  // A new token: back to the number, paste it, check again.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByText('A token is saved. Leave this empty to keep it, or paste a new one to replace it.')).toBeVisible();
  await page.getByLabel('Access token').fill(VALID_TOKEN);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Check connection' }).click();
  await expect(page.getByText('Connected. Meta knows this number as Pocketdesk Simulator (15550198001).')).toBeVisible();

  // Meta's handshake, played by the simulator with the token shown on screen: the waiting line turns green.
  await expect(page.getByText('Waiting for Meta’s verification…')).toBeVisible();
  await expect(page.getByText(`${pb.url}/api/whatsapp/webhook`)).toBeVisible();
  const verifyToken = (await page.getByTestId('verify-token').textContent())?.trim() ?? '';
  expect(verifyToken).toMatch(/^\S{32}$/);
  expect((await sim.verifyWebhook(verifyToken, `${pb.url}/api/whatsapp/webhook`)).ok).toBe(true);
  await expect(page.getByText(/^Meta verified the webhook/)).toBeVisible({ timeout: 20_000 });

  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Business hours' })).toBeVisible();
  await page.getByRole('button', { name: 'Skip for now' }).click();
  // No teams needed: a one-person shop finishes here.
  await expect(page.getByRole('link', { name: 'Invite agents on the Teams and agents screen' })).toBeVisible();
  await page.getByRole('button', { name: 'Finish setup' }).click();
  await expect(page).toHaveURL(new RegExp(`^${pb.url}/$`));

  await page.goto(`${pb.url}/admin/channels`);
  await expect(page.getByRole('link', { name: /Corner Shop/ })).toBeVisible();
  const root = new Api(pb.url, pb.superuserToken);
  const [channel] = await root.list('channels');
  expect(channel).toMatchObject({ name: 'Corner Shop', phone_number_id: PNID, timezone: 'Europe/Madrid', access_token_set: true, disabled: false });
  expect(channel.access_token).toBeUndefined();
});
