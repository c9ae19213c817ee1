/**
 * Astro's glob loader, with its Markdown rendered on every core.
 *
 * A cold build spends most of its content sync rendering Markdown (remark-gfm, shiki, smart
 * quotes) on one thread while the other cores wait. This wrapper leaves the glob loader to do
 * everything it does (ids, digests, validation, the dev watcher) and only hands each file's
 * rendering to a small pool of worker threads running the same renderer
 * (src/loaders/markdown-worker.ts). The pool lives for the initial load; later renders (a file
 * changed in dev) and any render a worker could not do run in this thread, as before.
 *
 * The loader context's `entryTypes` is how the glob loader finds its renderer. It is not in
 * Astro's public types, so when it is missing this wrapper steps aside and the glob loader
 * renders in this thread.
 */
import type { ContentEntryRenderFunction, ContentEntryType } from 'astro';
import type { Loader, LoaderContext } from 'astro/loaders';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { rememberHighlight, type HighlightedCode } from '../lib/code-tokens.ts';
import { hasTree, rememberTree } from '../lib/question-file.ts';

/** One file for a worker to render, or with `parseOnly`, only to parse for page generation. */
export interface RenderRequest {
  job: number;
  body: string;
  data: Record<string, unknown>;
  filePath: string | undefined;
  parseOnly?: true;
}

/** What a worker sends for page generation: the body's tree as parsed (in JSON), and its card example's tokens. */
export interface BodyFacts {
  tree?: string;
  example?: { code: string; tokens: HighlightedCode };
}

/** A worker's answer: the rendered HTML and metadata (none for `parseOnly`) with the body's facts, or why it failed. */
export type RenderReply = ({ job: number; rendered?: { html: string; metadata: Record<string, unknown> }; error?: undefined } & BodyFacts) | { job: number; error: string };

type Rendered = Awaited<ReturnType<ContentEntryRenderFunction>>;

/** Worker threads that render Markdown files, each file to the least busy one. */
class RenderPool {
  readonly #workers: { worker: Worker; busy: Set<number> }[];
  readonly #waiting = new Map<number, { body: string; resolve: (r: Rendered | undefined) => void; reject: (e: Error) => void; settled: Promise<Rendered | undefined> }>();
  #next = 0;
  /** Set once a worker fails: what is left renders in the calling thread. */
  broken: Error | null = null;

  constructor(size: number) {
    this.#workers = Array.from({ length: size }, () => {
      const slot = { worker: new Worker(new URL('./markdown-worker.ts', import.meta.url)), busy: new Set<number>() };
      slot.worker.on('message', (reply: RenderReply) => {
        slot.busy.delete(reply.job);
        const waiting = this.#waiting.get(reply.job);
        this.#waiting.delete(reply.job);
        if (reply.error !== undefined) return waiting?.reject(new Error(reply.error));
        // Kept for page generation, which reads every body's tree and highlights every card's example.
        if (waiting && reply.tree) rememberTree(waiting.body, reply.tree);
        if (reply.example) rememberHighlight(reply.example.code, reply.example.tokens);
        waiting?.resolve(reply.rendered);
      });
      slot.worker.on('error', (error) => this.#fail(slot.busy, error));
      slot.worker.on('exit', (code) => this.#fail(slot.busy, new Error(`a Markdown worker stopped (exit code ${code})`)));
      return slot;
    });
  }

  /** Renders one entry in a worker. */
  async render(entry: Parameters<ContentEntryRenderFunction>[0]): Promise<Rendered> {
    const rendered = await this.#send({ body: entry.body ?? '', data: entry.data, filePath: entry.filePath });
    if (!rendered) throw new Error('a Markdown worker sent no HTML');
    return rendered;
  }

  /** Has a worker parse a body (and highlight its card example) for page generation, without rendering it. */
  async parse(body: string): Promise<void> {
    await this.#send({ body, data: {}, filePath: undefined, parseOnly: true });
  }

  #send(request: Omit<RenderRequest, 'job'>): Promise<Rendered | undefined> {
    const slot = this.#workers.reduce((a, b) => (b.busy.size < a.busy.size ? b : a));
    const job = this.#next++;
    slot.busy.add(job);
    const { promise, resolve, reject } = Promise.withResolvers<Rendered | undefined>();
    this.#waiting.set(job, { body: request.body, resolve, reject, settled: promise });
    slot.worker.postMessage({ ...request, job } satisfies RenderRequest);
    return promise;
  }

  /** Stops every worker once the renders it was given are done (a failed load leaves some running). */
  async close(): Promise<void> {
    await Promise.allSettled([...this.#waiting.values()].map(({ settled }) => settled));
    await Promise.all(this.#workers.map(({ worker }) => worker.terminate()));
  }

  #fail(jobs: Set<number>, error: Error): void {
    this.broken ??= error;
    for (const job of jobs) {
      this.#waiting.get(job)?.reject(error);
      this.#waiting.delete(job);
    }
    jobs.clear();
  }
}

/**
 * Wraps a glob loader so its Markdown renders on `workers` threads (default: one per core, at
 * most four; with one core it renders in this thread as the glob loader always does).
 */
export function parallelMarkdown(loader: Loader, { workers = Math.min(availableParallelism(), 4) } = {}): Loader {
  return {
    ...loader,
    async load(context: LoaderContext) {
      const entryTypes = (context as LoaderContext & { entryTypes?: Map<string, ContentEntryType> }).entryTypes;
      const markdown = entryTypes?.get('.md');
      const inThread = markdown?.getRenderFunction?.bind(markdown);
      if (!entryTypes || !markdown || !inThread || workers < 2) return loader.load(context);

      let pool: RenderPool | null = new RenderPool(workers);
      let local: ContentEntryRenderFunction | undefined;
      const renderHere = async (entry: Parameters<ContentEntryRenderFunction>[0]) => (local ??= await inThread(context.config))(entry);
      const render: ContentEntryRenderFunction = async (entry) => {
        if (!pool || pool.broken) return renderHere(entry);
        try {
          return await pool.render(entry);
        } catch (error) {
          if (!pool?.broken) throw error; // the Markdown itself failed: report it as the glob loader would
          return renderHere(entry);
        }
      };
      const withPool = new Map(entryTypes).set('.md', { ...markdown, getRenderFunction: async () => render });
      try {
        await loader.load({ ...context, entryTypes: withPool } as LoaderContext);
        // A warm build renders only the files that changed; the workers still parse the others,
        // which page generation would otherwise parse one by one in this thread.
        const unparsed = context.store.values().flatMap(({ body }) => (body && !hasTree(body) ? [body] : []));
        if (!pool.broken) await Promise.allSettled(unparsed.map((body) => pool?.parse(body)));
      } finally {
        const done = pool;
        pool = null;
        if (done.broken) context.logger.warn(`Markdown rendered in one thread after a worker failed: ${done.broken.message}`);
        await done.close();
      }
    },
  };
}
