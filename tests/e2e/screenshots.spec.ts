// The README's screenshots (docs/screenshots/): phone queue, conversation with the keyboard open, tablet two panes,
// in light and dark. Run on purpose only: POCKETDESK_SCREENSHOTS=1 npx playwright test tests/e2e/screenshots.spec.ts
import { assign, customerWrites } from './customers';
import { expect, signIn, test } from './fixtures';

test.skip(!process.env.POCKETDESK_SCREENSHOTS, 'writes docs/screenshots/: run on purpose with POCKETDESK_SCREENSHOTS=1');
test.use({ deviceScaleFactor: 1 });

const SHOTS = 'docs/screenshots';

test('screenshots for the README', async ({ page, env, api }) => {
  const lines = ['Hi, the pump at the north site stopped', 'It made a loud noise first', 'Model PX-200, bought in May', 'Can someone come today?'];
  const first = await customerWrites(api, { name: 'Marta Quiroga', text: lines[0] });
  for (const text of lines.slice(1)) await customerWrites(api, { name: 'Marta Quiroga', text, from: first.from });
  await assign(api, first.conversationId, env.agent.id);
  for (const [name, text] of [
    ['Jonas Berg', 'Is the gate code still 4411?'],
    ['Priya Shah', 'Thanks, all fixed!'],
    ['Luis Ortega', 'When does the technician arrive?'],
  ]) {
    const { conversationId } = await customerWrites(api, { name, text });
    await assign(api, conversationId, env.agent.id);
  }
  await signIn(page, env);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 360, height: 640 });
    await page.goto('/');
    await expect(page.getByRole('link', { name: /Marta Quiroga/ })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/phone-queue-${scheme}.png` });

    await page.goto(`/conversations/${first.conversationId}`);
    await expect(page.getByText('Can someone come today?')).toBeVisible();
    await page.setViewportSize({ width: 360, height: 400 });
    await page.getByLabel('Message to the customer').fill('On my way, there in 40 minutes.');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/phone-conversation-keyboard-${scheme}.png` });

    await page.setViewportSize({ width: 1024, height: 768 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/tablet-two-panes-${scheme}.png` });
  }
});
