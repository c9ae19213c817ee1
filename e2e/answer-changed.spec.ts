import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { serveSite } from './static-server.ts';

// Two real builds of a two-question deck: before and after an author edits one answer.
test.describe.configure({ timeout: 240_000 });

const QUESTION = 'plus-equals-on-aliased-list';

/** Builds the site from `content` into `out` (its own cache, so the two builds cannot mix). */
function build(content: string, out: string): void {
  execFileSync('npm', ['run', 'build', '--silent'], {
    env: { ...process.env, RECALL_BASE: '/', RECALL_CONTENT_DIR: content, RECALL_OUT_DIR: out, RECALL_CACHE_DIR: `${out}-cache`, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  });
}

test('an answer edited after the learner studied it says what changed, and can be re-learned @site-wide', async ({ browser }) => {
  const work = mkdtempSync(join(tmpdir(), 'recall-changed-'));
  const content = join(work, 'content');
  mkdirSync(join(content, 'python'), { recursive: true });
  for (const file of ['deck.yaml', `${QUESTION}.md`, 'late-binding-closures.md']) cpSync(join('content/python', file), join(content, 'python', file));
  build(content, join(work, 'before'));
  // The author rewrites the short answer and fixes the case of a word in the explanation (not worth a notice).
  const path = join(content, 'python', `${QUESTION}.md`);
  const text = readFileSync(path, 'utf8');
  const edited = text.replace(/^short: .*$/m, 'short: "An edited short answer: `+=` calls `__iadd__`, which mutates the list in place."');
  expect(edited).not.toBe(text);
  writeFileSync(path, edited);
  build(content, join(work, 'after'));

  let site = join(work, 'before');
  const { server, origin } = await serveSite(() => site, '/');
  // No service worker here: it would keep serving the first build from its cache.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/python/q/${QUESTION}/`);
    await page.getByText('Show answer').click();
    await page.getByRole('button', { name: 'Knew it' }).first().click();
    await expect(page.getByText(/This answer changed since you studied it/)).toBeHidden();

    site = join(work, 'after');
    await page.reload();
    const notice = page.getByText(/This answer changed since you studied it on .+: the short answer\.$/);
    await expect(notice).toBeVisible();
    await page.goto(`${origin}/progress/`);
    await expect(page.getByRole('heading', { name: 'Answers changed since you studied them' })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: 'the short answer changed' })).toBeVisible();

    // The back of its flashcard says so too (cram: the schedule stays as it is).
    await page.goto(`${origin}/python/cards/?queue=all&topic=objects`);
    await page.getByRole('button', { name: /Show answer/ }).click();
    await expect(page.getByText(/This answer changed since you studied it on .+: the short answer\. Rate it/)).toBeVisible();

    await page.goto(`${origin}/python/q/${QUESTION}/`);
    await page.getByRole('button', { name: 'Re-learn it' }).click();
    await expect(notice).toBeHidden();
    await expect(page.getByText('Marked to re-learn: it is due again.')).toBeAttached();
    const latest = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith('recall:v2:review:'))
        .map((k) => JSON.parse(localStorage.getItem(k)!) as { at: number; grade: string })
        .sort((a, b) => a.at - b.at)
        .at(-1),
    );
    expect(latest?.grade).toBe('again');
    await page.reload();
    await expect(notice).toBeHidden();
  } finally {
    await context.close();
    server.close();
    rmSync(work, { recursive: true, force: true });
  }
});
