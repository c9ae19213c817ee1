/**
 * The page's side of the Python worker: starts it on the first run, sends runs, and ends a run
 * that goes on too long, prints too much or is stopped by ending the worker and starting a
 * fresh one (a busy worker cannot be interrupted without SharedArrayBuffer).
 */
import { isWorkerEvent, OUTPUT_LIMIT, RUN_TIME_LIMIT_MS, type OutputChunk, type RunOutcome, type RunRequest } from '../lib/python-run';

/** What a run reports back while it goes on. */
export interface RunHandlers {
  /** Python is loaded (only on the run that waited for it). */
  onLoaded?(version: string, ms: number): void;
  /** The code started to run. */
  onStarted?(): void;
  onOutput(chunks: OutputChunk[]): void;
  onEnd(outcome: RunOutcome): void;
}

/** A run in progress. */
export interface RunHandle {
  /** Stops the run by restarting Python. */
  stop(): void;
}

interface Pending extends RunHandlers {
  printed: number;
  timer?: ReturnType<typeof setTimeout>;
}

let worker: Worker | undefined;
let version: string | undefined;
let jspi = true;
const pending = new Map<number, Pending>();
let nextId = 0;

/** True once Python has loaded in the current worker. */
export function pythonLoaded(): boolean {
  return version !== undefined;
}

/** False when the browser lacks JavaScript Promise Integration (so asyncio.run cannot block). */
export function pythonHasJspi(): boolean {
  return jspi;
}

function endAll(outcome: (id: number) => RunOutcome) {
  for (const [id, run] of pending) {
    clearTimeout(run.timer);
    run.onEnd(outcome(id));
  }
  pending.clear();
}

/** Ends the worker and starts a fresh one, which loads Python again (from the browser's cache). */
function restart(reason: 'stop' | 'time' | 'output', stoppedId: number) {
  worker?.terminate();
  worker = undefined;
  version = undefined;
  endAll((id) => ({ kind: 'stopped', reason: id === stoppedId ? reason : 'restarted' }));
  start();
}

function start(): Worker {
  if (worker) return worker;
  const created = new Worker(new URL('./python-worker.ts', import.meta.url), { type: 'module', name: 'python' });
  worker = created;
  created.addEventListener('error', (event) => {
    event.preventDefault();
    if (worker !== created) return;
    worker = undefined;
    endAll(() => ({ kind: 'failed', error: 'the Python worker could not start' }));
  });
  created.addEventListener('message', (message: MessageEvent<unknown>) => {
    const event = message.data;
    if (worker !== created || !isWorkerEvent(event)) return;
    if (event.type === 'loaded') {
      version = event.version;
      jspi = event.jspi;
      for (const run of pending.values()) run.onLoaded?.(event.version, event.ms);
      return;
    }
    if (event.type === 'load-failed') {
      worker.terminate();
      worker = undefined;
      endAll(() => ({ kind: 'failed', error: event.error }));
      return;
    }
    const run = pending.get(event.id);
    if (!run) return;
    if (event.type === 'started') {
      run.timer = setTimeout(() => restart('time', event.id), RUN_TIME_LIMIT_MS);
      run.onStarted?.();
    } else if (event.type === 'output') {
      run.printed += event.chunks.reduce((n, chunk) => n + chunk.text.length, 0);
      run.onOutput(event.chunks);
      if (run.printed > OUTPUT_LIMIT) restart('output', event.id);
    } else {
      clearTimeout(run.timer);
      pending.delete(event.id);
      const { type: _type, id: _id, ...end } = event;
      run.onEnd({ kind: 'done', end });
    }
  });
  return created;
}

/** Runs `code` in the page's Python worker, starting it if needed. */
export function runPython(code: string, handlers: RunHandlers): RunHandle {
  const id = nextId++;
  pending.set(id, { ...handlers, printed: 0 });
  const request: RunRequest = { type: 'run', id, code };
  start().postMessage(request);
  return {
    stop() {
      if (pending.has(id)) restart('stop', id);
    },
  };
}
