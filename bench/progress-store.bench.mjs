// Measures the progress store in a real Chromium: how long reading N reviews takes, and how many
// reviews fit before localStorage is full. Run: node bench/progress-store.bench.mjs
// (needs /usr/bin/chromium or CHROMIUM_PATH). Prints one line per measurement.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/site.ts';

const bundle = await build({
  entryPoints: ['src/lib/progress-store.ts'],
  bundle: true,
  format: 'iife',
  globalName: 'progressStore',
  write: false,
});
const browser = await chromium.launch({ ...(CHROMIUM_PATH ? { executablePath: CHROMIUM_PATH } : {}), args: CHROMIUM_ARGS });
const page = await browser.newPage();
// localStorage needs a real origin: serve an empty page for one.
await page.route('http://bench.local/', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }));
await page.goto('http://bench.local/');
await page.addScriptTag({ content: bundle.outputFiles[0].text });

const result = await page.evaluate(() => {
  const { ProgressStore } = globalThis.progressStore;
  const store = new ProgressStore(localStorage);
  const lines = [];
  const review = (i) => ({ id: `python/question-number-${i % 150}`, at: 1763731200000 + i * 60000, grade: 'good', source: 'cards', fp: '1a2b3c4d' });
  let added = 0;
  for (const n of [1000, 5000, 20000]) {
    while (added < n) store.addReview(review(added++));
    const times = [];
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      store.reviews();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    lines.push(`read ${n} reviews: median ${times[2].toFixed(1)} ms`);
  }
  const key = localStorage.key(0);
  const size = key.length + localStorage.getItem(key).length;
  for (;;) {
    const result = store.addReview(review(added));
    if (!result.ok) {
      lines.push(`storage full after ${added} reviews (about ${size} characters a review): reason "${result.reason}"`);
      break;
    }
    added++;
  }
  lines.push(`still readable when full: ${store.reviews().length} reviews`);
  return lines;
});
for (const line of result) console.log(line);
await browser.close();
