// Every tappable element on every screen is at least 44×44 CSS px at phone size (WCAG 2.5.5, Apple and Material
// guidance). The walk opens each route as an admin (who sees every screen), opens the menus, and lists offenders.
import type { Page } from '@playwright/test';
import { expect, signInAs, test } from './fixtures';
import { freshTeam, teamConversation } from './workspace';

const MIN = 44;

/** Visible controls smaller than MIN in either direction, described so a failure says where to look. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const selector =
      'a[href], button, select, textarea, input:not([type=hidden]), summary, [role=button], [role=tab], [role=radio], [role=option], [role=checkbox]';
    const offenders: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      // A checkbox or radio is tapped through its label: the label's box is the target.
      const input = element as HTMLInputElement;
      const target = (input.type === 'checkbox' || input.type === 'radio') && input.labels?.[0] ? input.labels[0] : element;
      const box = target.getBoundingClientRect();
      const style = getComputedStyle(target);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
      // Visually hidden (screen-reader only) elements and links inside running text are not tap targets of their own.
      if (box.width <= 1 && box.height <= 1) continue;
      if (element.tagName === 'A' && style.display === 'inline' && element.closest('p')) continue;
      if (box.width + 0.5 < min || box.height + 0.5 < min) {
        const name = (element.getAttribute('aria-label') || element.textContent || element.getAttribute('name') || element.id || '').trim().slice(0, 40);
        offenders.push(`${location.pathname} ${element.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return offenders;
  }, MIN);
}

test('every tappable element on every screen is at least 44×44 CSS px', async ({ page, api }) => {
  test.setTimeout(120_000);
  const { ad, teamId } = await freshTeam(api, { ad: { role: 'admin', status: 'online' } });
  const conversationId = await teamConversation(api, teamId, ad.id, 'Tapio Target', 'Are the buttons big enough?');

  const offenders: string[] = [];
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.waitForLoadState('networkidle');
  offenders.push(...(await smallTargets(page)));
  await signInAs(page, ad);

  const routes = [
    '/',
    `/conversations/${conversationId}`,
    `/conversations/${conversationId}/details`,
    '/settings',
    '/channels',
    '/reviews',
    '/manager',
    '/manager/dashboard',
    '/manager/audit',
    '/admin',
    '/admin/channels',
    '/admin/teams',
    '/admin/templates',
  ];
  for (const route of routes) {
    await page.goto(route);
    await page.waitForLoadState('networkidle');
    await page.getByRole('main').first().waitFor();
    offenders.push(...(await smallTargets(page)));
    // Menus are screens too: open what each screen's header offers.
    for (const toggle of ['Menu', 'More actions', 'Compose: Reply', 'Attach']) {
      const button = page.getByRole('button', { name: toggle, exact: true });
      if ((await button.count()) === 0 || !(await button.first().isVisible())) continue;
      await button.first().click();
      offenders.push(...(await smallTargets(page)));
      await page.keyboard.press('Escape');
      if ((await button.first().getAttribute('aria-expanded')) === 'true') await button.first().click();
    }
  }
  expect([...new Set(offenders)]).toEqual([]);
});
