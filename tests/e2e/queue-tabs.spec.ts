// The five queue tabs on a 360 px phone: one row, every label on one line, none cut off, each a thumb-sized target.
import type { Locator, Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

interface TabBox {
  name: string;
  top: number;
  left: number;
  right: number;
  width: number;
  height: number;
  /** How many lines the tab's label text takes. */
  labelLines: number;
}

/** Each tab's box and how many lines its label wraps to (one rectangle per line of a text range). */
function tabBoxes(tabs: Locator): Promise<TabBox[]> {
  return tabs.evaluateAll((elements) =>
    elements.map((tab) => {
      const box = tab.getBoundingClientRect();
      const label = tab.querySelector('.label')!;
      const range = document.createRange();
      range.selectNodeContents(label);
      const lines = new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top)));
      return { name: tab.textContent!.trim(), top: box.top, left: box.left, right: box.right, width: box.width, height: box.height, labelLines: lines.size };
    }),
  );
}

async function expectOneLine(page: Page, language: string): Promise<void> {
  const strip = page.getByRole('tablist');
  const tabs = strip.getByRole('tab');
  await expect(tabs).toHaveCount(5);
  // The counts arrive with the whole queue: measure the tabs as they finally look.
  await expect(tabs.first().locator('.count')).toBeVisible();
  // Each tab chosen in turn: the chosen one is bold, so wider.
  for (let chosen = 0; chosen < 5; chosen++) {
    await tabs.nth(chosen).click();
    await expect(tabs.nth(chosen)).toHaveAttribute('aria-selected', 'true');
    await expectFits(strip, tabs, language);
  }
}

async function expectFits(strip: Locator, tabs: Locator, language: string): Promise<void> {
  const boxes = await tabBoxes(tabs);
  const stripBox = (await strip.boundingBox())!;
  for (const tab of boxes) {
    expect(tab.labelLines, `${language}: "${tab.name}" wraps`).toBe(1);
    expect(Math.abs(tab.top - boxes[0]!.top), `${language}: "${tab.name}" is on another row`).toBeLessThan(1);
    // Not clipped: the whole tab lies inside the strip and inside the 360 px screen.
    expect(tab.left, `${language}: "${tab.name}" starts off screen`).toBeGreaterThanOrEqual(Math.max(0, stripBox.x) - 0.5);
    expect(tab.right, `${language}: "${tab.name}" ends off screen`).toBeLessThanOrEqual(Math.min(360, stripBox.x + stripBox.width) + 0.5);
    expect(tab.width, `${language}: "${tab.name}" is too narrow to tap`).toBeGreaterThanOrEqual(44);
    expect(tab.height, `${language}: "${tab.name}" is too short to tap`).toBeGreaterThanOrEqual(44);
  }
  // One row: the strip is as tall as one tab (plus its border).
  expect(stripBox.height).toBeLessThan(boxes[0]!.height + 4);
}

test('at 360×640 the five queue tabs fit on one line, in English and in Spanish', async ({ page, env }) => {
  await signIn(page, env);
  await expectOneLine(page, 'English');
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByLabel('Language').selectOption('es');
  await expect(page.getByRole('tab', { name: /Mías/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expectOneLine(page, 'Spanish');
});
