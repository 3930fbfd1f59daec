import { startSimulator, type Simulator } from '../../src/simulator/server';
import { Api } from '../support/api';
import { startPocketBase, TEST_APP_SECRET, TEST_VERIFY_TOKEN, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, PASSWORD } from '../support/seed';
import { expect, test } from './fixtures';

// "Get templates from Meta" on a phone: its own PocketBase pointed at its own simulator, whose account has a paused
// and a rejected template besides the approved ones.

const PNID = '106540352288002';
const WABA = '102290129348002';
const VALID_TOKEN = 'EAAG-template-pull-token';
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
    channels: [{ phoneNumberId: PNID, displayPhoneNumber: '15550198002', wabaId: WABA }],
    scriptedCustomers: false,
    seed: 22,
  });
  sim.setKnobs({ template_page_size: 4 });
  pb = await startPocketBase({ WHATSAPP_GRAPH_URL: sim.url });
  const root = new Api(pb.url, pb.superuserToken);
  const owner = await createAgent(root, { name: 'Tina Templates', role: 'admin', teams: [], status: 'online', max_open: 10 });
  admin = { email: owner.email, password: PASSWORD };
  const signedIn = await root.as(owner.email, PASSWORD);
  const created = await signedIn.create('channels', { name: 'Corner Shop', timezone: 'UTC', phone_number_id: PNID, waba_id: WABA, access_token: VALID_TOKEN });
  if (created.status !== 200) throw new Error(JSON.stringify(created.body));
});
test.afterAll(async () => {
  await sim?.close();
  await pb?.stop();
});

test('an admin gets the templates from Meta and reads why the paused and rejected ones cannot be sent', async ({ page }) => {
  await page.goto(`${pb.url}/sign-in`);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in$/);
  await page.goto(`${pb.url}/admin/templates`);

  await page.getByRole('button', { name: 'Get templates from Meta' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Meta has 9 template(s)' })).toBeVisible();
  await expect(page.getByRole('link', { name: /spring_sale/ })).toContainText('Paused by Meta');
  await expect(page.getByRole('link', { name: /win_a_prize/ })).toContainText('it reads as promotional');
  await expect(page.getByRole('link', { name: /order_shipped/ })).toContainText('Approved');
  await expect(page.getByRole('link', { name: /order_shipped/ })).not.toContainText('Meta');
});

test('an admin marks the number as a Coexistence number and picks who answers from the phone', async ({ page }) => {
  const root = new Api(pb.url, pb.superuserToken);
  const [channel] = await root.list('channels', `phone_number_id = "${PNID}"`);
  await page.goto(`${pb.url}/sign-in`);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in$/);
  await page.goto(`${pb.url}/admin/channels?channel=${channel.id}&section=connection`);

  const form = page.getByRole('form', { name: 'Corner Shop' });
  await form.getByLabel('Also used in the WhatsApp Business app (Coexistence)').check();
  await form.getByLabel('Who answers from the phone').selectOption({ label: 'Tina Templates' });
  await form.getByRole('button', { name: 'Save the number' }).click();
  await expect(form.getByText('The number is saved.')).toBeVisible();
  const saved = (await root.view('channels', channel.id)).body;
  const [owner] = await root.list('agents', `name = "Tina Templates"`);
  expect(saved).toMatchObject({ coexistence: true, coexistence_agent: owner.id });

  await page.reload();
  await expect(page.getByRole('form', { name: 'Corner Shop' }).getByLabel('Who answers from the phone')).toHaveValue(owner.id);
});
