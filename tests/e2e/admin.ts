// Helpers for the admin settings specs: a channel of one's own, and the way an admin reaches each screen.
import type { Page } from '@playwright/test';
import type { Api } from '../support/api';
import { expect } from './fixtures';

let counter = 0;

/** A channel per test, so one test's settings never change how another's customers are routed. */
export async function adminChannel(api: Api, data: Record<string, unknown> = {}): Promise<{ id: string; name: string; phoneNumberId: string }> {
  counter += 1;
  const tag = `${Date.now() % 10_000_000}${counter}`;
  const name = `Desk ${tag}`;
  const phoneNumberId = `88${tag}`;
  const response = await api.create('channels', {
    name,
    phone_number_id: phoneNumberId,
    display_phone_number: `1666${tag}`,
    timezone: 'UTC',
    language: 'en',
    waba_id: '102290129340398',
    ...data,
  });
  if (response.status !== 200) throw new Error(`channel: ${JSON.stringify(response.body)}`);
  return { id: response.body.id, name, phoneNumberId };
}

/** Opens an admin screen through the app menu, as an admin would. */
export async function openAdminScreen(page: Page, screen: 'Channel settings' | 'Teams and agents' | 'Templates and canned replies'): Promise<void> {
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('link', { name: 'Admin settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Admin settings' })).toBeVisible();
  await page.getByRole('link', { name: new RegExp(`^${screen}`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: screen })).toBeVisible();
}

/** Records every PATCH/POST to `target` (`channels`, or `agents/<id>` for one record), to prove a refused form sent nothing. */
export function watchWrites(page: Page, target: string): string[] {
  const [collection, id = ''] = target.split('/');
  const writes: string[] = [];
  page.on('request', (request) => {
    if (['PATCH', 'POST'].includes(request.method()) && request.url().includes(`/api/collections/${collection}/records${id ? `/${id}` : ''}`))
      writes.push(request.url());
  });
  return writes;
}
