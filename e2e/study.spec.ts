import { expect, test, type Page } from '@playwright/test';
import { PAGE_SIZE } from './site.ts';

const answers = (page: Page) => page.locator('details[data-answer]');

/** Waits until the page's arrow-key handler is running: keys pressed earlier would be lost. */
const keysReady = (page: Page) => page.waitForFunction(() => customElements.get('page-keys') !== undefined);

test('page 1 leads to page 2 by link and by arrow key', async ({ page }) => {
  await page.goto('python/');
  await expect(page.getByText(new RegExp(`^\\d+ questions · ${PAGE_SIZE} per page$`))).toBeVisible();
  await expect(page.getByText('Page 1 of')).toBeVisible();
  const pager = page.getByRole('navigation', { name: 'Study pages' });
  await expect(pager.getByRole('link', { name: 'Page 1', exact: true })).toHaveAttribute('aria-current', 'page');

  await pager.getByRole('link', { name: 'Page 2', exact: true }).click();
  await expect(page).toHaveURL(/\/python\/2\/$/);
  await expect(page.getByText('Page 2 of')).toBeVisible();
  await expect(page.getByText(`Question ${PAGE_SIZE + 1}`, { exact: true })).toBeVisible();
  await expect(pager.getByRole('link', { name: 'Page 2', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('a[rel="prev"]')).toHaveAttribute('href', /\/python\/$/);

  await keysReady(page);
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/\/python\/3\/$/);
  await keysReady(page);
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/\/python\/2\/$/);
});

test('Show answer opens one answer in place, short answer first', async ({ page }) => {
  await page.goto('python/');
  const first = page.locator('question-card').first();
  await expect(first.getByText('Short answer')).toBeHidden();
  await first.getByText('Show answer').click();
  await expect(first.getByText('Short answer')).toBeVisible();
  await expect(first.getByRole('heading', { name: 'Key points' })).toBeVisible();
  await expect(answers(page).nth(1)).not.toHaveAttribute('open');
});

test('Expand all and Collapse all open and close every answer', async ({ page }) => {
  await page.goto('python/');
  const count = await answers(page).count();
  expect(count).toBe(PAGE_SIZE);
  await page.getByRole('button', { name: 'Expand all' }).click();
  await expect(page.locator('details[data-answer][open]')).toHaveCount(count);
  await page.getByRole('button', { name: 'Collapse all' }).click();
  await expect(page.locator('details[data-answer][open]')).toHaveCount(0);
});

test('the active-recall switch turns review mode on, and the choice survives a reload and other pages', async ({ page }) => {
  await page.goto('python/');
  const toggle = page.getByRole('switch', { name: 'Active recall' });
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect(page.locator('details[data-answer][open]')).toHaveCount(0);

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expect(page.locator('details[data-answer][open]')).toHaveCount(PAGE_SIZE);

  await page.reload();
  await expect(page.getByRole('switch', { name: 'Active recall' })).toHaveAttribute('aria-checked', 'false');
  await expect(page.locator('details[data-answer][open]')).toHaveCount(PAGE_SIZE);
  await page.goto('python/2/');
  await expect(page.getByRole('switch', { name: 'Active recall' })).toHaveAttribute('aria-checked', 'false');

  await page.getByRole('switch', { name: 'Active recall' }).click();
  await expect(page.locator('details[data-answer][open]')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('switch', { name: 'Active recall' })).toHaveAttribute('aria-checked', 'true');
});

test('a "missed it" mark shows on the question and survives a reload', async ({ page }) => {
  await page.goto('python/');
  const card = page.locator('question-card').nth(2);
  await card.getByText('Show answer').click();
  await card.getByRole('button', { name: 'Missed it' }).first().click();
  await expect(card.locator('[data-mark]')).toHaveText(/^Missed it · next review in 1 minute$/);
  await card.getByText('Show answer').click();
  await expect(card.getByRole('button', { name: 'Missed it' }).first()).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  const again = page.locator('question-card').nth(2);
  await expect(again.locator('[data-mark]')).toHaveText(/^Missed it · /);
  await expect(page.locator('question-card').nth(1).locator('[data-mark]')).toBeHidden();
  // The same question keeps its mark on its own page: progress is keyed by id, not position.
  await again.getByRole('heading', { level: 2 }).getByRole('link').click();
  await expect(page.locator('[data-mark]')).toHaveText(/^Missed it · /);
});

test('a question page shows the question with previous and next', async ({ page }) => {
  await page.goto('python/');
  const secondTitle = await page.locator('question-card').nth(1).getByRole('heading', { level: 2 }).innerText();
  await page.locator('question-card').nth(1).getByRole('heading', { level: 2 }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(secondTitle);
  await expect(page.getByText(/^Question 2 of \d+$/)).toBeVisible();
  await page.getByText('Show answer').click();
  await expect(page.locator('.prose pre').first()).toBeVisible();
  await expect(page.getByText(/Examples verified on Python 3\.\d+/)).toBeVisible();
  await page.getByRole('link', { name: /Next question/ }).click();
  await expect(page.getByText(/^Question 3 of \d+$/)).toBeVisible();
  await keysReady(page);
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByText(/^Question 2 of \d+$/)).toBeVisible();
});

test('the topics page counts questions and a topic page lists them', async ({ page }) => {
  await page.goto('python/topics/');
  const objects = page.getByRole('link', { name: /Objects, identity and mutability/ });
  const label = await objects.innerText();
  const count = Number(/(\d+) questions?/.exec(label)?.[1]);
  expect(count).toBeGreaterThan(0);
  await objects.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Objects, identity and mutability' })).toBeVisible();
  await expect(page.locator('.question-list li')).toHaveCount(count);
  await page.locator('.question-list a').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('every answer is readable and every pagination link works', async ({ page }) => {
    await page.goto('python/');
    const hrefs = await page
      .getByRole('navigation', { name: 'Study pages' })
      .getByRole('link', { name: /^Page \d+$/ })
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThan(1);
    for (const href of hrefs) {
      await page.goto(href);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Expand all' })).toBeHidden();
      const summaries = page.locator('details[data-answer] > summary');
      const n = await summaries.count();
      expect(n).toBeGreaterThan(0);
      for (let i = 0; i < n; i++) {
        await summaries.nth(i).click();
        await expect(page.locator('details[data-answer]').nth(i).getByRole('heading', { name: 'Key points' })).toBeVisible();
      }
    }
  });

  test('question and topic pages are readable and their links work', async ({ page }) => {
    await page.goto('python/topics/');
    await page.getByRole('link', { name: /Iterators and generators/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Iterators and generators' })).toBeVisible();
    await page.locator('.question-list a').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.getByText('Show answer').click();
    await expect(page.getByRole('heading', { name: 'Key points' })).toBeVisible();
    await expect(page.locator('.prose pre').first()).toBeVisible();
    const title = await page.getByRole('heading', { level: 1 }).innerText();
    await page.getByRole('link', { name: /Next question/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(title);
    await page.getByRole('link', { name: /Previous question/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  });
});

test('a difficulty filter shows one level on a study page and follows the pager', async ({ page }) => {
  await page.goto('python/');
  const filter = page.getByLabel('Difficulty');
  await filter.selectOption('basic');
  await expect(page).toHaveURL(/[?&]difficulty=basic/);
  const shown = page.locator('question-card:visible');
  const count = await shown.count();
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThan(PAGE_SIZE);
  for (const card of await shown.all()) await expect(card.getByText('Basic', { exact: true }).first()).toBeVisible();
  await expect(page.getByText(`${count} of ${PAGE_SIZE} on this page`)).toBeVisible();
  await page.getByRole('navigation', { name: 'Study pages' }).getByRole('link', { name: 'Page 2', exact: true }).click();
  await expect(page).toHaveURL(/\/python\/2\/\?difficulty=basic$/);
  await expect(page.getByLabel('Difficulty')).toHaveValue('basic');
  await filter.selectOption('');
  await expect(page.locator('question-card:visible')).toHaveCount(PAGE_SIZE);
});

test.describe('on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('code in a table cell stays whole, and a wide code block shows there is more to scroll', async ({ page }) => {
    await page.goto('python/q/list-tuple-set-dict-compared/');
    await page.getByText('Show answer').first().click();
    const cellCode = page.locator('.prose td code');
    expect(await cellCode.count()).toBeGreaterThan(3);
    // A name broken across lines ("frozense/t") has more than one line box.
    const broken = await cellCode.evaluateAll((els) => els.filter((el) => el.getClientRects().length > 1).map((el) => el.textContent));
    expect(broken).toEqual([]);

    // A block wider than the phone: its edge shadows stay with the box while covers scroll with the text.
    const wide = page.locator('.prose pre').filter({ visible: true });
    const index = await wide.evaluateAll((els) => els.findIndex((el) => el.scrollWidth > el.clientWidth + 8));
    expect(index).toBeGreaterThanOrEqual(0);
    const style = await wide.nth(index).evaluate((el) => {
      const { backgroundImage, backgroundAttachment } = getComputedStyle(el);
      return { backgroundImage, backgroundAttachment };
    });
    expect(style.backgroundImage).toContain('radial-gradient');
    expect(style.backgroundAttachment).toMatch(/^local, local, scroll, scroll\b/);
  });
});
