/**
 * The Python worker: loads Pyodide from the site's own copy (see src/integrations/pyodide-assets.ts)
 * and runs examples off the main thread, so a long run never freezes the page. Started by the
 * page on a learner's first Run; the page ends it (terminate) to stop a run.
 */
import { version } from 'pyodide/package.json';
import { appendChunk, pyodideDirectory, type OutputChunk, type RunRequest, type WorkerEvent } from '../lib/python-run';
import { createSession, type PythonSession } from '../lib/python-session';

// How often output is sent while a run goes on: often enough to watch, rarely enough not to flood.
const FLUSH_MS = 50;

const post = (event: WorkerEvent) => self.postMessage(event);

// The site's base path ("/" or e.g. "/recall/"), fixed at build time.
const base = import.meta.env.BASE_URL;

const session: Promise<PythonSession> = (async () => {
  const start = performance.now();
  const indexURL = pyodideDirectory(base, version);
  // Imported from the site's copy rather than bundled: the package's Node code paths stay out of the build.
  const { loadPyodide } = (await import(/* @vite-ignore */ `${indexURL}pyodide.mjs`)) as typeof import('pyodide');
  const pyodide = await loadPyodide({ indexURL });
  const ready = createSession(pyodide);
  post({
    type: 'loaded',
    version: String(pyodide.runPython('import sys; sys.version.split()[0]')),
    ms: performance.now() - start,
    // asyncio.run blocks on the event loop through JavaScript Promise Integration (stack switching).
    jspi: typeof (WebAssembly as { Suspending?: unknown }).Suspending === 'function',
  });
  return ready;
})();
session.catch((error: unknown) => post({ type: 'load-failed', error: error instanceof Error ? error.message : String(error) }));

// Runs wait for each other: one interpreter, one run at a time.
let queue: Promise<unknown> = Promise.resolve();

self.addEventListener('message', (event: MessageEvent<RunRequest>) => {
  const request = event.data;
  if (request?.type !== 'run') return;
  queue = queue.then(async () => {
    const python = await session;
    post({ type: 'started', id: request.id });
    let pending: OutputChunk[] = [];
    let sent = performance.now();
    const flush = () => {
      if (pending.length) post({ type: 'output', id: request.id, chunks: pending });
      pending = [];
      sent = performance.now();
    };
    const end = await python.run(request.code, (chunk) => {
      appendChunk(pending, chunk);
      // Posting from inside the run: a busy loop never yields to timers, so this is the only
      // way its output reaches the page before it ends or is stopped.
      if (performance.now() - sent > FLUSH_MS) flush();
    });
    flush();
    post({ type: 'done', id: request.id, ...end });
  }).catch(() => {});
});
