import { expect, test } from '@playwright/test';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, TEMPLATES } from './site.ts';

/** Performance is left to `npm run bench`: it depends on timing. */
const CATEGORIES = ['accessibility', 'best-practices', 'seo'];

test.describe('Lighthouse', { tag: '@site-wide' }, () => {
  for (const [name, path] of Object.entries(TEMPLATES)) {
    test(`${name} scores 100 for accessibility, best practices and SEO`, async ({ baseURL }, testInfo) => {
      test.setTimeout(90_000);
      // Lighthouse drives its own Chromium over the DevTools protocol: one port per worker.
      const port = 9420 + testInfo.workerIndex;
      const browser = await chromium.launch({
        ...(CHROMIUM_PATH ? { executablePath: CHROMIUM_PATH } : {}),
        args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`],
      });
      try {
        const result = await lighthouse(`${baseURL}${path}`, { port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
        const lhr = result?.lhr;
        expect(lhr, 'Lighthouse produced a report').toBeDefined();
        const failing = CATEGORIES.flatMap((id) =>
          (lhr?.categories[id]?.auditRefs ?? [])
            .map((ref) => lhr?.audits[ref.id])
            .filter((audit) => audit && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'manual')
            .map((audit) => `${id}: ${audit?.id}: ${audit?.title}`),
        );
        expect(failing).toEqual([]);
        for (const id of CATEGORIES) expect(Math.round((lhr?.categories[id]?.score ?? 0) * 100), id).toBe(100);
      } finally {
        await browser.close();
      }
    });
  }
});
