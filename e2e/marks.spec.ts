import { expect, test, type Page } from '@playwright/test';
import { PAGE_SIZE } from './site.ts';

const card = (page: Page, n: number) => page.locator('question-card').nth(n);
/** The stored study reviews, oldest first, as "id grade". */
const stored = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('recall:v2:review:'))
      .map((key) => JSON.parse(localStorage.getItem(key) ?? '{}') as { id: string; grade: string; at: number })
      .sort((a, b) => a.at - b.at)
      .map((r) => `${r.id.split('/')[1]} ${r.grade}`),
  );

for (const viewport of [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`at ${viewport.width}px the marks sit under the short answer, and a mark moves on to the next question`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto('python/');
    const first = card(page, 0);
    await first.getByText('Show answer').click();
    // Two places to mark: right under the short answer (in view at once) and at the end of the answer.
    await expect(first.getByRole('button', { name: 'Knew it' })).toHaveCount(2);
    // With the question at the top of the screen, the marks are in view without scrolling.
    await first.getByRole('heading', { level: 2 }).evaluate((title) => title.scrollIntoView({ block: 'start' }));
    await expect(first.getByRole('button', { name: 'Knew it' }).first()).toBeInViewport();
    await expect(first.getByRole('button', { name: 'Knew it' }).last()).not.toBeInViewport();
    await first.getByRole('button', { name: 'Knew it' }).first().click();

    await expect(first.locator('details[data-answer]')).not.toHaveAttribute('open');
    const nextSummary = card(page, 1).locator('summary');
    await expect(nextSummary).toBeFocused();
    await expect(nextSummary).toBeInViewport();
    await expect(first.getByRole('status').filter({ hasText: /^Marked/ })).toHaveText('Marked: knew it.');

    // The loop goes on by keyboard: Enter shows, the end-of-answer mark works too.
    await page.keyboard.press('Enter');
    await expect(card(page, 1).locator('details[data-answer]')).toHaveAttribute('open', '');
    await card(page, 1).getByRole('button', { name: 'Missed it' }).last().click();
    await expect(card(page, 2).locator('summary')).toBeFocused();
    expect(await stored(page)).toHaveLength(2);
  });
}

test('the last question of a page moves focus to the next page link', async ({ page }) => {
  await page.goto('python/');
  const last = card(page, PAGE_SIZE - 1);
  await last.getByText('Show answer').click();
  await last.getByRole('button', { name: 'Missed it' }).first().click();
  await expect(page.getByRole('navigation', { name: 'Study pages' }).locator('a[rel="next"]')).toBeFocused();
});

test('in review mode a mark leaves the answers open for reading', async ({ page }) => {
  await page.goto('python/');
  await page.getByRole('switch', { name: 'Active recall' }).click();
  await card(page, 0).getByRole('button', { name: 'Knew it' }).first().click();
  await expect(card(page, 0).locator('details[data-answer]')).toHaveAttribute('open', '');
  await expect(card(page, 0).getByRole('button', { name: 'Knew it' }).first()).toHaveAttribute('aria-pressed', 'true');
});

test('a repeated or changed mark is one review, and the schedule sees one', async ({ page }) => {
  test.slow();
  await page.goto('python/');
  const third = card(page, 2);
  await third.getByText('Show answer').click();
  await third.getByRole('button', { name: 'Knew it' }).first().dblclick();
  expect(await stored(page)).toHaveLength(1);
  await expect(third.getByText('Learning', { exact: true })).toBeVisible();
  await expect(page.getByText(`1 of ${PAGE_SIZE} reviewed`)).toBeVisible();

  // Change of mind: Missed it replaces Knew it, it does not add a review.
  await third.getByText('Show answer').click();
  await expect(third.getByRole('button', { name: 'Knew it' }).first()).toHaveAttribute('aria-pressed', 'true');
  await third.getByRole('button', { name: 'Missed it' }).first().click();
  const id = await third.getAttribute('data-id');
  expect(await stored(page)).toEqual([`${id?.split('/')[1]} again`]);
  await expect(third.getByText(/^Missed it · /)).toBeVisible();

  await page.goto('progress/');
  await expect(page.getByRole('region', { name: 'At a glance' }).getByText('Reviews in all').locator('..').getByRole('definition')).toHaveText('1');

  // A later visit is a new review.
  await page.goto('python/');
  await card(page, 2).getByText('Show answer').click();
  await card(page, 2).getByRole('button', { name: 'Knew it' }).first().click();
  expect(await stored(page)).toHaveLength(2);
});
