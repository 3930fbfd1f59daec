// Words a person reads: an empty sign-in is answered on the phone, in a sentence, without asking the server; a new
// screen announces itself (focus on its heading, a real title from the first paint).
import { assignedConversation } from './customers';
import { expect, signIn, test } from './fixtures';

test('an empty or mistyped sign-in is checked on the phone and never sent', async ({ page }) => {
  const attempts: string[] = [];
  page.on('request', (request) => request.url().includes('auth-with-password') && attempts.push(request.url()));
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Enter your email address.');
  await expect(page.getByLabel('Email')).toBeFocused();
  await page.getByLabel('Email').fill('ana.field');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('This does not look like an email address. Check it and try again.');
  await page.getByLabel('Email').fill('ana@example.com');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Enter your password.');
  await expect(page.getByLabel('Password')).toBeFocused();
  expect(attempts).toEqual([]);
});

test('opening a conversation focuses its heading and the title never reads "Unknown customer"', async ({ page, env, api }) => {
  await assignedConversation(api, env.agent.id, 'Fen Focus', 'Hello there');
  const titles: string[] = [];
  await signIn(page, env);
  await page.exposeFunction('recordTitle', (title: string) => titles.push(title));
  await page.evaluate(() => {
    const record = () => (window as unknown as { recordTitle: (t: string) => void }).recordTitle(document.title);
    new MutationObserver(record).observe(document.head, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole('link', { name: /Fen Focus/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fen Focus' })).toBeFocused();
  await expect(page).toHaveTitle('Fen Focus · Pocketdesk');
  expect(titles.filter((title) => title.includes('Unknown customer'))).toEqual([]);
});
