/** Scoring a searcher against the relevance suite: top-3 hit rate, mean reciprocal rank, empty results. */
import type { Searcher } from '../../src/lib/search.ts';
import type { QueryKind, RelevanceQuery } from '../fixtures/search-queries.ts';

/** How one query fared: the 1-based rank of its first right answer (0 when none in the top 10). */
export interface QueryOutcome {
  query: RelevanceQuery;
  rank: number;
  top: string[];
  empty: boolean;
}

/** The suite's totals. */
export interface RelevanceReport {
  outcomes: QueryOutcome[];
  /** Share of queries with a right answer in the top 3. */
  top3: number;
  /** Mean reciprocal rank over the top 10. */
  mrr: number;
  /** Queries that returned nothing. */
  empty: number;
  byKind: Map<QueryKind, { count: number; top3: number }>;
}

/** Runs every query; record ids are `<deck>/<id>`, the suite's ids are within `deck`. */
export function measureRelevance(searcher: Searcher, queries: readonly RelevanceQuery[], deck = 'python'): RelevanceReport {
  const outcomes = queries.map((query) => {
    const top = searcher.search(query.query, {}, 10).map((hit) => hit.record.id.replace(`${deck}/`, ''));
    const rank = top.findIndex((id) => query.ids.includes(id)) + 1;
    return { query, rank, top, empty: top.length === 0 };
  });
  const hit = (o: QueryOutcome) => o.rank > 0 && o.rank <= 3;
  const byKind = new Map<QueryKind, { count: number; top3: number }>();
  for (const o of outcomes) {
    const kind = byKind.get(o.query.kind) ?? { count: 0, top3: 0 };
    kind.count++;
    if (hit(o)) kind.top3++;
    byKind.set(o.query.kind, kind);
  }
  return {
    outcomes,
    top3: outcomes.filter(hit).length / outcomes.length,
    mrr: outcomes.reduce((sum, o) => sum + (o.rank ? 1 / o.rank : 0), 0) / outcomes.length,
    empty: outcomes.filter((o) => o.empty).length,
    byKind,
  };
}
