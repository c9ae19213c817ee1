import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { MockDeck, MockQuestion } from '../src/lib/flashcards.ts';
import { drawMock } from '../src/lib/mock.ts';

const T0 = Date.UTC(2026, 10, 30, 8, 0, 0);
/** When the mock starts: the clock is paused here once the page has loaded. */
const START = T0 + 60_000;

/** The questions a mock with these options asks, as the page draws them. */
async function drawn(page: Page, format: 'screen' | 'technical', seed: number): Promise<MockQuestion[]> {
  const response = await page.request.get('python/mock.json');
  expect(response.ok()).toBe(true);
  const deck = (await response.json()) as MockDeck;
  const byId = new Map(deck.questions.map((q) => [q.id, q]));
  const candidates = deck.questions.map((q) => ({ ...q, title: q.title.map((p) => p.text).join('') }));
  return drawMock(candidates, { format, seed, topics: [] }).ids.map((id) => byId.get(id) as MockQuestion);
}

const titleOf = (q: MockQuestion | undefined) => (q?.title ?? []).map((p) => p.text).join('');
const question = (page: Page) => page.getByRole('heading', { level: 2 }).first();
const clock = (page: Page) => page.getByRole('timer', { name: 'Time left in the mock' });
const stored = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('recall:v2:mock:'))
      .map((key) => JSON.parse(localStorage.getItem(key) ?? 'null') as { answers: { typed: string; score?: number; points: number[] }[] }),
  );
const reviewKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('recall:v2:review:')));

// The machine running these tests may be slow and shared; a whole mock takes many steps.
test.describe.configure({ timeout: 120_000 });

async function startMock(page: Page, query: string) {
  await page.clock.install({ time: T0 });
  await page.goto(`python/mock/${query}`);
  await expect(page.getByRole('button', { name: 'Start the mock' })).toBeVisible();
  await page.clock.pauseAt(START);
}

test('a whole 30-minute screen, scored on the rubric, ends in a report; the schedule is untouched', async ({ page }) => {
  const questions = await drawn(page, 'screen', 7);
  expect(questions).toHaveLength(6);
  await startMock(page, '?format=screen&seed=7');
  await expect(page.getByText('This link sets up a 30-minute screen with seed 7.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Start the mock' }).click();

  await expect(page.getByText('Question 1 of 6')).toBeVisible();
  await expect(question(page)).toHaveText(titleOf(questions[0]));
  await expect(clock(page)).toHaveText('30:00');
  await expect(page.getByText('Suggested: about 4 min')).toBeVisible();
  // The rubric's levels are written out on the page.
  await page.getByRole('textbox', { name: /type your answer/ }).fill('A first answer.');
  await page.getByRole('button', { name: 'Show the answer' }).click();
  await expect(page.getByRole('heading', { name: 'Short answer' })).toBeFocused();
  await page.getByRole('list', { name: /Key points/ }).getByRole('checkbox').first().check();
  await page.getByRole('button', { name: 'Show the follow-up answer' }).click();
  await page.getByRole('textbox', { name: 'Answer the follow-up (aloud or typed):' }).fill('Follow-up answer.');
  const next = page.getByRole('button', { name: 'Next question' });
  await expect(next).toBeDisabled();
  await expect(page.getByRole('radio', { name: '3: Correct definition, but no example or trade-off.' })).toBeVisible();
  await page.getByRole('radio', { name: /^3:/ }).check();
  await page.clock.runFor('04:00');
  await expect(clock(page)).toHaveText('26:00');
  // axe waits on timers, so time flows while it runs; then the clock stops at 5 minutes in.
  await page.clock.resume();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.clock.pauseAt(START + 5 * 60_000);
  await expect(clock(page)).toHaveText('25:00');
  await next.click();

  const scores = [4, 2, 5, 1, 4];
  for (const [i, score] of scores.entries()) {
    await expect(page.getByText(`Question ${i + 2} of 6`)).toBeVisible();
    await expect(question(page)).toHaveText(titleOf(questions[i + 1]));
    await expect(question(page)).toBeFocused();
    await page.getByRole('button', { name: 'Show the answer' }).click();
    // Keyboard: Space picks the first level, the arrow keys move through the rubric.
    await page.getByRole('radio', { name: /^1:/ }).focus();
    await page.keyboard.press('Space');
    for (let n = 1; n < score; n++) await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: new RegExp(`^${score}:`) })).toBeChecked();
    await page.clock.runFor('03:00');
    await page.getByRole('button', { name: i === scores.length - 1 ? 'Finish and see the report' : 'Next question' }).press('Enter');
  }

  await expect(page.getByRole('heading', { name: 'Your mock interview report' })).toBeFocused();
  // (3 + 4 + 2 + 5 + 1 + 4) / 6 = 3.17, and 5 + 5 × 3 minutes.
  await expect(page.getByText('Overall: 3.2 / 5 · total time 20:00')).toBeVisible();
  const rows = page.getByRole('table', { name: 'Score and time per question' }).getByRole('row');
  await expect(rows).toHaveCount(7);
  await expect(rows.nth(1)).toContainText(titleOf(questions[0]));
  await expect(rows.nth(1)).toContainText('3 / 5');
  await expect(rows.nth(1)).toContainText('5:00');
  await expect(rows.nth(1)).toContainText(`Missed ${(questions[0]?.points.length ?? 1) - 1} of ${questions[0]?.points.length ?? 0} key points`);
  await expect(rows.nth(5)).toContainText('1 / 5');
  await expect(page.getByRole('heading', { name: 'Weakest topics' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'drill its cards' }).first()).toBeVisible();
  await expect(page.getByText('This mock did not change your flashcard schedule.')).toBeVisible();
  expect(await reviewKeys(page)).toEqual([]);
  await page.clock.resume();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  const [mock] = await stored(page);
  expect(mock?.answers.map((a) => a.score)).toEqual([3, 4, 2, 5, 1, 4]);
  expect(mock?.answers[0]?.typed).toBe('A first answer.');

  await page.goto('progress/');
  const trend = page.getByRole('region', { name: 'Mock interviews' });
  await expect(trend.getByText('1 mock; the latest scored 3.2 / 5.')).toBeVisible();
  await expect(trend.getByRole('row').nth(1)).toContainText('30-minute screen, 6 questions');
  await trend.getByRole('row').nth(1).getByRole('link').click();
  await expect(page.getByText('Overall: 3.2 / 5 · total time 20:00')).toBeVisible();
});

test('a reload resumes the mock; when time runs out every answer given is kept, and low scores can feed the schedule', async ({ page }) => {
  const questions = await drawn(page, 'screen', 11);
  await startMock(page, '?format=screen&seed=11');
  await page.getByText('Add questions I score 1 or 2').click();
  await page.getByRole('button', { name: 'Start the mock' }).click();
  await page.getByRole('textbox', { name: /type your answer/ }).fill('My answer to one.');
  await page.getByRole('button', { name: 'Show the answer' }).click();
  await page.getByRole('radio', { name: /^2:/ }).check();
  await page.clock.runFor('02:00');
  await page.getByRole('button', { name: 'Next question' }).click();
  await page.getByRole('textbox', { name: /type your answer/ }).fill('Half an answer to two');
  await page.getByRole('button', { name: 'Show the answer' }).click();
  await page.getByRole('list', { name: /Key points/ }).getByRole('checkbox').nth(1).check();
  await page.clock.runFor('01:00');

  await page.reload();
  await expect(page.getByText('Question 2 of 6')).toBeVisible();
  await expect(question(page)).toHaveText(titleOf(questions[1]));
  await expect(page.getByRole('textbox', { name: /type your answer/ })).toHaveValue('Half an answer to two');
  await expect(page.getByRole('list', { name: /Key points/ }).getByRole('checkbox').nth(1)).toBeChecked();
  await expect(clock(page)).toHaveText('27:00');

  await page.clock.runFor('27:00');
  await expect(page.getByRole('heading', { name: 'Your mock interview report' })).toBeVisible();
  await expect(page.getByText('Time ran out: every answer given so far is kept below.', { exact: false })).toBeVisible();
  await expect(page.getByText('Overall: 1.2 / 5 (5 not scored, counted as 1: no answer) · total time 30:00')).toBeVisible();
  await expect(page.getByText('1 question was added to your flashcard schedule as “Again”.')).toBeVisible();
  const [mock] = await stored(page);
  expect(mock?.answers.slice(0, 2).map((a) => [a.typed, a.score, a.points])).toEqual([
    ['My answer to one.', 2, []],
    ['Half an answer to two', undefined, [1]],
  ]);
  const reviews = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('recall:v2:review:'))
      .map((key) => JSON.parse(localStorage.getItem(key) ?? 'null') as { id: string; grade: string; source: string }),
  );
  expect(reviews.map(({ id, grade, source }) => ({ id, grade, source }))).toEqual([{ id: questions[0]?.id, grade: 'again', source: 'cards' }]);

  // A reload of the finished mock shows its report again, and the schedule is not fed twice.
  await page.reload();
  await expect(page.getByText('Overall: 1.2 / 5', { exact: false })).toBeVisible();
  expect(await reviewKeys(page)).toHaveLength(1);
});

test('ending early asks first, then reports what was answered', async ({ page }) => {
  await page.goto('python/mock/?format=technical&seed=5');
  await page.getByRole('button', { name: 'Start the mock' }).click();
  await expect(page.getByText('Question 1 of 10')).toBeVisible();
  await page.getByRole('button', { name: 'Show the answer' }).click();
  await page.getByRole('radio', { name: /^5:/ }).check();
  page.once('dialog', (dialog) => void dialog.dismiss());
  await page.getByRole('button', { name: 'End the mock now' }).click();
  await expect(page.getByText('Question 1 of 10')).toBeVisible();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'End the mock now' }).click();
  await expect(page.getByRole('heading', { name: 'Your mock interview report' })).toBeVisible();
  await expect(page.getByText(/^Overall: 1\.4 \/ 5 \(9 not scored/)).toBeVisible();
});

test('past mocks travel with the progress file', async ({ page }) => {
  await page.goto('python/mock/?format=screen&seed=3');
  await page.getByRole('button', { name: 'Start the mock' }).click();
  await page.getByRole('button', { name: 'Show the answer' }).click();
  await page.getByRole('radio', { name: /^4:/ }).check();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'End the mock now' }).click();
  await expect(page.getByText(/^Overall: 1\.5 \/ 5/)).toBeVisible();

  await page.goto('progress/');
  const trend = page.getByRole('region', { name: 'Mock interviews' });
  await expect(trend.getByText('1 mock; the latest scored 1.5 / 5.')).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const path = await (await downloading).path();

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(trend.getByText('No mock interviews yet.', { exact: false })).toBeVisible();
  await page.getByLabel('Progress file to import').setInputFiles(path);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText(/^Imported 0 reviews from .+ and 1 mock interview\.$/)).toBeVisible();
  await expect(trend.getByText('1 mock; the latest scored 1.5 / 5.')).toBeVisible();
});
