// Issue #19: an admin reads a number's history import and health line, on a phone, in English and Spanish. The
// history and Meta's error arrive the way Meta sends them: signed webhooks.
import { expect, signInAs, test } from './fixtures';
import { adminChannel } from './admin';
import { storedMessage } from './customers';
import { freshTeam } from './workspace';
import { postWebhook } from '../support/webhook-client';

test('an admin sees an imported history and a Meta error on the number’s history and health screen, in English and Spanish', async ({ page, api }) => {
  const { ad } = await freshTeam(api, { ad: { role: 'admin', status: 'online' } });
  const channel = await adminChannel(api);
  const pnid = (await api.view('channels', channel.id)).body.phone_number_id as string;
  const change = (field: string, value: Record<string, unknown>) =>
    JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: 'WABA',
          changes: [{ field, value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550001234', phone_number_id: pnid }, ...value } }],
        },
      ],
    });
  const tag = Date.now();
  const history = change('history', {
    history: [
      {
        metadata: { phase: 0, chunk_order: 1, progress: 100 },
        threads: [
          {
            id: '34600777001',
            messages: [
              { from: '34600777001', id: `wamid.e2e-hist.${tag}.1`, timestamp: '1760000000', type: 'text', text: { body: 'Is the shop open on Sunday?' } },
              { from: '15550001234', id: `wamid.e2e-hist.${tag}.2`, timestamp: '1760000100', type: 'text', text: { body: 'Yes, 10 to 14.' } },
            ],
          },
        ],
      },
    ],
  });
  const metaError = change('messages', {
    errors: [{ code: 130429, title: 'Rate limit hit', message: 'Rate limit hit', error_data: { details: 'Too many messages' } }],
  });
  expect((await postWebhook(api.url, history)).status).toBe(200);
  expect((await postWebhook(api.url, metaError)).status).toBe(200);
  // The screen reads the number's health once: both deliveries are applied first (acknowledged is only stored).
  await storedMessage(api, `wamid.e2e-hist.${tag}.2`);
  await expect.poll(async () => JSON.stringify((await api.view('channels', channel.id)).body.health), { timeout: 90_000 }).toContain('130429');

  await signInAs(page, ad);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('link', { name: 'Admin settings' }).click();
  await page.getByRole('link', { name: /^History and health/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'History and health' })).toBeVisible();
  const card = page.getByRole('region', { name: `History and health of ${channel.name}` });
  await expect(card.getByText('All past chats Meta shared have been imported.')).toBeVisible();
  await expect(card.getByText('2 past messages imported.')).toBeVisible();
  await expect(card.getByText(/^Last day before connecting: 1 part received/)).toBeVisible();
  await expect(card.getByText(/Too many messages were sent from this number in a short time; Meta slowed it down\./)).toBeVisible();
  await expect(card.getByText('Meta: Rate limit hit (code 130429).')).toBeVisible();
  await expect(card.getByText(/^Meta last delivered a webhook for this number/)).toBeVisible();
  await expect(card.getByTestId('token-state')).toHaveText(/No access token is saved/);
  // Nothing fits wider than the phone; on a tablet the numbers sit side by side.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1024, height: 768 });
  const cards = page.getByRole('region', { name: /^History and health of / });
  await expect(cards.nth(1)).toBeVisible();
  const [first, second] = [await cards.nth(0).boundingBox(), await cards.nth(1).boundingBox()];
  expect(second!.y).toBe(first!.y);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
  await page.setViewportSize({ width: 360, height: 640 });

  // From the channel screen too, in Spanish.
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByLabel('Language').selectOption('es');
  await page.goto(`/admin/channels?channel=${channel.id}&section=health`);
  const tab = page.getByRole('region', { name: 'Historial y estado' });
  await expect(tab.getByText('Se han importado todos los chats antiguos que Meta compartió.')).toBeVisible();
  await expect(tab.getByText('2 mensajes antiguos importados.')).toBeVisible();
  await expect(tab.getByText(/Se enviaron demasiados mensajes desde este número en poco tiempo; Meta lo frenó\./)).toBeVisible();
  await expect(tab.getByTestId('token-state')).toHaveText(/No hay token de acceso guardado/);
});

test('a number with nothing yet says so in sentences', async ({ page, api }) => {
  const { ad } = await freshTeam(api, { ad: { role: 'admin', status: 'online' } });
  const channel = await adminChannel(api);
  await signInAs(page, ad);
  await page.goto(`/admin/channels?channel=${channel.id}&section=health`);
  const tab = page.getByRole('region', { name: 'History and health' });
  await expect(tab.getByText(/^No history has arrived for this number\./)).toBeVisible();
  await expect(tab.getByText(/^Meta has not delivered any webhook for this number yet\./)).toBeVisible();
  await expect(tab.getByText('Meta has reported no errors for this number.')).toBeVisible();
  await expect(tab.getByText('Every message sent from this number was accepted.')).toBeVisible();
});
