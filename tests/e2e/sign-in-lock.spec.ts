import { createAgent, PASSWORD } from '../support/seed';
import { expect, test } from './fixtures';

// A locked account is told so in a sentence, in the agent's language, instead of "wrong password".
test('an agent whose account is paused after wrong passwords is told how long to wait, in English and Spanish', async ({ page, api, env }) => {
  // In no team and offline: an online colleague in the shop's team would be given later specs' new customers.
  const agent = await createAgent(api, { name: `Paused Agent ${Date.now() % 100_000}`, teams: [], status: 'offline' });
  for (let i = 0; i < 5; i++) {
    const response = await fetch(`${env.url}/api/collections/agents/auth-with-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identity: agent.email, password: 'not-the-password' }),
    });
    expect(response.status).toBe(400);
  }
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(agent.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText(/sign-in is paused for 15 minute\(s\)\. Devices already signed in keep working\./);

  await page.getByLabel('Language').selectOption('es');
  await page.getByRole('button', { name: 'Entrar' }).click();
  await expect(page.getByRole('alert')).toHaveText(/la entrada está en pausa durante 15 minuto\(s\)/);
});
