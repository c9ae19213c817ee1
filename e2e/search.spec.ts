import { expect, test } from '@playwright/test';

const SEARCH_FILES = /search-index\.json|search-worker|search-client|search-combobox|fuse/;

test('a page where search is never used makes no search request', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto('python/');
  await page.locator('details[data-answer] > summary').first().click();
  await page.getByRole('button', { name: 'Expand all' }).click();
  await page.waitForFunction(() => customElements.get('page-keys') !== undefined);
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/\/python\/2\/$/);
  await page.waitForLoadState('networkidle');
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.filter((url) => SEARCH_FILES.test(url))).toEqual([]);

  await page.getByRole('combobox', { name: 'Search questions' }).focus();
  await expect.poll(() => requests.filter((url) => /search-index\.json/.test(url)).length).toBe(1);
});

test('/ and Ctrl+K focus the search box, typing shows suggestions, Esc closes them', async ({ page }) => {
  await page.goto('python/topics/');
  const box = page.getByRole('combobox', { name: 'Search questions' });
  await page.keyboard.press('/');
  await expect(box).toBeFocused();
  await box.blur();
  await page.keyboard.press('Control+k');
  await expect(box).toBeFocused();

  await page.keyboard.type('generater');
  const listbox = page.getByRole('listbox', { name: 'Suggestions' });
  await expect(listbox).toBeVisible();
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  const options = listbox.getByRole('option');
  expect(await options.count()).toBeLessThanOrEqual(9);
  await expect(options.first()).toContainText(/generator/i);
  await expect(options.first().locator('mark').first()).toHaveText(/generat/i);
  await expect(options.first().locator('.snippet')).not.toBeEmpty();

  await page.keyboard.press('Escape');
  await expect(listbox).toBeHidden();
  await expect(box).toHaveAttribute('aria-expanded', 'false');
});

test('arrow keys and Enter open the chosen question', async ({ page }) => {
  await page.goto('python/');
  const box = page.getByRole('combobox', { name: 'Search questions' });
  await box.click();
  await box.fill('StopIteration');
  const options = page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option');
  await expect(options.first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await options.nth(1).getAttribute('id')) ?? '');
  const chosen = (await options.nth(1).locator('.title').innerText()).trim();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/python\/q\/[a-z0-9-]+\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(chosen);
});

test('Enter without a chosen suggestion opens the results page for the query', async ({ page }) => {
  await page.goto('python/');
  const box = page.getByRole('combobox', { name: 'Search questions' });
  await box.click();
  await box.fill('closure');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=closure$/);
  await expect(page.getByRole('status')).toHaveText(/\d+ questions? match “closure”/);
});

test('the results page reads query and filters from the URL, also on reload', async ({ page }) => {
  await page.goto('search/?q=closure&topic=functions&difficulty=intermediate');
  const results = page.locator('.results > li');
  await expect(results.first()).toBeVisible();
  const count = await results.count();
  for (let i = 0; i < count; i++) await expect(results.nth(i).locator('.meta')).toHaveText('Functions, scope and closures · Intermediate');
  await expect(page.getByLabel('Topic', { exact: true })).toHaveValue('functions');
  await expect(page.getByLabel('Difficulty')).toHaveValue('intermediate');

  await page.getByLabel('Difficulty').selectOption('');
  await expect(page).toHaveURL(/\/search\/\?q=closure&topic=functions$/);
  await page.reload();
  await expect(page.getByLabel('Difficulty')).toHaveValue('');
  await expect.poll(() => results.count()).toBeGreaterThan(count);
  await results.first().getByRole('link').click();
  await expect(page).toHaveURL(/\/python\/q\//);
});

test('no results says so and offers the topics', async ({ page }) => {
  await page.goto('search/?q=zzqxv');
  await expect(page.getByRole('status')).toHaveText('No questions match “zzqxv”.');
  await expect(page.getByRole('link', { name: 'Objects, identity and mutability' })).toBeVisible();
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('the search page says it needs JavaScript and links to the topics', async ({ page }) => {
    await page.goto('search/?q=closure');
    await expect(page.getByText('Search runs in your browser and needs JavaScript.')).toBeVisible();
    await page.getByRole('link', { name: 'topics', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/topics/);
  });
});
