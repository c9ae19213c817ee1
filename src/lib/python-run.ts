/**
 * Running an example in the page: the messages between the page and the Python worker, and
 * what the page says about a run (does it match the verified output shown under the block?).
 *
 * The worker runs Pyodide (CPython compiled to WebAssembly). The page sends `run` messages; the
 * worker answers with `loaded` once, then `output` chunks and one `done` per run. A runaway run
 * is ended by terminating the worker (no SharedArrayBuffer: GitHub Pages cannot send the
 * cross-origin-isolation headers it needs), so a message is never waited on forever.
 */

/** The Python version Pyodide runs (checked against the package's lock file by a unit test). */
export const PYTHON_VERSION = '3.14';

/** What the first Run downloads, rounded, as the page announces it. */
export const DOWNLOAD_SIZE = 'about 6 MB';

/** A run is stopped after this long (the worker is ended and a fresh one started). */
export const RUN_TIME_LIMIT_MS = 10_000;

/** At most this many characters of output are shown; a run that prints more is stopped. */
export const OUTPUT_LIMIT = 100_000;

/** Which stream a piece of output came from. */
export type Stream = 'stdout' | 'stderr';

/** A piece of output, in the order it was written. */
export interface OutputChunk {
  stream: Stream;
  text: string;
}

/** A message the page sends to the worker. */
export type RunRequest = { type: 'run'; id: number; code: string };

/** How a run ended. */
export interface RunEnd {
  /** The last line of the traceback (`ValueError: bad`), when the code raised. */
  exception?: string;
  /** The status passed to `sys.exit()` when it was not 0. */
  exitCode?: number;
  /** True when the code called `input()` (which reads end of file here). */
  readInput: boolean;
  /** Time the code ran, in milliseconds. */
  ms: number;
}

/** A message the worker sends to the page. */
export type WorkerEvent =
  | { type: 'loaded'; version: string; ms: number; jspi: boolean }
  | { type: 'load-failed'; error: string }
  | { type: 'started'; id: number }
  | { type: 'output'; id: number; chunks: OutputChunk[] }
  | ({ type: 'done'; id: number } & RunEnd);

const isChunk = (value: unknown): value is OutputChunk => {
  const chunk = value as OutputChunk;
  return typeof chunk === 'object' && chunk !== null && (chunk.stream === 'stdout' || chunk.stream === 'stderr') && typeof chunk.text === 'string';
};

/** True when `data` is a well-formed message from the worker (anything else is ignored). */
export function isWorkerEvent(data: unknown): data is WorkerEvent {
  if (typeof data !== 'object' || data === null) return false;
  const event = data as Record<string, unknown>;
  switch (event.type) {
    case 'loaded':
      return typeof event.version === 'string' && typeof event.ms === 'number' && typeof event.jspi === 'boolean';
    case 'load-failed':
      return typeof event.error === 'string';
    case 'started':
      return typeof event.id === 'number';
    case 'output':
      return typeof event.id === 'number' && Array.isArray(event.chunks) && event.chunks.every(isChunk);
    case 'done':
      return (
        typeof event.id === 'number' &&
        typeof event.readInput === 'boolean' &&
        typeof event.ms === 'number' &&
        (event.exception === undefined || typeof event.exception === 'string') &&
        (event.exitCode === undefined || typeof event.exitCode === 'number')
      );
    default:
      return false;
  }
}

/** Adds a chunk to a list, joining it to the last one when both come from the same stream. */
export function appendChunk(chunks: OutputChunk[], chunk: OutputChunk): void {
  if (!chunk.text) return;
  const last = chunks.at(-1);
  if (last && last.stream === chunk.stream) last.text += chunk.text;
  else chunks.push({ ...chunk });
}

/** Everything a run showed, as the verified output block shows it: output, then the exception line. */
export function shownOutput(chunks: readonly OutputChunk[], end: Pick<RunEnd, 'exception'>): string {
  const text = chunks.map((chunk) => chunk.text).join('');
  if (!end.exception) return text;
  return `${text}${text && !text.endsWith('\n') ? '\n' : ''}${end.exception}\n`;
}

/** Output made comparable: line endings, trailing spaces and trailing blank lines do not count. */
export function normaliseOutput(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n+$/, '');
}

/** The result of comparing a run's output with the verified one. */
export type Comparison = { match: true } | { match: false; line: number; expected: string; actual: string };

/** Compares verified output with a run's output, line by line, and finds the first line that differs. */
export function compareOutput(expected: string, actual: string): Comparison {
  const want = normaliseOutput(expected).split('\n');
  const got = normaliseOutput(actual).split('\n');
  const lines = Math.max(want.length, got.length);
  for (let i = 0; i < lines; i++) {
    if (want[i] !== got[i]) return { match: false, line: i + 1, expected: want[i] ?? '', actual: got[i] ?? '' };
  }
  return { match: true };
}

/** What the page knows about the block that ran. */
export interface RunContext {
  /** The verified output shown under the block, when there is one. */
  expected?: string | undefined;
  /** True when the learner changed the code before this run. */
  edited: boolean;
}

/** The verdict of a run, for the status line: a tone and one sentence. */
export interface Verdict {
  tone: 'good' | 'bad' | 'neutral';
  text: string;
}

const seconds = (ms: number): string => (ms < 1000 ? `${Math.max(1, Math.round(ms))} ms` : `${(ms / 1000).toFixed(1)} s`);

/** The sentence the status line says after a run. */
export function runVerdict(chunks: readonly OutputChunk[], end: RunEnd, context: RunContext): Verdict {
  const took = `Ran in ${seconds(end.ms)}.`;
  const input = end.readInput ? ' input() cannot read from the keyboard here: it got end of file.' : '';
  const exit = end.exitCode !== undefined ? ` It exited with status ${end.exitCode}.` : '';
  if (context.edited || context.expected === undefined) {
    const what = context.edited ? 'Your edited code' : 'The example';
    const how = end.exception ? `raised ${end.exception.split(':')[0]}` : 'finished';
    return { tone: end.exception ? 'bad' : 'neutral', text: `${what} ${how}. ${took}${exit}${input}` };
  }
  const comparison = compareOutput(context.expected, shownOutput(chunks, end));
  if (comparison.match) return { tone: 'good', text: `Matches the verified output. ${took}${input}` };
  return { tone: 'bad', text: `Differs from the verified output at line ${comparison.line}. ${took}${exit}${input}` };
}

/** Why a run ended early: Stop, the time limit, too much output, or another block's run restarted Python. */
export type StopReason = 'stop' | 'time' | 'output' | 'restarted';

/** How a run request ended, as the page sees it. */
export type RunOutcome = { kind: 'done'; end: RunEnd } | { kind: 'stopped'; reason: StopReason } | { kind: 'failed'; error: string };

/** The sentence the status line says when a run was stopped. */
export function stoppedMessage(reason: StopReason): string {
  const fresh = 'Python was restarted, so the next Run starts fresh.';
  switch (reason) {
    case 'stop':
      return `Stopped. ${fresh}`;
    case 'time':
      return `Stopped after ${RUN_TIME_LIMIT_MS / 1000} s: the code was still running (an endless loop?). ${fresh}`;
    case 'output':
      return `Stopped: the code printed more than ${OUTPUT_LIMIT.toLocaleString('en')} characters. ${fresh}`;
    case 'restarted':
      return 'Python was restarted before this example finished: press Run again.';
  }
}

/**
 * A hint for code that failed on `asyncio.run` in a browser without JavaScript Promise
 * Integration (JSPI), which Pyodide needs to block on an event loop; top-level await needs none.
 */
export function asyncHint(code: string, end: Pick<RunEnd, 'exception'>, jspi: boolean): string {
  if (jspi || !end.exception || !/asyncio\.run\b|run_until_complete/.test(code)) return '';
  return ' asyncio.run needs a browser with JavaScript Promise Integration (Chrome 137 or later); top-level await works in any browser.';
}

/** The note shown instead of Run on a block that needs a real operating system. */
export function nativeNote(reason: string): string {
  const trimmed = reason.trim();
  const sentence = trimmed ? `${trimmed[0]?.toUpperCase()}${trimmed.slice(1)}` : 'Needs a real operating system';
  return `${sentence}: run it on your machine`;
}

/** Where the worker finds Pyodide's files: `<base>pyodide/<version>/`, as the build copies them. */
export function pyodideDirectory(base: string, version: string): string {
  return `${base.endsWith('/') ? base : `${base}/`}pyodide/${version}/`;
}
