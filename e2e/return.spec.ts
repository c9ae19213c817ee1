import { expect, test, type Page } from '@playwright/test';

const keysReady = (page: Page) => page.waitForFunction(() => customElements.get('page-keys') !== undefined);

/** Marks question `n` (0-based) of a study page. */
async function mark(page: Page, n: number, name: 'Knew it' | 'Missed it') {
  const card = page.locator('question-card').nth(n);
  await card.getByText('Show answer').click();
  await card.getByRole('button', { name }).first().click();
  await expect(card.getByRole('status').filter({ hasText: /^Marked/ })).toHaveText(`Marked: ${name.toLowerCase()}.`);
}

test('a topic page studies that topic and shows each question\'s state; the index shows progress', async ({ page }) => {
  test.slow();
  await page.goto('python/topics/objects/');
  const list = page.getByRole('list').filter({ has: page.getByRole('link', { name: /mutable/ }) }).first();
  const count = await page.locator('.question-list li').count();
  await expect(page.locator('.question-list li').getByText('New', { exact: true })).toHaveCount(count);
  await expect(page.getByRole('link', { name: 'Flashcards for this topic' })).toHaveAttribute('href', /\/python\/cards\/\?topic=objects$/);

  await page.getByRole('link', { name: 'Study this topic' }).click();
  await expect(page).toHaveURL(/\/python\/(\d+\/)?#[a-z0-9-]+$/);
  const slug = new URL(page.url()).hash.slice(1);
  const first = page.locator(`question-card:has(article#${slug})`);
  await first.getByText('Show answer').click();
  await first.getByRole('button', { name: 'Missed it' }).first().click();

  await page.goto('python/topics/objects/');
  await expect(list.locator('li').first().getByText('Learning', { exact: true })).toBeVisible();
  await expect(page.locator('.question-list li').getByText('New', { exact: true })).toHaveCount(count - 1);
  await page.getByRole('link', { name: 'Flashcards for this topic' }).click();
  await expect(page.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: /^Today/ })).toHaveText(/Review 0 · Learning 1 · New \d+$/);

  await page.goto('python/topics/');
  await expect(page.getByRole('listitem').filter({ hasText: 'Objects, identity and mutability' }).getByText(`1 of ${count} studied`)).toBeVisible();
  // Topics not studied yet show no progress line.
  await expect(page.getByText(/studied/).filter({ visible: true })).toHaveCount(1);
});

test('the home page greets a returning learner with today, where they stopped and the weakest topic', async ({ page }) => {
  test.slow();
  await page.goto('');
  await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeHidden();
  await expect(page.getByRole('link', { name: 'Start studying' })).toBeVisible();

  await page.goto('python/2/');
  await mark(page, 0, 'Knew it');
  await mark(page, 1, 'Missed it');
  const weakTopic = await page.locator('question-card').nth(1).locator('.kicker a').innerText();

  await page.goto('');
  await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
  await expect(page.getByText('Review 0 · Learning 2 · New 18')).toBeVisible();
  await expect(page.getByText('You stopped on page 2')).toBeVisible();
  await expect(page.getByText(new RegExp(`^${weakTopic}: 1 of \\d+ reviews? missed$`))).toBeVisible();
  await page.getByRole('link', { name: 'Continue on page 2' }).click();
  await expect(page).toHaveURL(/\/python\/2\/$/);
});

test('← and → stay on the page while focus is in a code block or a text box', async ({ page }) => {
  await page.goto('python/');
  await keysReady(page);
  const card = page.locator('question-card').first();
  await card.getByText('Show answer').click();
  const code = card.locator('pre').first();
  await code.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/\/python\/$/);
  await expect(card.locator('details[data-answer]')).toHaveAttribute('open', '');

  await page.getByRole('combobox', { name: 'Search questions' }).fill('gil');
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/\/python\/$/);
  await page.keyboard.press('Escape');

  // Anywhere else the arrows still page.
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/\/python\/2\/$/);
});
