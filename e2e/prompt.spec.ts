import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { Flashcard, FlashcardDeck } from '../src/lib/flashcards.ts';
import { parseYaml, splitFrontmatter } from '../src/lib/question-file.ts';
import type { PromptData } from '../src/schemas/prompt.ts';

/** A question's prompt as its file has it. */
function promptOf(id: string): PromptData {
  const { yaml } = splitFrontmatter(readFileSync(`content/python/${id}.md`, 'utf8'));
  const parsed = parseYaml(yaml ?? '');
  if (!parsed.ok) throw new Error(parsed.reason);
  return (parsed.data as { prompt: PromptData }).prompt;
}

const ID = 'plus-equals-on-aliased-list';
const PROMPT = promptOf(ID);
/** toHaveText compares with whitespace collapsed, so the code is compared line by line instead. */
const codeLines = (code: string) => code.trimEnd().split('\n');
const promptCode = (scope: Locator | Page) => scope.locator('.prompt-code pre').first();
const lineTexts = (pre: Locator) => pre.locator('.line').allTextContents();
const prediction = (scope: Locator | Page) => scope.getByRole('textbox', { name: 'What will it print?' });
const diffLines = (scope: Locator | Page) => scope.getByRole('list', { name: 'Your prediction, line by line' }).getByRole('listitem');

test('the question page shows the prompt code under the title, and not its output', async ({ page }) => {
  await page.goto(`python/q/${ID}/`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('What does this code print');
  await expect(promptCode(page)).toBeVisible();
  expect(await lineTexts(promptCode(page))).toEqual(codeLines(PROMPT.code));
  await expect(page.getByText('[1, 2, 3, 4] [1, 2, 3]', { exact: true })).toBeHidden();
});

test('a wrong prediction shows the difference line by line when the answer opens', async ({ page }) => {
  // axe over a whole card takes long on a busy machine.
  test.slow();
  await page.goto(`python/q/${ID}/`);
  const card = page.getByRole('article');
  await prediction(card).fill('[1, 2]\n[1,2,3,4]  [1,2,3]');
  await expect(card.locator('predict-output').getByRole('status')).toHaveText('');
  await card.getByText('Show answer').click();
  await expect(card.locator('predict-output').getByRole('status')).toHaveText('Not quite: 1 of 2 lines right, 1 missing, 1 not printed.');
  await expect(diffLines(card)).toHaveText(['Missing: [1, 2, 3]', 'Not printed: [1, 2]', 'Right: [1, 2, 3, 4] [1, 2, 3]']);
  // The verified output is now shown in the answer.
  await expect(card.getByRole('figure').filter({ hasText: 'Output' }).first()).toContainText('[1, 2, 3, 4] [1, 2, 3]');
  const results = await new AxeBuilder({ page }).include('article').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('a correct prediction, typed and revealed with the keyboard only, says it matches', async ({ page }) => {
  await page.goto(`python/q/${ID}/`);
  const card = page.getByRole('article');
  await prediction(card).focus();
  await page.keyboard.type(PROMPT.output);
  await page.keyboard.press('Tab');
  await expect(card.locator('summary')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(card.locator('predict-output').getByRole('status')).toHaveText('Your prediction matches the output.');
  await expect(diffLines(card)).toHaveText(codeLines(PROMPT.output).map((line) => `Right: ${line}`));
});

test('naming the exception is enough for the traceback line of code that raises', async ({ page }) => {
  await page.goto('python/q/unboundlocalerror-global-nonlocal/');
  const card = page.getByRole('article');
  await prediction(card).fill('UnboundLocalError');
  await card.getByText('Show answer').click();
  await expect(card.locator('predict-output').getByRole('status')).toHaveText('Your prediction matches the output.');
});

test('the study page and the topic page show the prompt code under the title', async ({ page }) => {
  await page.goto(`python/q/${ID}/`);
  await page.getByRole('link', { name: /^Page \d+$/ }).click();
  const card = page.getByRole('article').filter({ has: page.getByRole('heading', { name: /b \+= \[3\]/ }) });
  await expect(promptCode(card)).toBeVisible();
  expect(await lineTexts(promptCode(card))).toEqual(codeLines(PROMPT.code));
  await expect(prediction(card)).toBeVisible();

  await page.goto('python/topics/objects/');
  const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /b \+= \[3\]/ }) });
  await expect(promptCode(item)).toBeVisible();
  expect(await lineTexts(promptCode(item))).toEqual(codeLines(PROMPT.code));
});

test('a flashcard shows the prompt code on its front and compares the typed prediction on its back', async ({ page }) => {
  const response = await page.request.get('python/cards.json');
  const cards = ((await response.json()) as FlashcardDeck).cards.filter((c: Flashcard) => c.tags.includes('gotcha'));
  expect(cards.every((c) => c.prompt)).toBe(true);
  const first = cards[0];
  if (!first?.prompt) throw new Error('the first gotcha card has no prompt code');
  const id = first.id.split('/')[1] ?? '';
  const prompt = promptOf(id);

  await page.goto('python/cards/?queue=all&tag=gotcha');
  const card = page.getByRole('article');
  await expect(promptCode(card)).toBeVisible();
  expect(await lineTexts(promptCode(card))).toEqual(codeLines(prompt.code));
  await expect(card.getByRole('figure')).toBeHidden();
  const typed = card.getByRole('textbox', { name: /What will it print\?/ });
  await typed.fill(prompt.output);
  await page.getByRole('button', { name: /Show answer/ }).click();
  await expect(card.getByText('Your prediction matches the output.')).toBeVisible();
  // The prompt's output comes first; the card's example (with its own output) follows the key points.
  await expect(card.getByRole('figure').filter({ hasText: 'Output' }).first()).toContainText(codeLines(prompt.output)[0] ?? '');
  await expect(typed).toBeHidden();

  // The next card starts clean: a wrong guess there is shown as wrong.
  await page.keyboard.press('3');
  await expect(card.getByRole('heading', { level: 2 })).not.toHaveText(first.title.map((part) => part.text).join(''));
  const title = await card.getByRole('heading', { level: 2 }).textContent();
  const shown = cards.find((c) => c.title.map((part) => part.text).join('') === title);
  const next = promptOf(shown?.id.split('/')[1] ?? '');
  expect(await lineTexts(promptCode(card))).toEqual(codeLines(next.code));
  await expect(card.getByRole('figure')).toBeHidden();
  await card.getByRole('textbox', { name: /What will it print\?/ }).fill('nothing at all');
  await page.getByRole('button', { name: /Show answer/ }).click();
  await expect(card.getByText(/^Not quite: 0 of \d+ lines? right/)).toBeVisible();
  await expect(diffLines(card).filter({ hasText: 'Not printed: nothing at all' })).toHaveCount(1);
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('the prompt code and its output are readable, and the prediction box is not offered', async ({ page }) => {
    await page.goto(`python/q/${ID}/`);
    await expect(promptCode(page)).toBeVisible();
    await expect(prediction(page)).toHaveCount(0);
    await page.getByText('Show answer').click();
    await expect(page.getByRole('figure').filter({ hasText: 'Output' }).first()).toContainText('[1, 2, 3, 4] [1, 2, 3]');
  });
});
