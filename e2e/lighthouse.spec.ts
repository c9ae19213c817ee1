import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';

/** One page of every template. Performance is left to `npm run bench`: it depends on timing. */
const TEMPLATES = {
  home: '',
  study: 'python/',
  question: 'python/q/plus-equals-on-aliased-list/',
  topics: 'python/topics/',
  topic: 'python/topics/objects/',
  search: 'search/?q=closure',
  cards: 'python/cards/',
  progress: 'progress/',
};
const CATEGORIES = ['accessibility', 'best-practices', 'seo'];
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => Boolean(p && existsSync(p)));

test.describe('Lighthouse', { tag: '@site-wide' }, () => {
  for (const [name, path] of Object.entries(TEMPLATES)) {
    test(`${name} scores 100 for accessibility, best practices and SEO`, async ({ baseURL }, testInfo) => {
      test.setTimeout(90_000);
      // Lighthouse drives its own Chromium over the DevTools protocol: one port per worker.
      const port = 9420 + testInfo.workerIndex;
      const browser = await chromium.launch({
        ...(CHROMIUM ? { executablePath: CHROMIUM } : {}),
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', `--remote-debugging-port=${port}`],
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
