/** Synthetic decks and timed builds, shared by `npm run bench` and `npm run bench:build`. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Writes a synthetic deck of `size` questions, copies of the real ones under new ids and titles;
 * returns its content folder. Each copy's Python (code blocks and prompt) has a comment naming
 * the copy, so no two bodies or code blocks are the same, as in a real deck: a build
 * that remembers work by content gains nothing from the copies.
 */
export function syntheticDeck(size: number, from = 'content'): string {
  const root = join(tmpdir(), `recall-bench-${size}`);
  rmSync(root, { recursive: true, force: true });
  const deckDir = join(root, 'python');
  mkdirSync(deckDir, { recursive: true });
  cpSync(join(from, 'python/deck.yaml'), join(deckDir, 'deck.yaml'));
  const sources = readdirSync(join(from, 'python')).filter((f) => f.endsWith('.md')).sort();
  for (let i = 0; i < size; i++) {
    const name = sources[i % sources.length]!;
    // A unique title within the schema's 150 characters: "… #123?".
    const text = readFileSync(join(from, 'python', name), 'utf8')
      .replace(/^title: "(.*)\?"$/m, (_, title: string) => `title: "${title.slice(0, 140)} #${i}?"`)
      .replace(/^(```python[^\n]*\n)/gm, `$1# copy ${i}\n`)
      .replace(/^( {2}code: \|\n {4}.*)$/m, `$1  # copy ${i}`);
    writeFileSync(join(deckDir, `${name.slice(0, -3)}-${i}.md`), text);
  }
  return root;
}

/** What one build cost: wall seconds, peak memory, and Astro's own phase times where it printed them. */
export interface BuildCost {
  seconds: number;
  peakMb: number;
  /** Seconds Astro reports for syncing content (loading, validating and rendering every Markdown file). */
  syncSeconds: number | null;
  /** Seconds Astro reports for generating the static pages. */
  pagesSeconds: number | null;
}

/** Reads "1m 9s", "30.14s" or "512ms" as seconds. */
function seconds(text: string): number {
  const m = /(?:(\d+)m\s*)?(?:([\d.]+)s)?(?:(\d+)ms)?/.exec(text.trim());
  return m ? Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) + Number(m[3] ?? 0) / 1000 : Number.NaN;
}

/**
 * Builds the site in `project` (a checkout with node_modules) from `contentDir` into `outDir`,
 * with `cacheDir` as Astro's cache (a new folder makes a cold build). Extra Node flags go to
 * Astro's process, e.g. `--cpu-prof`.
 */
export function timedBuild(project: string, contentDir: string, outDir: string, cacheDir: string, nodeFlags: string[] = []): BuildCost {
  const node = resolve(project, 'node_modules/node/bin/node');
  const astro = resolve(project, 'node_modules/astro/bin/astro.mjs');
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', 'peak-kb %M', node, ...nodeFlags, astro, 'build'], {
    cwd: project,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', RECALL_CONTENT_DIR: contentDir, RECALL_OUT_DIR: outDir, RECALL_CACHE_DIR: cacheDir },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const elapsed = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`build of ${contentDir} in ${project} failed:\n${run.stderr.slice(-4000)}`);
  const peak = /peak-kb (\d+)/.exec(run.stderr);
  const sync = /\[types\] Generated (.+)$/m.exec(run.stdout);
  const pages = /generating static routes[\s\S]*?✓ Completed in (.+?)\.?\s*$/m.exec(run.stdout);
  return {
    seconds: elapsed,
    peakMb: peak ? Number(peak[1]) / 1024 : Number.NaN,
    syncSeconds: sync ? seconds(sync[1]!) : null,
    pagesSeconds: pages ? seconds(pages[1]!) : null,
  };
}
