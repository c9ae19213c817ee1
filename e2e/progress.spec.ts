import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { PAGE_SIZE } from './site.ts';

/** The value shown in one "At a glance" tile. */
const tile = (page: Page, name: string) =>
  page
    .getByRole('region', { name: 'At a glance' })
    .locator('div')
    .filter({ has: page.getByText(name, { exact: true }) })
    .getByRole('definition');
/** The sentence that says in words what the review calendar shows. */
const history = (page: Page) => page.getByRole('region', { name: 'Review history' }).locator('p').first();
const fileInput = (page: Page) => page.getByLabel('Progress file to import');
/** Every value the store keeps, sorted: keys differ after an import, values must not. */
const storedValues = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('recall:'))
      .map((key) => localStorage.getItem(key) ?? '')
      .sort(),
  );

/** Marks the third question of page 1 on the study page and returns its topic's title. */
async function markThirdQuestion(page: Page, mark: 'Missed it' | 'Knew it' = 'Missed it'): Promise<string> {
  await page.goto('python/');
  const card = page.locator('question-card').nth(2);
  await expect(card.getByText('New', { exact: true })).toBeVisible();
  await card.getByText('Show answer').click();
  await card.getByRole('button', { name: mark }).first().click();
  await expect(card.getByText('Learning', { exact: true })).toBeVisible();
  await expect(page.getByText(`1 of ${PAGE_SIZE} reviewed`)).toBeVisible();
  return card.getByRole('link').first().innerText();
}

/** Rates the first two new cards Easy on the flashcards page. */
async function rateTwoCards(page: Page) {
  await page.goto('python/cards/?queue=new');
  const left = page.getByRole('paragraph').filter({ hasText: 'Left in this session' });
  await expect(left).toBeVisible();
  const total = Number(/New (\d+)/.exec(await left.innerText())?.[1]);
  for (let i = 0; i < 2; i++) {
    await expect(left).toHaveText(new RegExp(`New ${total - i}$`), { useInnerText: true });
    await page.keyboard.press('Space');
    await page.keyboard.press('4');
  }
  await expect(left).toHaveText(new RegExp(`New ${total - 2}$`), { useInnerText: true });
}

test('a missed mark on a study page shows on the progress page', async ({ page }) => {
  const topic = await markThirdQuestion(page);
  await page.goto('progress/');
  await expect(tile(page, 'Reviews in all')).toHaveText('1');
  await expect(tile(page, 'Reviewed today')).toHaveText('1');
  await expect(tile(page, 'Streak')).toHaveText('1 day');
  const row = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: topic, exact: true }) });
  await expect(row).toContainText(/1 learning · \d+ new \(of \d+\)/);
  await expect(history(page)).toHaveText(/^1 review on 1 day in the last year\./);
  await expect(page.getByRole('img', { name: 'Reviews per day over the last year' })).toBeVisible();
  await page.getByText('Reviews by day, as a table').click();
  await expect(page.getByRole('table', { name: 'Days with reviews, newest first' }).getByRole('row')).toHaveCount(2);
});

test('export, clear storage, import: everything is back exactly', async ({ page }) => {
  // It studies, drills, exports, clears, imports and compares four views: the time of three tests.
  test.slow();
  // "Knew it" is due in ten minutes: the numbers stay put while the test compares them.
  await markThirdQuestion(page, 'Knew it');
  await rateTwoCards(page);
  await page.getByRole('switch', { name: '30-second timer' }).click();

  await page.goto('progress/');
  await expect(tile(page, 'Reviews in all')).toHaveText('3');
  const glance = await page.getByRole('region', { name: 'At a glance' }).innerText();
  const mastery = await page.getByRole('region', { name: 'Python: mastery by topic' }).innerText();
  const calendar = await history(page).innerText();
  const before = await storedValues(page);
  expect(before).toHaveLength(4);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^recall-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const path = await download.path();
  expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ format: 'recall-progress', version: 2, settings: { timer: true } });

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(tile(page, 'Reviews in all')).toHaveText('0');

  await fileInput(page).setInputFiles(path);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText(/^Imported 3 reviews from .+\.$/)).toBeVisible();
  await expect(tile(page, 'Reviews in all')).toHaveText('3');
  expect(await storedValues(page)).toEqual(before);
  await page.reload();
  await expect(tile(page, 'Reviews in all')).toHaveText('3');
  await expect.poll(() => page.getByRole('region', { name: 'At a glance' }).innerText()).toBe(glance);
  await expect.poll(() => page.getByRole('region', { name: 'Python: mastery by topic' }).innerText()).toBe(mastery);
  await expect.poll(() => history(page).innerText()).toBe(calendar);

  // Importing the same file again adds nothing, and keeps a backup of what was there.
  await fileInput(page).setInputFiles(path);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText(/^Imported 0 reviews from .*\(3 were already here\)\.$/)).toBeVisible();
  await expect(page.getByText(/^Your progress from before the last import .* 3 reviews\) is kept as a backup\.$/)).toBeVisible();
  await expect(tile(page, 'Reviews in all')).toHaveText('3');
});

test('an invalid file is rejected with what is wrong, and nothing changes', async ({ page }) => {
  await markThirdQuestion(page);
  await page.goto('progress/');
  const before = await storedValues(page);
  // Import with no file says so; choosing a file clears that stale message.
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('Choose a progress file first.')).toBeVisible();
  await fileInput(page).setInputFiles({ name: 'empty.json', mimeType: 'application/json', buffer: Buffer.from('{}') });
  await expect(page.getByText('Choose a progress file first.')).toBeHidden();
  const bad = { format: 'recall-progress', version: 2, exportedAt: '2025-11-21T09:30:00.000Z', reviews: [{ id: 'python/x', at: 1, grade: 'perfect', source: 'cards' }] };
  await fileInput(page).setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('notes.json was not imported, and nothing changed:')).toBeVisible();
  await expect(page.getByText('reviews[0]: grade: must be one of again, hard, good, easy')).toBeVisible();

  await fileInput(page).setInputFiles({ name: 'photo.json', mimeType: 'application/json', buffer: Buffer.from('{"not": "ours"}') });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('this is not a Recall progress file (it has no "format": "recall-progress"); export one from the Progress page of Recall')).toBeVisible();
  expect(await storedValues(page)).toEqual(before);
  await expect(tile(page, 'Reviews in all')).toHaveText('1');
});

test('reset asks first, and keeps a backup', async ({ page }) => {
  await markThirdQuestion(page);
  await page.goto('progress/');
  await page.getByRole('button', { name: 'Reset progress…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete all progress in this browser?' });
  await expect(dialog).toContainText('This deletes 1 review and your settings.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(tile(page, 'Reviews in all')).toHaveText('1');

  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await dialog.getByRole('button', { name: 'Delete progress' }).click();
  await expect(page.getByText(/^Progress reset: 1 review deleted\./)).toBeVisible();
  await expect(tile(page, 'Reviews in all')).toHaveText('0');
  await expect(page.getByRole('button', { name: 'Download backup' })).toBeVisible();
});

test('unreadable stored data is reported once, kept, and listed on the progress page', async ({ page }) => {
  await page.goto('python/');
  await page.evaluate(() => localStorage.setItem('recall:v2:review:1-broken', '{"v":2,"id":'));
  await page.reload();
  const notice = page.getByText(/found one saved entry it cannot read/);
  await expect(notice).toBeVisible();
  await page.reload();
  await expect(page.locator('question-card').first().getByText('New', { exact: true })).toBeVisible();
  await expect(notice).toBeHidden();
  await page.goto('progress/');
  await expect(page.getByText(/^1 stored entry could not be read .*: recall:v2:review:1-broken\.$/)).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('recall:v2:review:1-broken'))).toBe('{"v":2,"id":');
});

test('with storage unavailable, cards still work and the learner is told', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.goto('python/cards/?queue=new');
  await expect(page.getByText(/not letting Recall save anything/)).toBeVisible();
  // The card is drawn by its script: keys pressed before it runs would be lost.
  const left = page.getByRole('paragraph').filter({ hasText: 'Left in this session' });
  await expect(left).toBeVisible();
  const before = await left.innerText();
  const first = await page.getByRole('article').getByRole('heading', { level: 2 }).innerText();
  await page.keyboard.press('Space');
  await page.keyboard.press('4');
  await expect(page.getByRole('article').getByRole('heading', { level: 2 })).not.toHaveText(first);
  await expect(left).not.toHaveText(before, { useInnerText: true });
  await page.keyboard.press('u');
  await expect(page.getByRole('article').getByRole('heading', { level: 2 })).toHaveText(first);
  await expect(left).toHaveText(before, { useInnerText: true });
});

test('a full storage is reported and nothing breaks', async ({ page }) => {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith('recall:v2:review:')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      setItem.call(this, key, value);
    };
  });
  await page.goto('python/');
  const card = page.locator('question-card').first();
  await card.getByText('Show answer').click();
  await card.getByRole('button', { name: 'Knew it' }).first().click();
  await expect(card.getByText('Storage is full: this mark was not saved.')).toBeVisible();
  await expect(page.getByText(/storage this browser gives Recall is full/)).toBeVisible();
});
