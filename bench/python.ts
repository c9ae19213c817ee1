/**
 * `npm run bench:python`: Python in the page, measured in Chromium against the built site (run
 * `npm run build` first). A report, not a test. Prints Markdown:
 * 1. what a study page loads before any interaction, and what the first Run and first Edit add
 *    (raw and gzip bytes per file);
 * 2. time from the first click on Run to the first output and to the verdict, cold (empty
 *    cache) and warm (Python's files in the browser's cache, a new page);
 * 3. time per run once Python is loaded: the median of several runs of one example.
 * BENCH_PORT picks the preview port (default 4393); BENCH_RUNS the number of runs (default 9).
 */
import { spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { chromium, type Page, type Response } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/site.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4393);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const ORIGIN = `http://127.0.0.1:${PORT}/`;
const QUESTION = `${ORIGIN}python/q/plus-equals-on-aliased-list/`;
const VERDICT = /Matches the verified output|Differs|could not start/;

/** Starts `astro preview` on PORT and resolves once it answers. */
async function preview(): Promise<() => void> {
  const server = spawn('npm', ['run', 'preview', '--', '--host', '127.0.0.1', '--port', String(PORT), '--ignore-lock'], {
    env: { ...process.env, ASTRO_PREVIEW_BACKGROUND: '0' },
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(ORIGIN)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return () => process.kill(-server.pid!, 'SIGTERM');
}

interface Loaded {
  file: string;
  raw: number;
  gzip: number;
}

/** Collects every script, worker and Python file the page fetches from now on. */
function recordFiles(page: Page): { files: Loaded[]; settle(): Promise<void>; reset(): void } {
  let files: Loaded[] = [];
  let pending: Promise<void>[] = [];
  page.on('response', (response: Response) => {
    const url = response.url();
    if (!/\.(m?js|wasm|zip|json)$/.test(url.split('?')[0] ?? '') || response.status() !== 200) return;
    pending.push(
      response.body().then(
        (body) => void files.push({ file: url.replace(ORIGIN, '/').replace(/\.[\w-]{8}\.js$/, '.js'), raw: body.length, gzip: gzipSync(body).length }),
        () => {},
      ),
    );
  });
  return {
    get files() {
      return files;
    },
    settle: async () => {
      await Promise.all(pending);
    },
    reset: () => {
      files = [];
      pending = [];
    },
  };
}

const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MB` : `${(n / 1024).toFixed(1)} KB`);
const total = (files: Loaded[], key: 'raw' | 'gzip') => files.reduce((n, f) => n + f[key], 0);

function table(title: string, files: Loaded[]) {
  console.log(`\n### ${title}\n`);
  console.log('| file | raw | gzip |');
  console.log('|---|---:|---:|');
  for (const f of files) console.log(`| \`${f.file}\` | ${kb(f.raw)} | ${kb(f.gzip)} |`);
  console.log(`| **total** | **${kb(total(files, 'raw'))}** | **${kb(total(files, 'gzip'))}** |`);
}

/** Clicks Run on the first example and times the first output and the verdict. */
async function timeRun(page: Page): Promise<{ output: number; verdict: number }> {
  const block = page.locator('python-run').first();
  const start = Date.now();
  await block.getByRole('button', { name: 'Run', exact: true }).click();
  await block.locator('.run-output pre span').first().waitFor({ timeout: 300_000 });
  const output = Date.now() - start;
  await block.getByRole('status').filter({ hasText: VERDICT }).waitFor({ timeout: 300_000 });
  return { output, verdict: Date.now() - start };
}

async function openQuestion(page: Page) {
  await page.goto(QUESTION);
  await page.getByText('Show answer').click();
}

const stop = await preview();
const browser = await chromium.launch({ ...(CHROMIUM_PATH ? { executablePath: CHROMIUM_PATH } : {}), args: CHROMIUM_ARGS });
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  const files = recordFiles(page);

  await page.goto(`${ORIGIN}python/`);
  await page.waitForLoadState('networkidle');
  await files.settle();
  const studyJs = files.files.filter((f) => f.file.endsWith('.js'));
  console.log('## Python in the page (`npm run bench:python`)');
  table('A study page before any interaction (all its JavaScript)', studyJs);

  files.reset();
  await openQuestion(page);
  await page.waitForLoadState('networkidle');
  files.reset();
  const cold = await timeRun(page);
  await files.settle();
  table('Added by the first Run (runner, worker, Pyodide)', files.files);

  files.reset();
  await page.locator('python-run').first().getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByRole('textbox', { name: 'Python code (editable)' }).first().waitFor();
  await page.waitForLoadState('networkidle');
  await files.settle();
  table('Added by the first Edit (the editor)', files.files);
  await page.locator('python-run').first().getByRole('button', { name: 'Reset', exact: true }).click();

  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await timeRun(page)).verdict);
  times.sort((a, b) => a - b);

  const warmPage = await context.newPage();
  await openQuestion(warmPage);
  const warm = await timeRun(warmPage);

  console.log('\n### Time to the first output\n');
  console.log('| first Run | first output | verdict shown |');
  console.log('|---|---:|---:|');
  console.log(`| cold (empty cache) | ${(cold.output / 1000).toFixed(1)} s | ${(cold.verdict / 1000).toFixed(1)} s |`);
  console.log(`| warm (files cached, new page) | ${(warm.output / 1000).toFixed(1)} s | ${(warm.verdict / 1000).toFixed(1)} s |`);
  console.log(`\nOnce loaded, one run (click to verdict), median of ${RUNS}: ${times[Math.floor(times.length / 2)]} ms (fastest ${times[0]} ms, slowest ${times.at(-1)} ms).`);
} finally {
  await browser.close();
  stop();
}
