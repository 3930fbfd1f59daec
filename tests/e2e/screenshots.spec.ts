// The README's screenshots (docs/screenshots/): phone queue, conversation with the keyboard open, tablet two panes,
// in light and dark. Run on purpose only, alone (other specs' customers would show in the queue):
// POCKETDESK_SCREENSHOTS=1 npx playwright test tests/e2e/screenshots.spec.ts
import type { Page } from '@playwright/test';
import type { Api } from '../support/api';
import { postWebhook, textWebhook } from '../support/webhook-client';
import { assign, storedMessage } from './customers';
import { expect, signIn, test } from './fixtures';

test.skip(!process.env.POCKETDESK_SCREENSHOTS, 'writes docs/screenshots/: run on purpose with POCKETDESK_SCREENSHOTS=1');
test.use({ deviceScaleFactor: 1 });

const SHOTS = 'docs/screenshots';
let counter = 0;

/** A customer's messages, `minutesAgo` apart as a person types them; returns their conversation. */
async function customerWrites(api: Api, name: string, from: string, lines: [minutesAgo: number, text: string][]): Promise<string> {
  let wamid = '';
  for (const [minutesAgo, text] of lines) {
    wamid = `wamid.shot.${++counter}.${Date.now()}`;
    const timestamp = Math.floor(Date.now() / 1000) - minutesAgo * 60;
    const response = await postWebhook(api.url, JSON.stringify(textWebhook({ from, wamid, text, name, timestamp })));
    if (response.status !== 200) throw new Error(`webhook: ${response.status} ${response.text}`);
  }
  return (await storedMessage(api, wamid)).conversation;
}

/**
 * The desk's greeting went out right after the customer's first message (the webhooks above arrive all at once,
 * dated in the past) and shows as read on the customer's phone.
 */
async function markRead(api: Api, conversationId: string, firstMinutesAgo: number): Promise<void> {
  const at = new Date(Date.now() - firstMinutesAgo * 60_000 + 20_000).toISOString().replace('T', ' ');
  for (const message of await api.list('messages', `conversation = "${conversationId}" && direction = "out"`)) {
    await api.update('messages', message.id, { status: 'read', timestamp: at });
  }
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
}

test('screenshots for the README', async ({ page, env, api }) => {
  const labels = await api.list('labels', '');
  const urgent = labels.find((label) => label.name === 'urgent');
  const billing = labels.find((label) => label.name === 'billing');
  if (urgent) await api.update('labels', urgent.id, { color: '#d9480f' });
  if (billing) await api.update('labels', billing.id, { color: '#2f6fde' });

  const marta = await customerWrites(api, 'Marta Quiroga', '5491155501234', [
    [14, 'Hi, the pump at the north site stopped'],
    [13, 'It made a loud noise first'],
    [11, 'Model PX-200, bought in May'],
    [2, 'Can someone come today?'],
  ]);
  await assign(api, marta, env.agent.id);
  const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString().replace('T', ' ');
  await api.update('conversations', marta, { labels: urgent ? [urgent.id] : [], sla_due_at: inMinutes(12) });
  await markRead(api, marta, 14);
  for (const [name, from, minutesAgo, text, label] of [
    ['Jonas Berg', '4915155501234', 25, 'Is the gate code still 4411?', null],
    ['Priya Shah', '447700900123', 48, 'Thanks, all fixed!', null],
    ['Luis Ortega', '5215555012345', 6, 'When does the technician arrive?', billing?.id],
  ] as const) {
    const id = await customerWrites(api, name, from, [[minutesAgo, text]]);
    await assign(api, id, env.agent.id);
    // Answered already: no first-response clock left on these rows.
    await api.update('conversations', id, { labels: label ? [label] : [], sla_due_at: '' });
    await markRead(api, id, minutesAgo);
  }
  // One customer nobody has taken yet, for the Unassigned tab's count.
  const waiting = await customerWrites(api, 'Chen Wei', '8613800138000', [[1, 'Do you service boilers too?']]);
  await api.update('conversations', waiting, { assignee: '', team: env.teamId, sla_due_at: inMinutes(55) });

  await signIn(page, env);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 360, height: 640 });
    await page.goto('/');
    await expect(page.getByRole('link', { name: /Marta Quiroga/ })).toBeVisible();
    await settle(page);
    await page.screenshot({ path: `${SHOTS}/phone-queue-${scheme}.png` });

    // The keyboard takes the lower half of a 360×640 phone: what is left is 360×340.
    await page.goto(`/conversations/${marta}`);
    await expect(page.getByText('Can someone come today?')).toBeVisible();
    await page.setViewportSize({ width: 360, height: 340 });
    await page.getByLabel('Message to the customer').fill('On my way, there in 40 minutes.');
    await expect(page.getByText('Can someone come today?')).toBeInViewport({ ratio: 1 });
    await settle(page);
    await page.screenshot({ path: `${SHOTS}/phone-conversation-keyboard-${scheme}.png` });

    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByLabel('Message to the customer').fill('');
    await expect(page.getByRole('link', { name: /Jonas Berg/ })).toBeVisible();
    await settle(page);
    await page.screenshot({ path: `${SHOTS}/tablet-two-panes-${scheme}.png` });
  }
});
