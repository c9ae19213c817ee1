import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

// Loading Python compiles ~10 MB of WebAssembly: on a busy two-core machine that can take a minute.
const LOAD = { timeout: 150_000 };
const QUESTION = 'python/q/plus-equals-on-aliased-list/';

/** Records CSP violations and requests for anything of Python (the runtime, the worker, the runner). */
async function watch(page: Page) {
  const python: string[] = [];
  page.on('request', (request) => {
    if (/\/pyodide\/|python-worker|python-runner|code-editor/.test(request.url())) python.push(request.url());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return {
    python,
    violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  };
}

/**
 * Replaces the editor's code as a learner would paste it. (Select-all and typing over highlighted
 * code makes Chromium's own editing try an inline style to keep the colour, which the CSP refuses
 * harmlessly; pasting goes through the editor's handler and adds nothing.)
 */
async function paste(page: Page, editor: Locator, code: string) {
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await editor.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('ControlOrMeta+v');
  await expect(editor).toHaveText(code.replaceAll('\n', ''));
}

/** The first example of the question page: its block, buttons and status line. */
function firstExample(page: Page) {
  const block = page.locator('python-run').first();
  return {
    block,
    run: block.getByRole('button', { name: 'Run', exact: true }),
    stop: block.getByRole('button', { name: 'Stop', exact: true }),
    edit: block.getByRole('button', { name: 'Edit', exact: true }),
    reset: block.getByRole('button', { name: 'Reset', exact: true }),
    status: block.getByRole('status'),
    output: block.getByRole('figure', { name: /^Output of / }).locator('pre'),
    editor: block.getByRole('textbox', { name: 'Python code (editable)' }),
  };
}

test('Run prints the verified output and says so; Edit runs the edited code; Reset restores it', async ({ page }) => {
  test.setTimeout(300_000);
  const seen = await watch(page);
  await page.goto(QUESTION);
  await page.getByText('Show answer').click();
  const example = firstExample(page);
  await expect(example.run).toBeVisible();
  await expect(example.block.getByText('Verified on Python')).toBeVisible();
  expect(seen.python, 'nothing of Python loads before the first Run').toEqual([]);

  await example.run.click();
  await expect(example.status).toContainText('Loading Python 3.14 (about 6 MB, once)');
  await expect(example.status).toContainText('Matches the verified output.', LOAD);
  await expect(example.output).toHaveText('[1, 2, 3]\n[1, 2, 3, 4] [1, 2, 3]\nFalse\n');
  expect(seen.python.some((url) => url.endsWith('pyodide.asm.wasm'))).toBe(true);

  // Edit: a real editor takes the code's place; Ctrl+Enter runs what is typed.
  await example.edit.click();
  await expect(example.editor).toBeFocused();
  await paste(page, example.editor, 'print("edited", 6 * 7)');
  await page.keyboard.press('Control+Enter');
  await expect(example.status).toContainText('Your edited code finished.', LOAD);
  await expect(example.output).toHaveText('edited 42\n');

  // asyncio.run blocks on the event loop: Chromium has the JSPI it needs.
  await paste(page, example.editor, 'import asyncio\n\nasync def main():\n    await asyncio.sleep(0.01)\n    return "async ok"\n\nprint(asyncio.run(main()))');
  await example.run.click();
  await expect(example.status).toContainText('Your edited code finished.', LOAD);
  await expect(example.output).toHaveText('async ok\n');

  // A second example runs on the same, already loaded Python.
  const second = page.locator('python-run').nth(1);
  await second.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(second.getByRole('status')).toContainText('Matches the verified output.', LOAD);
  await expect(second.getByRole('figure', { name: /^Output of / })).toContainText("TypeError: 'tuple' object does not support item assignment");

  // Buttons, editor, output and status pass axe like the rest of the page.
  const axe = await new AxeBuilder({ page }).include('python-run').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target.join(' ')})`)).toEqual([]);

  await example.reset.click();
  await expect(example.editor).toHaveCount(0);
  await expect(example.block.locator('pre').first()).toContainText('b += [3]');
  await expect(example.status).toHaveText('Restored the original code.');
  await expect(example.edit).toBeVisible();
  await example.run.click();
  await expect(example.status).toContainText('Matches the verified output.', LOAD);
  expect(await seen.violations()).toEqual([]);
});

test('a runaway loop is stopped, by Stop or by the time limit, and the next Run works', async ({ page }) => {
  test.setTimeout(600_000);
  const seen = await watch(page);
  await page.goto(QUESTION);
  await page.getByText('Show answer').click();
  const example = firstExample(page);
  await example.edit.click();
  await paste(page, example.editor, 'n = 0\nwhile True:\n    n += 1');

  // Stop: Run turns into Stop, which ends the worker at once (here while Python still loads).
  await example.run.click();
  await expect(example.stop).toBeFocused();
  await example.stop.click();
  await expect(example.status).toHaveText('Stopped. Python was restarted, so the next Run starts fresh.');
  await expect(example.run).toBeFocused();

  // The time limit: the loop runs until the worker is ended; the page's own thread stays free.
  await example.run.click();
  await expect(example.status).toContainText('Running…', LOAD);
  expect(await page.evaluate(() => document.title)).toContain('Recall');
  await expect(example.status).toContainText('Stopped after 10 s: the code was still running', LOAD);
  await expect(example.run).toBeVisible();

  // A fresh Python runs the next example from a clean slate.
  await example.reset.click();
  await example.run.click();
  await expect(example.status).toContainText('Matches the verified output.', LOAD);
  expect(await seen.violations()).toEqual([]);
});

test('a block that cannot run in the browser has Copy but no Run', async ({ page }) => {
  await page.goto('python/q/flask-vs-django-vs-fastapi/');
  await page.getByText('Show answer').click();
  const block = page.locator('python-run[data-run="none"]').first();
  await expect(block.getByText(/^Not run: /)).toBeVisible();
  await expect(block.getByRole('button', { name: 'Run' })).toHaveCount(0);
  await expect(block.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await block.getByRole('button', { name: 'Copy' }).click();
  await expect(block.getByRole('status')).toHaveText('Copied to the clipboard.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await block.locator('pre').textContent());
});

test("the page's own policy still forbids WebAssembly: Python runs only in its worker", async ({ page }) => {
  await page.goto(QUESTION);
  const compiled = await page.evaluate(() =>
    WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(
      () => 'compiled',
      (error: Error) => error.name,
    ),
  );
  expect(compiled).toBe('CompileError');
});

test('with JavaScript off, code and verified output are there, with no dead buttons', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(QUESTION);
  await page.getByText('Show answer').click();
  const block = page.locator('python-run').first();
  await expect(block.locator('pre').first()).toContainText('b += [3]');
  await expect(block.getByText('Output', { exact: true })).toBeVisible();
  await expect(block.getByText(/^Verified on Python /)).toBeVisible();
  await expect(page.getByRole('button', { name: /^(Run|Copy|Edit)$/ })).toHaveCount(0);
  await context.close();
});

test('the back of a flashcard runs its example too', async ({ page }) => {
  test.setTimeout(300_000);
  const seen = await watch(page);
  await page.goto('python/cards/?queue=all&topic=objects');
  await page.getByRole('button', { name: /Show answer/ }).click();
  const example = firstExample(page);
  await expect(example.run).toBeVisible();
  expect(seen.python).toEqual([]);
  await example.run.click();
  await expect(example.status).toContainText('Matches the verified output', LOAD);
  expect(await seen.violations()).toEqual([]);
});
