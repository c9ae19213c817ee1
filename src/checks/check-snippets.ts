/**
 * `npm run check:snippets`: runs every ```python block of every question and compares its
 * output with the output block shown under it. Prints each failure as `file:line` with the
 * expected and actual output, then totals. Exits 1 on any failure, when more than 10% of
 * blocks are `norun`, or when python3 is not the version the deck says it is verified on.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { checkSnippet, mapLimit, snippetsOf } from '../lib/snippet-check.ts';
import { CONTENT_DIR, deckFolders, questionFiles } from './content-files.ts';

/** At most this share of blocks may be marked norun. */
const MAX_NORUN_SHARE = 0.1;

const python = process.env.PYTHON ?? 'python3';
const version = execFileSync(python, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], { encoding: 'utf8' }).trim();
let failed = 0;
let passed = 0;
let norun = 0;
let versionMismatch = false;

for (const deckName of deckFolders()) {
  const deckDir = join(CONTENT_DIR, deckName);
  const deckPath = join(deckDir, 'deck.yaml');
  const verifiedOn = existsSync(deckPath) ? String((load(readFileSync(deckPath, 'utf8')) as { verifiedOn?: unknown }).verifiedOn ?? '') : '';
  if (verifiedOn && !version.startsWith(`${verifiedOn}.`)) {
    console.error(`${deckPath}: verifiedOn: the deck says its examples are verified on Python ${verifiedOn}, but ${python} is ${version}`);
    versionMismatch = true;
  }
  const snippets = questionFiles(deckDir).flatMap((file) => snippetsOf(file.path, file.text));
  const verdicts = await mapLimit(snippets, availableParallelism(), (snippet) => checkSnippet(snippet, { python }));
  verdicts.forEach((verdict, i) => {
    const snippet = snippets[i]!;
    if (verdict.status === 'passed') passed++;
    else if (verdict.status === 'norun') norun++;
    else {
      failed++;
      console.error(`\n${snippet.path}:${snippet.line}: ${verdict.reason}`);
      if (verdict.expected !== undefined) console.error(`--- expected\n${verdict.expected.trimEnd()}`);
      if (verdict.actual !== undefined) console.error(`--- actual\n${verdict.actual.trimEnd()}`);
    }
  });
}

const total = passed + failed + norun;
const norunShare = total ? norun / total : 0;
const norunTooMany = norunShare > MAX_NORUN_SHARE;
if (norunTooMany) console.error(`\n${norun} of ${total} blocks are norun (${(norunShare * 100).toFixed(1)}%); at most 10% may be`);
console.log(
  `\ncheck:snippets on Python ${version}: ${total} python blocks, ${passed + failed} run, ${passed} passed, ${failed} failed, ${norun} norun (${(norunShare * 100).toFixed(1)}%)`,
);
process.exitCode = failed || norunTooMany || versionMismatch ? 1 : 0;
