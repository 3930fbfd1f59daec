import type { Page } from '@playwright/test';
import type { Api } from '../support/api';
import { expect, signIn, signInAs, test } from './fixtures';
import { freshTeam } from './workspace';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** A channel of its own per test, so changing its hours never closes the seeded one other tests write to. */
async function freshChannel(api: Api): Promise<{ id: string; name: string }> {
  const tag = `${Date.now()}`.slice(-9);
  const name = `Kiosk ${tag}`;
  const response = await api.create('channels', {
    name,
    phone_number_id: `77${tag}`,
    display_phone_number: `1555${tag}`,
    timezone: 'UTC',
    waba_id: '102290129340398',
  });
  if (response.status !== 200) throw new Error(`channel: ${JSON.stringify(response.body)}`);
  return { id: response.body.id, name };
}

async function openChannels(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('link', { name: 'Channels' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Channels' })).toBeVisible();
}

const isoDate = (at: number) => new Date(at).toISOString().slice(0, 10);

test('an agent sees that the seeded channel answers around the clock', async ({ page, env }) => {
  await signIn(page, env);
  await openChannels(page);
  const shop = page.getByRole('article', { name: 'Shop' });
  await expect(shop.getByTestId('channel-opening')).toHaveText('Open around the clock');
  await expect(shop).toContainText('+15550783881');
  await expect(page.getByRole('button', { name: 'Edit hours' })).toHaveCount(0);
});

test('an admin closes a channel for a holiday and the screen shows it closed', async ({ page, api }) => {
  const { ad } = await freshTeam(api, { ad: { role: 'admin', status: 'online' } });
  const channel = await freshChannel(api);
  await signInAs(page, ad);
  await openChannels(page);
  const card = page.getByRole('article', { name: channel.name });
  await expect(card.getByTestId('channel-opening')).toHaveText('Open around the clock');

  await card.getByRole('button', { name: 'Edit hours' }).click();
  const form = card.getByRole('form', { name: `Business hours of ${channel.name}` });
  for (const day of DAYS) {
    if ((await form.getByLabel(`${day} interval 1 opens`).count()) === 0) await form.getByRole('button', { name: `Add interval on ${day}` }).click();
    await form.getByLabel(`${day} interval 1 opens`).fill('00:00');
    await form.getByLabel(`${day} interval 1 closes`).fill('24:00');
  }
  // Today and tomorrow (UTC), so a save that straddles midnight still lands in a closed day.
  const now = Date.now();
  for (const [i, date] of [isoDate(now), isoDate(now + 86_400_000)].entries()) {
    await form.getByRole('button', { name: 'Add holiday' }).click();
    await form.getByLabel(`Holiday ${i + 1}`, { exact: true }).fill(date);
  }
  await form.getByRole('button', { name: 'Save hours' }).click();

  await expect(form).toHaveCount(0);
  await expect(card.getByRole('status')).toHaveText('Hours saved.');
  await expect(card.getByTestId('channel-opening')).toContainText(/^Closed · opens \w+ at 00:00/);
  await expect(card.getByTestId('channel-opening')).toContainText('Times in UTC');
  const saved = (await api.view('channels', channel.id)).body;
  expect(saved.business_hours.holidays.map((h: { date: string }) => h.date)).toEqual([isoDate(now), isoDate(now + 86_400_000)]);
  expect(saved.business_hours.weekly.sun).toEqual([{ start: '00:00', end: '24:00' }]);
});

test('a bad interval shows a field error and nothing is saved', async ({ page, api }) => {
  const { ad } = await freshTeam(api, { ad: { role: 'admin', status: 'online' } });
  const channel = await freshChannel(api);
  const patches: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PATCH' && request.url().includes(`/channels/records/${channel.id}`)) patches.push(request.url());
  });
  await signInAs(page, ad);
  await openChannels(page);
  const card = page.getByRole('article', { name: channel.name });
  await card.getByRole('button', { name: 'Edit hours' }).click();
  const form = card.getByRole('form', { name: `Business hours of ${channel.name}` });

  const opens = form.getByLabel('Monday interval 1 opens');
  const closes = form.getByLabel('Monday interval 1 closes');
  await opens.fill('10:00');
  await closes.fill('10:00');
  await form.getByRole('button', { name: 'Save hours' }).click();

  await expect(form.getByRole('alert')).toHaveText('Fix the highlighted fields; nothing was saved.');
  await expect(closes).toHaveAttribute('aria-invalid', 'true');
  await expect(closes).toHaveAccessibleDescription('Opening and closing must differ.');
  await expect(card.getByTestId('channel-opening')).toHaveText('Open around the clock');
  expect(patches).toEqual([]);
  expect((await api.view('channels', channel.id)).body.business_hours).toBeNull();
});

test("the server's field errors show beside the fields they name", async ({ page, api }) => {
  const { ad } = await freshTeam(api, { ad: { role: 'admin', status: 'online' } });
  const channel = await freshChannel(api);
  // A refusal only the server can give (its tz database, another admin's change): answered here in its exact shape.
  await page.route(`**/api/collections/channels/records/${channel.id}`, (route) =>
    route.request().method() === 'PATCH'
      ? route.fulfill({
          status: 400,
          contentType: 'application/json',
          body: JSON.stringify({
            status: 400,
            message: 'The channel settings are invalid.',
            reason: 'invalid-settings',
            data: {
              'business_hours.weekly.mon.0.start': { code: 'overlapping-intervals', message: 'Intervals on the same day must not overlap.' },
              timezone: { code: 'unknown-timezone', message: '"UTC" is not an IANA time zone.' },
            },
          }),
        })
      : route.fallback(),
  );
  await signInAs(page, ad);
  await openChannels(page);
  const card = page.getByRole('article', { name: channel.name });
  await card.getByRole('button', { name: 'Edit hours' }).click();
  const form = card.getByRole('form', { name: `Business hours of ${channel.name}` });
  await form.getByRole('button', { name: 'Save hours' }).click();

  await expect(form.getByRole('alert')).toHaveText('Fix the highlighted fields; nothing was saved.');
  await expect(form.getByLabel('Monday interval 1 opens')).toHaveAccessibleDescription('Overlaps another interval that day.');
  await expect(form.getByLabel('Time zone')).toHaveAccessibleDescription('Not a known time zone (e.g. Europe/Madrid).');
  await expect(card.getByTestId('channel-opening')).toHaveText('Open around the clock');
});
