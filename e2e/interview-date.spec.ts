import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// Tuesday 1 December 2026, 10:00 in London: the interview is two weeks later.
test.use({ timezoneId: 'Europe/London' });
const NOW = new Date('2026-12-01T10:00:00Z');

const dateInput = (page: Page) => page.getByLabel('Date of your interview');
const section = (page: Page) => page.getByRole('region', { name: 'Interview date' });
const planLine = (page: Page) => section(page).getByRole('paragraph').filter({ hasText: / a day until / });
const forecast = (page: Page) => page.getByRole('table', { name: /^Predicted recall on Tuesday 15 December/ });

async function setDate(page: Page, date: string) {
  await page.goto('progress/');
  await dateInput(page).fill(date);
  await section(page).getByRole('button', { name: 'Save date' }).click();
}

/** How many cards the cards page's Due queue brings today. */
async function dueQueueLength(page: Page): Promise<number> {
  await page.goto('python/cards/');
  const position = page.getByRole('paragraph').filter({ hasText: 'Left in this session' });
  await expect(position).toContainText(/New \d+/);
  const text = await position.innerText();
  return [...text.matchAll(/(?:Review|Learning|New) (\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
}

test.describe('on a fixed day', () => {
  test.beforeEach(async ({ page }) => {
    await page.clock.setFixedTime(NOW);
  });

  test('an interview date sets a daily plan, a forecast and the Due queue; clearing it restores the normal schedule', async ({ page }) => {
    // It visits five pages in turn: give it the time of three tests.
    test.slow();
    // Two cards learnt first, so the forecast has something to predict.
    await page.goto('python/cards/?queue=new');
    const heading = page.getByRole('article').getByRole('heading', { level: 2 });
    for (let i = 0; i < 2; i++) {
      await expect(heading).toBeVisible();
      const title = (await heading.textContent()) ?? '';
      await page.keyboard.press('Space');
      await page.keyboard.press('4');
      await expect(heading).not.toHaveText(title);
    }
    const normalQueue = await dueQueueLength(page);

    await setDate(page, '2026-12-15');
    await expect(section(page).getByRole('status')).toHaveText('Interview date saved. The daily plan now aims at it.');
    await expect(planLine(page)).toHaveText(
      /^\d+ a day until Tuesday 15 December\. In the 14 days left: \d+ cards to see for the first time, 2 reviews due, and 0 weak cards to go over again in the last days\.$/,
    );
    const overall = forecast(page).getByRole('row', { name: /^Overall/ });
    await expect(overall.getByRole('cell').first()).toHaveText(/^2 of \d+$/);
    const cards = Number((await overall.getByRole('cell').first().innerText()).replace(/^2 of /, ''));
    await expect(overall.getByRole('cell').nth(1)).toHaveText(/^[1-9]%$/);
    await expect(forecast(page).getByRole('columnheader', { name: 'Predicted recall' })).toBeVisible();

    // The page keeps the date over a reload, and the home page gives the plan in one line.
    await page.reload();
    await expect(dateInput(page)).toHaveValue('2026-12-15');
    await expect(planLine(page)).toBeVisible();
    await page.goto('');
    await expect(page.getByText(/^Interview plan: \d+ a day until Tuesday 15 December\.$/)).toBeVisible();

    // Today's share of the cards never reviewed: two of them were started today already.
    const share = Math.ceil(cards / 14);
    expect(await dueQueueLength(page)).toBe(share - 2);

    await page.goto('progress/');
    await section(page).getByRole('button', { name: 'Clear date' }).click();
    await expect(section(page).getByRole('status')).toHaveText('Interview date cleared. Cards are scheduled as usual again.');
    await expect(planLine(page)).toBeHidden();
    await expect(forecast(page)).toBeHidden();
    await expect(dateInput(page)).toHaveValue('');
    await expect(dateInput(page)).toBeFocused();
    await page.goto('');
    await expect(page.getByText(/^Interview plan:/)).toBeHidden();
    expect(await dueQueueLength(page)).toBe(normalQueue);
  });

  test('a day that has passed or no day at all is refused with a message', async ({ page }) => {
    await setDate(page, '2026-11-20');
    await expect(section(page).getByRole('status')).toHaveText('That day has passed: choose today or a day after it.');
    await expect(dateInput(page)).toBeFocused();
    await dateInput(page).fill('');
    await section(page).getByRole('button', { name: 'Save date' }).click();
    await expect(section(page).getByRole('status')).toHaveText('Enter the date of your interview, for example 15/12/2026.');
    await expect(planLine(page)).toBeHidden();
    expect(await page.evaluate(() => localStorage.getItem('recall:v2:settings'))).toBeNull();
  });

  test('on the day it wishes luck, and once it has passed the schedule is back to normal', async ({ page }) => {
    await setDate(page, '2026-12-03');
    await expect(planLine(page)).toHaveText(/^\d+ a day until Thursday 3 December\./);
    await page.clock.setFixedTime(new Date('2026-12-03T08:00:00Z'));
    await page.reload();
    await expect(section(page).getByRole('paragraph').filter({ hasText: 'Your interview is today, Thursday 3 December.' })).toBeVisible();
    await expect(page.getByRole('table', { name: /^Predicted recall on Thursday 3 December/ })).toBeVisible();
    await page.clock.setFixedTime(new Date('2026-12-04T08:00:00Z'));
    await page.reload();
    await expect(section(page).getByRole('paragraph').filter({ hasText: 'Your interview on Thursday 3 December has passed.' })).toBeVisible();
    await expect(page.getByRole('table', { name: /^Predicted recall/ })).toBeHidden();
    await expect(section(page).getByRole('button', { name: 'Clear date' })).toBeVisible();
    await page.goto('');
    await expect(page.getByRole('link', { name: 'Change the date' })).toBeHidden();
  });

  test('the export carries the interview date, and an import brings it back', async ({ page }) => {
    await setDate(page, '2026-12-15');
    await expect(planLine(page)).toBeVisible();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export progress' }).click();
    const path = await (await downloading).path();
    const file = JSON.parse(readFileSync(path, 'utf8')) as { settings?: { interviewDate?: string } };
    expect(file.settings?.interviewDate).toBe('2026-12-15');

    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await expect(planLine(page)).toBeHidden();
    await page.getByLabel('Progress file to import').setInputFiles(path);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dateInput(page)).toHaveValue('2026-12-15');
    await expect(planLine(page)).toHaveText(/ a day until Tuesday 15 December/);
  });
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`with a date set, ${scheme}`, () => {
    test.use({ colorScheme: scheme, viewport: { width: 360, height: 740 } });
    test('the progress and home pages have no accessibility violations and fit a phone', async ({ page }) => {
      // Two pages through axe: give it the time of three tests.
      test.slow();
      // The real clock here: axe's own timers do not run under a fixed one. The day is three weeks on.
      const day = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
      await setDate(page, day);
      await expect(planLine(page)).toBeVisible();
      for (const path of ['progress/', '']) {
        await page.goto(path);
        await expect(page.getByText(/ a day until /).first()).toBeVisible();
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${v.nodes[0]?.target.join(' ')})`)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      }
    });
  });
}
