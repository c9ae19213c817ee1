import { expect, test, type Page } from '@playwright/test';
import type { Flashcard, FlashcardDeck } from '../src/lib/flashcards.ts';

async function cards(page: Page): Promise<Flashcard[]> {
  const response = await page.request.get('python/cards.json');
  return ((await response.json()) as FlashcardDeck).cards;
}

/** A tag that exactly `n` cards carry, so a drill of that size can be opened by URL. */
async function tagWith(page: Page, n: number): Promise<string> {
  const counts = new Map<string, number>();
  for (const card of await cards(page)) for (const tag of card.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  const tag = [...counts].find(([, count]) => count === n)?.[0];
  expect(tag, `a tag on exactly ${n} cards`).toBeDefined();
  return tag ?? '';
}

const question = (page: Page) => page.getByRole('article').getByRole('heading', { level: 2 });
const left = (page: Page) => page.getByRole('paragraph').filter({ hasText: 'Left in this session' });
const expectLeft = (page: Page, text: string) => expect(left(page)).toHaveText(new RegExp(`^Left in this session:\\s*${text}$`), { useInnerText: true });

test('a learning card comes back when it is due, not at once, and the counts never grow', async ({ page }) => {
  test.slow();
  await page.clock.install();
  const tag = await tagWith(page, 1);
  await page.goto(`python/cards/?queue=new&tag=${tag}`);
  await expectLeft(page, 'Review 0 · New 1');
  await expect(question(page)).toBeVisible();
  const title = await question(page).innerText();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: /^Good 10m/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Rated Good: next review in 10 minutes.' })).toBeVisible();

  // Nothing is shown early: a countdown says when the card is back.
  const wait = page.getByRole('heading', { name: /^Next card in/ });
  await expect(wait).toBeVisible();
  await expect(page.getByRole('timer')).toHaveText(/^(10:00|9:5\d)$/);
  await expect(question(page)).toBeHidden();
  await page.clock.fastForward('05:00');
  await expect(page.getByRole('timer')).toHaveText(/^(5:00|4:5\d)$/);
  await page.clock.fastForward('05:01');
  await expect(question(page)).toHaveText(title);
  await expectLeft(page, 'Review 0 · Learning 1 · New 0');

  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
  await expect(page.getByText('1 card (2 ratings)')).toBeVisible();
});

test('waiting can be skipped ("Study it now") or ended, and the total stays put', async ({ page }) => {
  test.slow();
  const tag = await tagWith(page, 3);
  await page.goto(`python/cards/?queue=new&tag=${tag}`);
  await expectLeft(page, 'Review 0 · New 3');
  const titles: string[] = [];
  for (const expected of ['Review 0 · Learning 1 · New 2', 'Review 0 · Learning 2 · New 1', 'Review 0 · Learning 3 · New 0']) {
    await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
    titles.push(await question(page).innerText());
    await page.keyboard.press('Space');
    await page.keyboard.press('1');
    if (titles.length < 3) await expectLeft(page, expected);
  }
  await expect(page.getByRole('heading', { name: /^Next card in/ })).toBeVisible();
  await expect(page.getByText('3 learning cards come back when due.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Study it now' }).click();
  await expect(question(page)).toHaveText(titles[0] ?? '');
  await expectLeft(page, 'Review 0 · Learning 3 · New 0');
  await page.keyboard.press('Space');
  await page.keyboard.press('4');
  await expect(page.getByText('2 learning cards come back when due.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'End the session' }).click();
  await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
});

test('the Today tab, the session and the progress page say the same counts', async ({ page }) => {
  test.slow();
  await page.goto('python/cards/');
  const today = page.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: /^Today/ });
  await expect(today).toHaveText(/Today\s*Review 0 · New 20$/);
  await expectLeft(page, 'Review 0 · New 20');
  await page.goto('progress/');
  const tile = page.getByRole('region', { name: 'At a glance' }).locator('div').filter({ has: page.getByText('Today’s cards', { exact: true }) });
  await expect(tile.getByRole('definition')).toHaveText('Review 0 · New 20');
  await expect(page.getByText('learnt: it comes back after days')).toBeHidden();
  await page.getByText('What New, Learning, Review and Due mean').first().click();
  await expect(page.getByText(/learnt: it comes back after days/).first()).toBeVisible();

  // One new card rated Good: it is learning (due in ten minutes) and no longer new, everywhere.
  await page.goto('python/cards/');
  await expectLeft(page, 'Review 0 · New 20');
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  await expectLeft(page, 'Review 0 · Learning 1 · New 19');
  await page.reload();
  await expect(today).toHaveText(/Today\s*Review 0 · Learning 1 · New 19$/);
  await expectLeft(page, 'Review 0 · Learning 1 · New 19');
  await page.goto('progress/');
  await expect(tile.getByRole('definition')).toHaveText('Review 0 · Learning 1 · New 19');
});

test('Space shows the answer whatever has focus on the card, unless typing', async ({ page }) => {
  await page.goto('python/cards/');
  await expect(left(page)).toBeVisible();
  const timer = page.getByRole('switch', { name: '30-second timer' });
  await timer.click();
  await expect(timer).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByRole('heading', { name: 'Short answer' })).toBeVisible();

  // Space did not switch the timer back off: the next card still has it on.
  await page.keyboard.press('3');
  await expect(timer).toHaveAttribute('aria-checked', 'true');
  await page.getByRole('textbox').fill('my answer');
  await page.keyboard.press('Space');
  await expect(page.getByRole('heading', { name: 'Short answer' })).toBeHidden();
  await expect(page.getByRole('textbox')).toHaveValue('my answer ');
});

test.describe('on a 390×844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the rating buttons are on screen after Show answer, without scrolling', async ({ page }) => {
    await page.goto('python/cards/?queue=new');
    await page.getByRole('button', { name: /Show answer/ }).click();
    for (const name of ['Again', 'Hard', 'Good', 'Easy']) {
      await expect(page.getByRole('button', { name: new RegExp(`^${name}`) })).toBeInViewport({ ratio: 1 });
    }
    await page.getByRole('button', { name: /^Easy/ }).click();
    await expect(page.getByRole('button', { name: /Show answer/ })).toBeInViewport();
  });
});

test.describe('on a touch screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('key hints are hidden', async ({ page }) => {
    await page.goto('python/cards/');
    const show = page.getByRole('button', { name: /Show answer/ });
    await expect(show).toBeVisible();
    await expect(show.locator('kbd')).toBeHidden();
  });
});
