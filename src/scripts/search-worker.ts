/**
 * The search worker: loads the index and answers queries off the main thread, so typing never
 * waits for a search, however large the deck.
 */
import { createSearcher, type SearchFilters, type Searcher, type SearchResults } from '../lib/search';
import type { SearchRecord } from '../lib/search-records';

/** A message the page sends. */
export type WorkerRequest =
  | { type: 'load'; url: string }
  | { type: 'search'; id: number; query: string; filters: SearchFilters; limit: number };

let searcher: Promise<Searcher> | undefined;

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === 'load') {
    searcher ??= fetch(request.url)
      .then((response) => {
        if (!response.ok) throw new Error(`the search index could not be loaded (HTTP ${response.status})`);
        return response.json() as Promise<SearchRecord[]>;
      })
      .then(createSearcher);
    return;
  }
  if (!searcher) {
    self.postMessage({ id: request.id, error: 'the search index was not loaded' });
    return;
  }
  searcher
    .then((s) => {
      const results: SearchResults = { hits: s.search(request.query, request.filters, request.limit), suggestion: s.suggest(request.query) };
      self.postMessage({ id: request.id, ...results });
    })
    .catch((error: unknown) => self.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) }));
});
