/**
 * `npm run check:snippets`: runs every ```python block of every question, and each question's
 * prompt code, and compares its output with the output shown for it. Blocks run on Pyodide
 * (Python 3.14 in WebAssembly, what learners run them on in the page), one interpreter per hash
 * seed reused for every block; blocks marked `native="reason"` run on the system python3 in a
 * fresh process. Prints each failure as `file:line` with the expected and actual output, then
 * totals. Exits 1 on any failure, when more than 10% of blocks are `norun`, or when Pyodide is
 * not the version package.json pins or does not run the Python the deck says it is verified on.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { PyodideRunner, type ChildReady } from '../lib/pyodide-runner.ts';
import { checkSnippet, mapLimit, nativeRunners, snippetsOf, type Snippet } from '../lib/snippet-check.ts';
import { CONTENT_DIR, deckFolders, questionFiles } from './content-files.ts';

/** At most this share of blocks may be marked norun. */
const MAX_NORUN_SHARE = 0.1;
/** The two hash seeds every block runs under, so output that depends on str hashing fails here. */
const HASH_SEEDS = ['1', '2'];

const started = performance.now();
const pyodideRunners = HASH_SEEDS.map((seed) => new PyodideRunner(seed));
let loaded: ChildReady[];
try {
  loaded = await Promise.all(pyodideRunners.map((runner) => runner.start()));
} catch (error) {
  console.error(`check:snippets: ${error instanceof Error ? error.message : String(error)}`);
  for (const runner of pyodideRunners) runner.close();
  process.exit(1);
}
const ready = loaded[0]!;
const pinned = (JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }).dependencies.pyodide;
let refused = false;
if (ready.pyodideVersion !== pinned) {
  console.error(`node_modules/pyodide is Pyodide ${ready.pyodideVersion}, but package.json pins ${pinned}: run npm ci`);
  refused = true;
}

const python = process.env.PYTHON ?? 'python3';
let nativeVersion: string | undefined;
const snippets: Snippet[] = [];
for (const deckName of deckFolders()) {
  const deckDir = join(CONTENT_DIR, deckName);
  const deckPath = join(deckDir, 'deck.yaml');
  const verifiedOn = existsSync(deckPath) ? String((load(readFileSync(deckPath, 'utf8')) as { verifiedOn?: unknown }).verifiedOn ?? '') : '';
  if (verifiedOn && !ready.pythonVersion.startsWith(`${verifiedOn}.`)) {
    console.error(
      `${deckPath}: verifiedOn: the deck says its examples are verified on Python ${verifiedOn}, but Pyodide ${ready.pyodideVersion} runs Python ${ready.pythonVersion}`,
    );
    refused = true;
  }
  snippets.push(...questionFiles(deckDir).flatMap((file) => snippetsOf(file.path, file.text)));
}
if (snippets.some((snippet) => snippet.native !== undefined)) {
  nativeVersion = execFileSync(python, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], { encoding: 'utf8' }).trim();
}

const interpreters = { pyodide: pyodideRunners, native: nativeRunners(python, HASH_SEEDS) };
// A block runs on both seeds at once, so one block at a time keeps both cores busy; a second in
// flight is queued by each runner (its time limit starts only when it runs) and keeps them fed.
const verdicts = await mapLimit(snippets, 2, (snippet) => checkSnippet(snippet, interpreters));
for (const runner of pyodideRunners) runner.close();

const count = { pyodide: 0, native: 0, norun: 0, passed: 0, failed: 0 };
verdicts.forEach((verdict, i) => {
  const snippet = snippets[i]!;
  if (verdict.status === 'norun') count.norun++;
  else if (snippet.native !== undefined) count.native++;
  else count.pyodide++;
  if (verdict.status === 'passed') count.passed++;
  if (verdict.status === 'failed') {
    count.failed++;
    console.error(`\n${snippet.path}:${snippet.line}: ${snippet.prompt ? 'prompt code: ' : ''}${verdict.reason}`);
    if (verdict.expected !== undefined) console.error(`--- expected\n${verdict.expected.trimEnd()}`);
    if (verdict.actual !== undefined) console.error(`--- actual\n${verdict.actual.trimEnd()}`);
  }
});

const total = snippets.length;
const norunShare = total ? count.norun / total : 0;
const norunTooMany = norunShare > MAX_NORUN_SHARE;
if (norunTooMany) console.error(`\n${count.norun} of ${total} blocks are norun (${(norunShare * 100).toFixed(1)}%); at most 10% may be`);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `\ncheck:snippets: ${total} python blocks: ${count.pyodide} run on Pyodide ${ready.pyodideVersion} (Python ${ready.pythonVersion}), ` +
    `${count.native} run native on ${python} ${nativeVersion ?? '(not needed)'}, ${count.norun} norun (${(norunShare * 100).toFixed(1)}%); ` +
    `${count.passed} passed, ${count.failed} failed, in ${seconds} s (each block under PYTHONHASHSEED=${HASH_SEEDS.join(' and ')})`,
);
if (count.native) console.log(`native blocks need a real OS (threads, processes); ${python} ${nativeVersion} is not ${ready.pythonVersion}, and that is expected`);
process.exitCode = count.failed || norunTooMany || refused ? 1 : 0;
