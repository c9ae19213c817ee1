import { expect, test, type Page } from '@playwright/test';
import { seededShuffle } from '../src/lib/drill.ts';
import type { Flashcard, FlashcardDeck } from '../src/lib/flashcards.ts';

/** The deck's cards as the page gets them, in study order. */
async function cards(page: Page): Promise<Flashcard[]> {
  const response = await page.request.get('python/cards.json');
  expect(response.ok()).toBe(true);
  return ((await response.json()) as FlashcardDeck).cards;
}

const titleOf = (card: Flashcard | undefined) => (card?.title ?? []).map((part) => part.text).join('');
const question = (page: Page) => page.getByRole('article').getByRole('heading', { level: 2 });
/** What is left of the session, as the page says it ("Review 0 · Learning 1 · New 12", or "5 left" in cram). */
const left = (page: Page) => page.getByRole('paragraph').filter({ hasText: 'Left in this session' });
const expectLeft = (page: Page, text: string) => expect(left(page)).toHaveText(new RegExp(`^Left in this session:\\s*${text}$`), { useInnerText: true });
const reviewKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('recall:v2:review:')).length);

test('rate cards with keys and buttons; a reload keeps the progress', async ({ page }) => {
  const objects = (await cards(page)).filter((card) => card.topic === 'objects');
  await page.goto('python/cards/?queue=new&topic=objects');
  await expectLeft(page, `Review 0 · New ${objects.length}`);
  await expect(question(page)).toHaveText(titleOf(objects[0]));

  await page.keyboard.press('Space');
  await expect(page.getByRole('heading', { name: 'Short answer' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Good \d+(m|h|d)$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Again 1m$/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Read the full answer' })).toHaveAttribute('href', objects[0]?.href ?? '');
  await page.keyboard.press('4');

  await expect(question(page)).toHaveText(titleOf(objects[1]));
  await expectLeft(page, `Review 0 · New ${objects.length - 1}`);
  await page.getByRole('button', { name: /Show answer/ }).click();
  await page.getByRole('button', { name: /^Easy/ }).click();
  await expect(question(page)).toHaveText(titleOf(objects[2]));
  expect(await reviewKeys(page)).toBe(2);

  await page.reload();
  await expectLeft(page, `Review 0 · New ${objects.length - 2}`);
  await expect(question(page)).toHaveText(titleOf(objects[2]));

  // A new card rated Good comes back later in the session, when its next learning step is due:
  // it counts as learning, not as another card. Ticking a key point leaves focus on its
  // checkbox, and the rating keys still work from there.
  await page.keyboard.press('Space');
  await page.getByRole('list', { name: 'Key points' }).getByRole('checkbox').first().check();
  await expect(page.getByText(/^1 of \d points covered$/)).toBeVisible();
  await page.keyboard.press('3');
  await expect(question(page)).toHaveText(titleOf(objects[3]));
  await expectLeft(page, `Review 0 · Learning 1 · New ${objects.length - 3}`);
});

test('undo takes back the last rating, with U and with the button', async ({ page }) => {
  const functions = (await cards(page)).filter((card) => card.topic === 'functions');
  await page.goto('python/cards/?queue=new&topic=functions');
  await expect(question(page)).toHaveText(titleOf(functions[0]));
  const undo = page.getByRole('button', { name: /^Undo/ });
  await expect(undo).toBeDisabled();

  await page.keyboard.press('Space');
  await page.keyboard.press('1');
  await expect(question(page)).toHaveText(titleOf(functions[1]));
  await expectLeft(page, `Review 0 · Learning 1 · New ${functions.length - 1}`);
  expect(await reviewKeys(page)).toBe(1);

  await page.keyboard.press('u');
  await expect(question(page)).toHaveText(titleOf(functions[0]));
  await expectLeft(page, `Review 0 · New ${functions.length}`);
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Undid Again' })).toBeVisible();
  expect(await reviewKeys(page)).toBe(0);

  await page.keyboard.press('Space');
  await page.getByRole('button', { name: /^Easy/ }).click();
  await expect(question(page)).toHaveText(titleOf(functions[1]));
  await undo.click();
  await expect(question(page)).toHaveText(titleOf(functions[0]));

  await page.reload();
  await expect(question(page)).toHaveText(titleOf(functions[0]));
  await expectLeft(page, `Review 0 · New ${functions.length}`);
  expect(await reviewKeys(page)).toBe(0);
});

test('a URL with filters gives the filtered queue, and cram leaves the schedule alone', async ({ page }) => {
  const all = await cards(page);
  const wanted = all.filter((card) => card.topic === 'functions' && card.difficulty === 'basic');
  expect(wanted.length).toBeGreaterThan(1);
  await page.goto('python/cards/?queue=all&topic=functions&difficulty=basic');
  await expect(page.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: 'All (cram)' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText('Cram: your schedule is not changed')).toBeVisible();
  for (const [i, card] of wanted.entries()) {
    await expectLeft(page, `${wanted.length - i} left`);
    await expect(question(page)).toHaveText(titleOf(card));
    await page.keyboard.press('Space');
    await page.keyboard.press('3');
  }
  await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
  await expect(page.getByText('Cram drill done: your schedule was left as it was.')).toBeVisible();

  // The crammed cards are still new.
  await page.goto('python/cards/?queue=new&topic=functions&difficulty=basic');
  await expectLeft(page, `Review 0 · New ${wanted.length}`);

  const gotchas = all.filter((card) => card.tags.includes('gotcha'));
  await page.goto('python/cards/?queue=all&tag=gotcha');
  await expectLeft(page, `${gotchas.length} left`);
  await expect(question(page)).toHaveText(titleOf(gotchas[0]));

  const shuffled = seededShuffle(all.filter((card) => card.topic === 'classes'), 42);
  await page.goto('python/cards/?queue=all&topic=classes&seed=42');
  await expect(question(page)).toHaveText(titleOf(shuffled[0]));
  await page.keyboard.press('Space');
  await page.keyboard.press('4');
  await expect(question(page)).toHaveText(titleOf(shuffled[1]));
});

test('the filter form writes the drill into the URL', async ({ page }) => {
  await page.goto('python/cards/?queue=new');
  await page.getByText('Filters and order').click();
  await page.getByLabel('Topic').selectOption({ label: 'Functions, scope and closures' });
  await page.getByLabel('Difficulty').selectOption({ label: 'Advanced' });
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/\/python\/cards\/\?queue=new&topic=functions&difficulty=advanced$/);
  await expect(page.getByLabel('Topic')).toHaveValue('functions');
  await expect(page.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: /^Today/ })).toHaveAttribute(
    'href',
    /\/python\/cards\/\?topic=functions&difficulty=advanced$/,
  );
});

test('two tabs rating different cards both keep their reviews', async ({ page }) => {
  const all = await cards(page);
  const objects = all.filter((card) => card.topic === 'objects');
  const containers = all.filter((card) => card.topic === 'containers');
  const other = await page.context().newPage();
  // Both tabs have read the store before either writes.
  await page.goto('python/cards/?queue=new&topic=objects');
  await other.goto('python/cards/?queue=new&topic=containers');
  await expect(question(page)).toHaveText(titleOf(objects[0]));
  await expect(question(other)).toHaveText(titleOf(containers[0]));

  for (const tab of [page, other, page, other]) {
    await tab.bringToFront();
    await tab.keyboard.press('Space');
    await tab.keyboard.press('4');
  }
  await expect(question(page)).toHaveText(titleOf(objects[2]));
  await expect(question(other)).toHaveText(titleOf(containers[2]));

  await page.reload();
  await other.reload();
  await expectLeft(page, `Review 0 · New ${objects.length - 2}`);
  await expectLeft(other, `Review 0 · New ${containers.length - 2}`);
  expect(await reviewKeys(page)).toBe(4);
});

test('the shortcuts list opens with ? and the timer switch is remembered', async ({ page }) => {
  await page.goto('python/cards/');
  await expect(left(page)).toBeVisible();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('Undo the last rating')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  const timer = page.getByRole('switch', { name: '30-second timer' });
  await expect(timer).toHaveAttribute('aria-checked', 'false');
  await timer.click();
  await expect(page.getByRole('timer')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('switch', { name: '30-second timer' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('timer')).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('timer')).toBeHidden();
});
