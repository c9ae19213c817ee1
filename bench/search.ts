/**
 * `npm run bench:search`: index size, load time and query time for synthetic decks of 100,
 * 1,000 and 10,000 questions shaped like ours. A report, not a test: it prints numbers.
 *
 * Query times are cold: each round uses a fresh searcher, so no query word is cached. A query
 * is timed as the worker answers it: the results and the suggestion (corrected query, topics).
 * The queries are the 30 below plus the relevance suite's learner queries.
 */
import { gzipSync } from 'node:zlib';
import { createSearcher } from '../src/lib/search.ts';
import { RELEVANCE_QUERIES } from '../tests/fixtures/search-queries.ts';
import { realRecords, syntheticRecords } from './deck-records.ts';

const SIZES = [100, 1_000, 10_000];
const ROUNDS = 5;
/** Typos, exact words, identifiers and two-word phrases. */
const QUERIES = [
  'generater', 'decorater', 'clossure', 'mutabel', 'iterater', 'exeption', 'asyncio gather', 'GIL',
  'StopIteration', '__iadd__', 'nonlocal', 'deepcopy', 'lru_cache', 'yield', 'metaclass', 'weakref',
  'mutable default', 'late binding', 'context manager', 'thread safe', 'dict order', 'list comprehension',
  'garbage collector', 'event loop', 'shallow copy', 'class attribute', 'type hints', 'virtual environment',
  'gen', 'dec',
  ...RELEVANCE_QUERIES.map((q) => q.query),
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const templates = realRecords();
console.log(`Search benchmark: ${QUERIES.length} queries × ${ROUNDS} cold rounds per deck size; templates: ${templates.length} real questions`);
console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
console.log('| questions | index raw | index gzip | load (parse + build) | query median | query p95 | query max |');
console.log('|---:|---:|---:|---:|---:|---:|---:|');

for (const size of SIZES) {
  const json = JSON.stringify(syntheticRecords(templates, size));
  const loads: number[] = [];
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    const searcher = createSearcher(JSON.parse(json));
    loads.push(performance.now() - started);
    for (const query of QUERIES) {
      const t0 = performance.now();
      searcher.search(query, {}, 8);
      searcher.suggest(query);
      times.push(performance.now() - t0);
    }
  }
  loads.sort((a, b) => a - b);
  times.sort((a, b) => a - b);
  console.log(
    `| ${size.toLocaleString('en')} | ${kb(Buffer.byteLength(json))} | ${kb(gzipSync(json).length)} | ${percentile(loads, 50).toFixed(1)} ms | ${percentile(times, 50).toFixed(2)} ms | ${percentile(times, 95).toFixed(2)} ms | ${times.at(-1)!.toFixed(2)} ms |`,
  );
}
console.log('\nIn the browser the index loads and queries run in a Web Worker, so typing never waits on them.');
