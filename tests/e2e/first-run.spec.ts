import { startSimulator, type Simulator } from '../../src/simulator/server';
import { Api } from '../support/api';
import { freePort, startPocketBase, TEST_APP_SECRET, TEST_VERIFY_TOKEN, type RunningPocketBase } from '../support/pocketbase';
import { createAgent, PASSWORD } from '../support/seed';
import { spawnWorker, type WorkerProcess } from '../support/worker-process';
import { expect, signInAs, test } from './fixtures';

// A fresh data dir (no channel), the whole way from an empty desk to an agent's first conversation: the first admin
// sets the desk up on a phone (the simulator playing the Graph API's token check and Meta's verification
// handshake), invites an agent, the agent signs in on their own phone, a customer writes, and the conversation
// reaches the agent's queue. Its own PocketBase, simulator and delivery worker, pointed at each other.

const PNID = '106540352288001';
const VALID_TOKEN = 'EAAG-first-run-valid-token';
let sim: Simulator;
let pb: RunningPocketBase;
let worker: WorkerProcess;
let admin: { email: string; password: string };

test.beforeAll(async () => {
  // Each must know the other's address: the simulator's port is chosen first.
  const simPort = await freePort();
  pb = await startPocketBase({ WHATSAPP_GRAPH_URL: `http://127.0.0.1:${simPort}` });
  sim = await startSimulator({
    port: simPort,
    webhookUrl: `${pb.url}/api/whatsapp/webhook`,
    appSecret: TEST_APP_SECRET,
    accessToken: VALID_TOKEN,
    verifyToken: TEST_VERIFY_TOKEN,
    timeScale: 0.001,
    channels: [{ phoneNumberId: PNID, displayPhoneNumber: '15550198001', wabaId: '102290129348001' }],
    scriptedCustomers: false,
    seed: 21,
  });
  const root = new Api(pb.url, pb.superuserToken);
  // Off shift: the customer's conversation must go to the agent she invites.
  const owner = await createAgent(root, { name: 'Olga Owner', role: 'admin', teams: [], status: 'offline', max_open: 10 });
  admin = { email: owner.email, password: PASSWORD };
  // Sends with the channel's own token (sealed by PocketBase, opened by the worker with the same key).
  worker = spawnWorker(pb.url, { WHATSAPP_GRAPH_URL: sim.url, WORKER_SWEEP_MS: '300' });
});
test.afterAll(async () => {
  await worker?.kill();
  await sim?.close();
  await pb?.stop();
});

test('from a fresh desk to an agent’s first conversation: setup on a phone, an invited agent signs in and gets the customer', async ({ page, browser }) => {
  test.setTimeout(180_000);
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
  await expect(page.getByText('Give the business a name.')).toBeVisible();
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
  // The business name heads the app.
  await expect(page.getByRole('heading', { level: 1, name: 'Corner Shop' })).toBeVisible();

  await page.goto(`${pb.url}/admin/channels`);
  await expect(page.getByRole('link', { name: /Corner Shop/ })).toBeVisible();
  const root = new Api(pb.url, pb.superuserToken);
  const [channel] = await root.list('channels');
  expect(channel).toMatchObject({ name: 'Corner Shop', phone_number_id: PNID, timezone: 'Europe/Madrid', access_token_set: true, disabled: false });
  expect(channel.access_token).toBeUndefined();
  expect((await root.list('desk_settings'))[0]).toMatchObject({ business_name: 'Corner Shop', timezone: 'Europe/Madrid' });

  // The admin invites an agent; the temporary password is shown once.
  await page.goto(`${pb.url}/admin/teams`);
  await page.getByRole('link', { name: 'Invite a colleague' }).click();
  const form = page.getByRole('form', { name: 'New colleague' });
  await form.getByLabel('Name').fill('Ada Agent');
  await form.getByLabel('Email').fill('ada@corner.test');
  await form.getByRole('button', { name: 'Create account' }).click();
  const done = page.getByRole('region', { name: 'Ada Agent can sign in now' });
  const password = (await done.getByRole('status', { name: 'Temporary password' }).textContent())!.trim();
  expect(password).toMatch(/^[A-Za-z0-9]{16}$/);

  // The agent, on their own phone, signs in with it and goes on shift.
  const phone = await browser.newContext({ baseURL: pb.url, viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, locale: 'en-US' });
  try {
    const agentPage = await phone.newPage();
    await signInAs(agentPage, { email: 'ada@corner.test', password });
    await expect(agentPage.getByRole('heading', { level: 1, name: 'Corner Shop' })).toBeVisible();
    await agentPage.getByRole('button', { name: 'Menu' }).click();
    await agentPage.getByRole('radiogroup', { name: 'Shift status' }).getByRole('radio', { name: 'Online' }).click();
    const [ada] = await root.list('agents', 'email = "ada@corner.test"');
    await expect.poll(async () => (await root.view('agents', ada.id)).body.status).toBe('online');
    await agentPage.keyboard.press('Escape');

    // A customer writes to the new number: the conversation reaches the agent's queue, and the customer's phone gets
    // the greeting in the business's name.
    await sim.injectInbound({ from: '34611222333', name: 'Kwame Mensah', type: 'text', text: 'Hello, is my order ready?', wait: true });
    await expect(agentPage.getByRole('tab', { name: /Mine/ })).toHaveAttribute('aria-selected', 'true');
    await expect(agentPage.getByRole('link', { name: /Kwame Mensah/ })).toBeVisible({ timeout: 30_000 });
    await expect
      .poll(
        () =>
          sim
            .sentMessages()
            .filter((m) => m.waId === '34611222333' || m.input === '34611222333')
            .map((m) => m.preview),
        { timeout: 30_000 },
      )
      .toContainEqual(expect.stringContaining('Thanks for writing to Corner Shop.'));

    // Admin settings → Your business: a refused name changes nothing; a new name heads every phone's app, and a new
    // desk time zone is what the next new number starts in.
    await page.goto(`${pb.url}/`);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Admin settings' }).click();
    await page.getByRole('link', { name: /^Your business/ }).click();
    const business = page.getByRole('form', { name: 'Your business' });
    await expect(business.getByLabel('Business name')).toHaveValue('Corner Shop');
    await business.getByLabel('Business name').fill('  ');
    await business.getByRole('button', { name: 'Save' }).click();
    await expect(business.getByText('Give the business a name.')).toBeVisible();
    await business.getByLabel('Business name').fill('Corner Shop Madrid');
    await business.getByLabel('Time zone').selectOption('Atlantic/Canary');
    await business.getByRole('button', { name: 'Save' }).click();
    await expect(business.getByText('Saved.')).toBeVisible();
    expect((await root.list('desk_settings'))[0]).toMatchObject({ business_name: 'Corner Shop Madrid', timezone: 'Atlantic/Canary' });
    await agentPage.reload();
    await expect(agentPage.getByRole('heading', { level: 1, name: 'Corner Shop Madrid' })).toBeVisible();
    await page.goto(`${pb.url}/admin/channels?new=1`);
    await expect(page.getByLabel('Time zone')).toHaveValue('Atlantic/Canary');
  } finally {
    await phone.close();
  }
});
