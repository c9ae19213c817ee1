/**
 * `npm run bench`: the site's budgets, measured. A report, not a test. Needs a build in dist/
 * (run `npm run build` first) and Chromium. Prints Markdown tables:
 * 1. Lighthouse (mobile) scores for each page template;
 * 2. JavaScript and CSS bytes each template loads before any interaction (raw and gzip);
 * 3. build time and peak memory for synthetic decks of 100, 1,000 and 5,000 questions, with a
 *    cold and a warm content cache, and the cost per question.
 * `npm run bench -- --skip-build` leaves out part 3, which takes several minutes;
 * `--skip-pages` leaves out parts 1 and 2.
 */
import { execFileSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, TEMPLATES } from '../e2e/site.ts';
import { syntheticDeck, timedBuild } from './synthetic-build.ts';

const PORT = 4391;
const ORIGIN = `http://127.0.0.1:${PORT}/`;
/** Starts `astro preview` on PORT and resolves once it answers. */
async function preview(): Promise<() => void> {
  const server = spawn('npm', ['run', 'preview', '--', '--host', '127.0.0.1', '--port', String(PORT), '--ignore-lock'], {
    env: { ...process.env, ASTRO_PREVIEW_BACKGROUND: '0' },
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(ORIGIN)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return () => process.kill(-server.pid!, 'SIGTERM');
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function pageBudgets() {
  const stop = await preview();
  const port = 9391;
  const browser = await chromium.launch({ ...(CHROMIUM_PATH ? { executablePath: CHROMIUM_PATH } : {}), args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`] });
  try {
    console.log('## Lighthouse (mobile)\n');
    console.log('| template | performance | accessibility | best practices | SEO |');
    console.log('|---|---:|---:|---:|---:|');
    for (const [name, path] of Object.entries(TEMPLATES)) {
      const result = await lighthouse(`${ORIGIN}${path}`, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
      const c = result?.lhr.categories ?? {};
      const score = (k: string) => Math.round((c[k]?.score ?? 0) * 100);
      console.log(`| ${name} | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} | ${score('seo')} |`);
    }

    console.log('\n## Bytes loaded before any interaction\n');
    console.log('| template | JS raw | JS gzip | CSS raw | CSS gzip |');
    console.log('|---|---:|---:|---:|---:|');
    for (const [name, path] of Object.entries(TEMPLATES)) {
      // A fresh context per template: an empty cache, so every file counts.
      const context = await browser.newContext();
      const page = await context.newPage();
      const bodies: { type: string; body: Buffer }[] = [];
      const pending: Promise<void>[] = [];
      page.on('response', (response) => {
        const type = response.request().resourceType();
        // Redirects carry no body; what they lead to is counted as its own response.
        if ((type === 'script' || type === 'stylesheet') && response.status() === 200) {
          pending.push(response.body().then((body) => void bodies.push({ type, body })));
        }
      });
      await page.goto(`${ORIGIN}${path}`, { waitUntil: 'networkidle' });
      await Promise.all(pending);
      // Inline scripts and styles count too.
      const inline = await page.evaluate(() => ({
        js: [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '').join(''),
        css: [...document.querySelectorAll('style')].map((s) => s.textContent ?? '').join(''),
      }));
      const sum = (type: string, extra: string) => {
        const raw = Buffer.concat([...bodies.filter((b) => b.type === type).map((b) => b.body), Buffer.from(extra)]);
        return { raw: raw.length, gzip: bodies.filter((b) => b.type === type).reduce((n, b) => n + gzipSync(b.body).length, 0) + (extra ? gzipSync(extra).length : 0) };
      };
      const js = sum('script', inline.js);
      const css = sum('stylesheet', inline.css);
      console.log(`| ${name} | ${kb(js.raw)} | ${kb(js.gzip)} | ${kb(css.raw)} | ${kb(css.gzip)} |`);
      await context.close();
    }
  } finally {
    await browser.close();
    stop();
  }
}

function buildBudgets() {
  console.log('\n## Build time and peak memory\n');
  console.log(`Synthetic decks (copies of the real questions under new ids), ${availableParallelism()} cores.\n`);
  console.log('| questions | pages | cold build | warm build | peak memory (cold) | per question (cold) |');
  console.log('|---:|---:|---:|---:|---:|---:|');
  for (const size of [100, 1_000, 5_000]) {
    const content = syntheticDeck(size);
    const out = join(content, 'dist');
    const cache = join(content, 'cache');
    const cold = timedBuild('.', content, out, cache);
    const warm = timedBuild('.', content, out, cache);
    const pages = execFileSync('find', [out, '-name', '*.html'], { encoding: 'utf8' }).trim().split('\n').length;
    console.log(
      `| ${size.toLocaleString('en')} | ${pages.toLocaleString('en')} | ${cold.seconds.toFixed(1)} s | ${warm.seconds.toFixed(1)} s | ${cold.peakMb.toFixed(0)} MB | ${((cold.seconds * 1000) / size).toFixed(1)} ms |`,
    );
    rmSync(content, { recursive: true, force: true });
  }
}

console.log(`# Recall budgets — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}\n`);
if (!process.argv.includes('--skip-pages')) await pageBudgets();
if (!process.argv.includes('--skip-build')) buildBudgets();
