/**
 * Runs snippets on Pyodide (CPython 3.14 in WebAssembly), the interpreter learners run the
 * deck's examples on in the page. Loading Pyodide takes seconds, so one interpreter is loaded
 * per runner, in a child Node process, and reused for every snippet; snippet-driver.py resets
 * it between snippets. A child process (not a worker thread) so the runner gets the
 * --experimental-wasm-jspi flag it needs however its parent was started, a runaway snippet can
 * be killed outright, and an interpreter that crashed is simply replaced.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RunResult, SnippetRunner } from './snippet-check.ts';

/** What the child says once Pyodide has loaded. */
export interface ChildReady {
  type: 'ready';
  /** Pyodide's own version, e.g. `314.0.7`. */
  pyodideVersion: string;
  /** The CPython version inside it, e.g. `3.14.2`. */
  pythonVersion: string;
}

/** One snippet for the child to run. */
export interface ChildRequest {
  code: string;
}

/** What one snippet printed and how it ended; `crashed` when the interpreter itself failed. */
export interface ChildResult {
  type: 'result';
  stdout: string;
  stderr: string;
  exitCode: number | null;
  crashed?: string;
}

/** How long loading Pyodide may take before the runner gives up (a busy 2-core machine needs ~20 s). */
const LOAD_TIMEOUT_MS = 180_000;
const CHILD = fileURLToPath(new URL('./pyodide-child.ts', import.meta.url));

interface Child {
  process: ChildProcess;
  ready: Promise<ChildReady>;
}

/** A Pyodide interpreter in a child process, started with one hash seed, running one snippet at a time. */
export class PyodideRunner implements SnippetRunner {
  readonly label: string;
  readonly hashSeed: string;
  private child: Child | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(hashSeed: string) {
    this.hashSeed = hashSeed;
    this.label = `Pyodide, PYTHONHASHSEED=${hashSeed}`;
  }

  /** Loads the interpreter if it is not loaded yet; resolves with its versions. */
  start(): Promise<ChildReady> {
    this.child ??= this.spawn();
    return this.child.ready;
  }

  /** Runs one snippet after those already queued; a snippet past `timeoutMs` is killed with its interpreter. */
  run(code: string, timeoutMs: number): Promise<RunResult> {
    const result = this.queue.then(() => this.runNow(code, timeoutMs));
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Stops the child process. */
  close(): void {
    this.child?.process.kill('SIGKILL');
    this.child = undefined;
  }

  private spawn(): Child {
    const child = fork(CHILD, [this.hashSeed], {
      execArgv: ['--experimental-wasm-jspi', '--disable-warning=ExperimentalWarning'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const ready = new Promise<ChildReady>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`Pyodide did not load within ${LOAD_TIMEOUT_MS / 1000} s`));
      }, LOAD_TIMEOUT_MS);
      child.once('message', (message: ChildReady) => {
        clearTimeout(timer);
        resolve(message);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Pyodide failed to load (node ${process.version}, exit code ${code}): ${stderr.trim() || 'no message'}`));
      });
    });
    ready.catch(() => {
      if (this.child?.process === child) this.child = undefined;
    });
    return { process: child, ready };
  }

  private async runNow(code: string, timeoutMs: number): Promise<RunResult> {
    await this.start();
    const child = this.child!;
    return new Promise<RunResult>((resolve) => {
      const done = (result: RunResult, keep: boolean) => {
        clearTimeout(timer);
        child.process.off('message', onMessage);
        child.process.off('exit', onExit);
        if (!keep) {
          child.process.kill('SIGKILL');
          if (this.child === child) this.child = undefined;
        }
        resolve(result);
      };
      const onMessage = (message: ChildResult) => {
        const crash = message.crashed ? `\nPyodide crashed: ${message.crashed}` : '';
        done({ stdout: message.stdout, stderr: message.stderr + crash, exitCode: message.exitCode, timedOut: false }, !message.crashed);
      };
      const onExit = (exitCode: number | null) => done({ stdout: '', stderr: `Pyodide exited unexpectedly (${exitCode})`, exitCode, timedOut: false }, false);
      const timer = setTimeout(() => done({ stdout: '', stderr: '', exitCode: null, timedOut: true }, false), timeoutMs);
      child.process.on('message', onMessage);
      child.process.on('exit', onExit);
      child.process.send({ code } satisfies ChildRequest);
    });
  }
}
