/**
 * `npm run bench:build`: where a cold build of a large deck spends its time. A report, not a test.
 *
 *   npm run bench:build                        cold builds of a 1,000-question synthetic deck, then
 *                                              one more under the CPU profiler, split by stage
 *   npm run bench:build -- --vs ../old-checkout  the same builds of another checkout (with its own
 *                                              node_modules), alternated A B A B, and whether the
 *                                              two produce the same dist/
 *   --questions N (default 1000), --runs N (default 3), --no-profile
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { syntheticDeck, timedBuild, type BuildCost } from './synthetic-build.ts';

const { values } = parseArgs({
  options: {
    questions: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    vs: { type: 'string' },
    'no-profile': { type: 'boolean', default: false },
  },
});
const size = Number(values.questions);
const runs = Number(values.runs);
const here = resolve('.');
const other = values.vs ? resolve(values.vs) : null;

/** Stages of a build, recognised by the frames of a CPU profile sample, first match wins. */
const STAGES: [name: string, test: (frame: string) => boolean][] = [
  ['search index (search-index.json)', (f) => f.includes('search-index')],
  ['flashcards data (cards.json)', (f) => f.includes('cards.json')],
  ['question bodies re-read by pages and data (src/lib/question-file)', (f) => f.startsWith('parseMarkdown ')],
  ['syntax highlighting (shiki)', (f) => /@shikijs|\/shiki\/|wasm:/.test(f)],
  ['smart quotes (retext-smartypants)', (f) => /retext|parse-latin|nlcst|smart-punctuation/.test(f)],
  ['Markdown and remark-gfm (content sync)', (f) => /micromark|mdast-util|remark|rehype|hast-util|unified|unist-util|vfile/.test(f)],
  ['content store (serialising, devalue)', (f) => /devalue/.test(f)],
  ['page rendering (Astro runtime)', (f) => /astro\/dist\/runtime/.test(f)],
  ['loading and bundling code (Vite, Rolldown, modules)', (f) => /vite|rolldown|esbuild|node:internal\/modules|ModuleWrap|compileSourceTextModule/.test(f)],
  ['garbage collection', (f) => f.startsWith('(garbage collector)')],
];

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

/** CPU seconds per stage of one V8 CPU profile. */
function splitProfile(file: string): Map<string, number> {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stageOf = new Map<number, string>();
  const classify = (id: number): string => {
    const known = stageOf.get(id);
    if (known) return known;
    const frames: string[] = [];
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const { functionName, url } = byId.get(cur)!.callFrame;
      frames.push(`${functionName} ${url}`);
    }
    const stage = STAGES.find(([, test]) => frames.some(test))?.[0] ?? (frames[0]?.startsWith('(idle)') ? 'idle (waiting for files or workers)' : 'other');
    stageOf.set(id, stage);
    return stage;
  };
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const stage = classify(id);
    totals.set(stage, (totals.get(stage) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1e6);
  });
  return totals;
}

/** A content hash of every file under `dir`, keyed by relative path. */
function fingerprintTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(dir);
  return files;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number | null, unit = 's') => (n === null || Number.isNaN(n) ? '–' : `${n.toFixed(1)} ${unit}`);

const work = mkdtempSync(join(tmpdir(), 'recall-build-bench-'));
const content = syntheticDeck(size);
console.log(`# Cold build of ${size.toLocaleString('en')} questions — ${new Date().toISOString().slice(0, 10)}, ${availableParallelism()} cores, ${runs} runs each\n`);

const projects = other ? [['this checkout', here], ['--vs', other]] : [['this checkout', here]];
const costs = new Map<string, BuildCost[]>(projects.map(([name]) => [name!, []]));
for (let run = 0; run < runs; run++) {
  for (const [name, project] of projects) {
    const out = join(work, `dist-${name === '--vs' ? 'b' : 'a'}`);
    rmSync(out, { recursive: true, force: true });
    costs.get(name!)!.push(timedBuild(project!, content, out, join(work, `cache-${run}-${name === '--vs' ? 'b' : 'a'}`)));
  }
}
console.log('| build | wall (median) | wall (min–max) | content sync | page generation | peak memory (median) |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [name, list] of costs) {
  const walls = list.map((c) => c.seconds);
  const sync = list.map((c) => c.syncSeconds).filter((n): n is number => n !== null);
  const pages = list.map((c) => c.pagesSeconds).filter((n): n is number => n !== null);
  console.log(
    `| ${name}${name === '--vs' ? ` (${values.vs})` : ''} | ${fmt(median(walls))} | ${fmt(Math.min(...walls))}–${fmt(Math.max(...walls))} | ${fmt(sync.length ? median(sync) : null)} | ${fmt(pages.length ? median(pages) : null)} | ${fmt(median(list.map((c) => c.peakMb)), 'MB')} |`,
  );
}
if (other) {
  const [a, b] = [fingerprintTree(join(work, 'dist-a')), fingerprintTree(join(work, 'dist-b'))];
  const differing = [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f));
  console.log(`\nOutput: ${a.size} files against ${b.size}; ${differing.length === 0 ? 'identical' : `${differing.length} differ, e.g. ${differing.slice(0, 5).join(', ')}`}.`);
}

if (!values['no-profile']) {
  const profDir = join(work, 'profile');
  timedBuild(here, content, join(work, 'dist-profile'), join(work, 'cache-profile'), ['--cpu-prof', `--cpu-prof-dir=${profDir}`]);
  const totals = new Map<string, number>();
  for (const file of readdirSync(profDir)) for (const [stage, s] of splitProfile(join(profDir, file))) totals.set(stage, (totals.get(stage) ?? 0) + s);
  const all = [...totals.values()].reduce((x, y) => x + y, 0);
  console.log('\nWhere the time goes (this checkout, one cold build under the CPU profiler, which slows it a little;');
  console.log('seconds of every thread added up, so Markdown rendered on two worker threads counts twice its wall time):\n');
  console.log('| stage | thread-seconds | share |');
  console.log('|---|---:|---:|');
  for (const [stage, s] of [...totals].sort((x, y) => y[1] - x[1])) console.log(`| ${stage} | ${s.toFixed(1)} | ${((s / all) * 100).toFixed(0)}% |`);
}
rmSync(work, { recursive: true, force: true });
rmSync(content, { recursive: true, force: true });
