/**
 * `npm run bench:relevance`: the relevance suite (tests/fixtures/search-queries.ts) against the
 * real deck: top-3 hit rate, mean reciprocal rank and empty results, overall and by kind, then
 * every query that missed the top 3. A report, not a test (tests/search-relevance.test.ts is the test).
 */
import { createSearcher } from '../src/lib/search.ts';
import { RELEVANCE_QUERIES } from '../tests/fixtures/search-queries.ts';
import { measureRelevance } from '../tests/support/relevance.ts';
import { realRecords } from './deck-records.ts';

const records = realRecords();
const report = measureRelevance(createSearcher(records), RELEVANCE_QUERIES);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

console.log(`Search relevance: ${RELEVANCE_QUERIES.length} queries over ${records.length} questions\n`);
console.log('| queries | top 3 | MRR | empty results |');
console.log('|---|---:|---:|---:|');
console.log(`| all (${report.outcomes.length}) | ${pct(report.top3)} | ${report.mrr.toFixed(3)} | ${report.empty} |`);
for (const [kind, { count, top3 }] of report.byKind) console.log(`| ${kind} (${count}) | ${pct(top3 / count)} | | |`);
const misses = report.outcomes.filter((o) => !(o.rank > 0 && o.rank <= 3));
if (misses.length) {
  console.log('\nMissed the top 3:');
  for (const o of misses) console.log(`- "${o.query.query}" → rank ${o.rank || '-'}; want ${o.query.ids.join(' | ')}; got ${o.top.slice(0, 3).join(', ') || '(nothing)'}`);
}
