import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { serveSite } from './static-server.ts';

// The first visit downloads the whole site into the cache (about 8 MB), which takes a while on a busy machine.
test.describe.configure({ timeout: 120_000 });

const base = process.env.RECALL_BASE ?? '/';
const outDir = process.env.RECALL_OUT_DIR ?? 'dist';

/** Resolves once a service worker controls the site and has precached it. */
async function ready(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active?.state;
  });
}

test('after one visit, pages never visited work offline: question, search, cards, not found', async ({ page, context }) => {
  await page.goto('');
  await ready(page);
  await context.setOffline(true);

  await page.goto('python/q/late-binding-closures/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('lambda');

  await page.goto('search/?q=closure');
  await expect(page.getByRole('link', { name: /closure/i }).first()).toBeVisible();

  await page.goto('python/cards/');
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('heading', { name: 'Short answer' })).toBeVisible();

  await page.goto('python/no-such-page/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/not found/i);
});

test('a browser without service workers sees no notice and no error', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ serviceWorkers: 'block', ...(baseURL ? { baseURL } : {}) });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('python/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText('A new version of Recall is ready')).toBeHidden();
  expect(errors).toEqual([]);
  await context.close();
});

test('a new deployment is offered, not forced, and progress survives the reload', async ({ browser }) => {
  const site = mkdtempSync(join(tmpdir(), 'recall-site-'));
  cpSync(outDir, site, { recursive: true });
  const { server, origin } = await serveSite(() => site, base);
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${origin}${base}`);
    await ready(page);
    await page.evaluate(() => localStorage.setItem('recall:test-marker', 'kept'));
    await page.reload();
    expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await expect(page.getByText('A new version of Recall is ready')).toBeHidden();

    // The next build: any change to sw.js (its precache list changes with any content) is a new version.
    appendFileSync(join(site, 'sw.js'), '\n// next build\n');
    await page.reload();
    const notice = page.getByText('A new version of Recall is ready');
    await expect(notice).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Later' }).click();
    await expect(notice).toBeHidden();

    await page.reload();
    await expect(notice).toBeVisible({ timeout: 30_000 });
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
    await expect(notice).toBeHidden();
    expect(await page.evaluate(() => localStorage.getItem('recall:test-marker'))).toBe('kept');
  } finally {
    await context.close();
    server.close();
    rmSync(site, { recursive: true, force: true });
  }
});
