import { readFileSync } from 'node:fs';
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
  // Up to 8 results, "Did you mean" and the link to all results.
  expect(await options.count()).toBeLessThanOrEqual(10);
  await expect(options.first()).toHaveText('Did you mean “generator”?');
  await expect(options.nth(1)).toContainText(/generator/i);
  await expect(options.nth(1).locator('mark').first()).toHaveText(/generat/i);
  await expect(options.nth(1).locator('.snippet')).not.toBeEmpty();

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

test('operators are searchable, by themselves and with words', async ({ page }) => {
  await page.goto('python/');
  const box = page.getByRole('combobox', { name: 'Search questions' });
  await box.click();
  await box.fill(':=');
  const options = page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option');
  await expect(options.first()).toContainText('walrus operator');
  // The operator and its name are both marked.
  await expect(options.first().locator('mark')).toHaveText(['walrus', ':=']);

  await page.goto(`search/?q=${encodeURIComponent('== vs is')}`);
  await expect(page.locator('.results > li').first().getByRole('link')).toHaveText('What is the difference between is and ==, and when is is the right choice?');
});

test('a natural question finds the question that answers it', async ({ page }) => {
  await page.goto(`search/?q=${encodeURIComponent('how do I log an exception with its traceback')}`);
  await expect(page.locator('.results > li').first().getByRole('link')).toHaveText(/log an exception with its traceback/);
});

test('a typo with swapped letters still finds the question, and offers the spelling', async ({ page }) => {
  await page.goto('python/');
  const box = page.getByRole('combobox', { name: 'Search questions' });
  await box.click();
  await box.fill('yeild');
  const options = page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option');
  // The correction is offered first, then the results it already found.
  const didYouMean = options.first();
  await expect(didYouMean).toHaveText('Did you mean “yield”?');
  await expect(options.nth(1)).toContainText('What is a generator, and what does yield do?');
  await didYouMean.click();
  await expect(box).toHaveValue('yield');
  await expect(options.filter({ hasText: 'Did you mean' })).toHaveCount(0);
});

test('a query that finds nothing offers a corrected query and the closest topics', async ({ page }) => {
  await page.goto('search/?q=genertaorr');
  await expect(page.getByRole('status')).toHaveText('No questions match “genertaorr”.');
  await expect(page.getByRole('heading', { name: 'Closest topics' })).toBeVisible();
  await expect(page.locator('[data-near-topics]').getByRole('link').first()).toHaveText('Iterators and generators');
  await page.getByRole('link', { name: 'generators', exact: true }).click();
  await expect(page).toHaveURL(/\/search\/\?q=generators$/);
  await expect(page.getByRole('status')).toHaveText(/\d+ questions match “generators”/);
  await expect(page.getByRole('heading', { name: 'Closest topics' })).toBeHidden();
});

test('with active recall on, results show where they matched, not the short answer', async ({ page }) => {
  // The start of the question's short answer, as its file has it.
  const short = /^short: "(.{40})/m.exec(readFileSync('content/python/what-is-a-decorator.md', 'utf8'))?.[1] ?? 'missing short answer';
  await page.goto('search/?q=decorator');
  const first = page.locator('.results > li').first();
  await expect(first.getByRole('link')).toHaveText('What is a decorator in Python, and what problem does it solve?');
  await expect(first.locator('.snippet')).toHaveText(/^Matches /);
  await expect(page.locator('.results')).not.toContainText(short);
  const box = page.getByRole('combobox', { name: 'Search questions' });
  await box.click();
  await box.fill('decorator');
  const listbox = page.getByRole('listbox', { name: 'Suggestions' });
  await expect(listbox.getByRole('option').first()).toContainText('Matches');
  await expect(listbox).not.toContainText(short);

  // Review mode (recall off, switched on a study page) shows the short answer again.
  await page.goto('python/');
  await page.getByRole('switch', { name: 'Active recall' }).click();
  await expect(page.getByRole('switch', { name: 'Active recall' })).toHaveAttribute('aria-checked', 'false');
  await page.goto('search/?q=decorator');
  await expect(page.locator('.results > li').first().locator('.snippet')).toContainText(short);
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
