/**
 * The page's side of search: starts the worker on first use and turns its answers into
 * promises. Loaded on demand, the first time a learner focuses or types into search.
 */
import type { SearchFilters, SearchResults } from '../lib/search';
import type { WorkerRequest } from './search-worker';

/** Searches the deck in a worker. */
export interface SearchClient {
  search(query: string, filters?: SearchFilters, limit?: number): Promise<SearchResults>;
}

type Reply = ({ id: number } & SearchResults) | { id: number; error: string };

let client: SearchClient | undefined;

/** The one search client of the page, created on first call; `indexUrl` is the search index's URL. */
export function searchClient(indexUrl: string): SearchClient {
  if (client) return client;
  const worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, { resolve: (results: SearchResults) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  worker.addEventListener('message', (event: MessageEvent<Reply>) => {
    const reply = event.data;
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (!waiting) return;
    if ('error' in reply) waiting.reject(new Error(reply.error));
    else waiting.resolve({ hits: reply.hits, suggestion: reply.suggestion });
  });
  const post = (request: WorkerRequest) => worker.postMessage(request);
  post({ type: 'load', url: new URL(indexUrl, location.href).href });
  client = {
    search(query, filters = {}, limit = Infinity) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        post({ type: 'search', id, query, filters, limit });
      });
    },
  };
  return client;
}
