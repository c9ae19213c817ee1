/**
 * The snippet checker: runs each ```python block of a question, and the question's prompt code,
 * and compares what it prints with the output shown for it.
 *
 * Conventions (see content/AUTHORING.md): an output block (```text output) right after a
 * python block is its exact output; `raises=Name` means the block must end in that exception
 * (its output block ends with the exception's last line); `norun="reason"` skips a block that
 * cannot run alone; `native="reason"` runs a block that needs a real OS (threads, processes) on
 * the system python3 instead of Pyodide. Blocks see the standard library only. Every block runs
 * under two hash seeds, so output that depends on set or dict-of-str iteration order fails here
 * rather than on a learner's machine.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeBlocksOf, parseMarkdown, parseYaml, splitFrontmatter } from './question-file.ts';

/** One python block to run, with what it must print or raise. */
export interface Snippet {
  path: string;
  /** 1-based line of the opening fence in the file (of `prompt:` for prompt code). */
  line: number;
  code: string;
  /** The exact expected output, when the block has an output block. */
  expected?: string;
  /** The exception the block must end in. */
  raises?: string;
  /** Why the block is not run; set only for `norun` blocks. */
  norun?: string;
  /** Why the block runs on the system python3 instead of Pyodide; set only for `native` blocks. */
  native?: string;
  /** Set for the question's prompt code (front matter `prompt:`), not a block of the body. */
  prompt?: true;
}

/** The question's prompt code from its front matter as a snippet, when it has any. */
export function promptSnippetOf(path: string, yamlText: string | null): Snippet | undefined {
  if (yamlText === null) return undefined;
  const parsed = parseYaml(yamlText);
  if (!parsed.ok || typeof parsed.data !== 'object' || parsed.data === null) return undefined;
  const prompt = (parsed.data as { prompt?: unknown }).prompt;
  if (typeof prompt !== 'object' || prompt === null) return undefined;
  const { code, output, raises } = prompt as { code?: unknown; output?: unknown; raises?: unknown };
  if (typeof code !== 'string') return undefined;
  // Line 1 is the opening `---`, so front matter line i is file line i + 1.
  const index = yamlText.split('\n').findIndex((line) => /^prompt\s*:/.test(line));
  const snippet: Snippet = { path, line: index + 2, code, prompt: true };
  if (typeof output === 'string') snippet.expected = output;
  if (typeof raises === 'string') snippet.raises = raises;
  return snippet;
}

/** Every python block of a question file, with file line numbers; its prompt code first. */
export function snippetsOf(path: string, text: string): Snippet[] {
  const { yaml, body, bodyOffset } = splitFrontmatter(text);
  const prompt = promptSnippetOf(path, yaml);
  const blocks = codeBlocksOf(parseMarkdown(body))
    .filter((block) => block.lang === 'python')
    .map((block) => {
      const snippet: Snippet = { path, line: block.line + bodyOffset, code: block.code };
      if (block.output) snippet.expected = block.output.text;
      if (typeof block.meta.raises === 'string') snippet.raises = block.meta.raises;
      if (block.meta.norun !== undefined) snippet.norun = block.meta.norun === true ? '' : block.meta.norun;
      if (block.meta.native !== undefined) snippet.native = block.meta.native === true ? '' : block.meta.native;
      return snippet;
    });
  return prompt ? [prompt, ...blocks] : blocks;
}

/** Normalises output for comparison: line endings, trailing spaces and trailing blank lines. */
export function normaliseOutput(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n+$/, '');
}

/** What one run of python printed and how it ended. */
export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  timedOut: boolean;
}

/** Time limit for one run of one snippet: generous, since WebAssembly is slower than native code and CI machines are shared. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** An interpreter snippets run on: the same code in, a RunResult out. */
export interface SnippetRunner {
  /** Named in failures, e.g. `Pyodide, PYTHONHASHSEED=2`. */
  readonly label: string;
  run(code: string, timeoutMs: number): Promise<RunResult>;
}

/** How to run snippets with the system python3. */
export interface RunOptions {
  /** The interpreter to run, default `python3`. */
  python?: string;
  /** Time limit for one run, in milliseconds. */
  timeoutMs?: number;
}

/** Runs Python source as a script in a fresh process and an empty temporary directory. */
export async function runPython(code: string, options: RunOptions & { hashSeed?: string } = {}): Promise<RunResult> {
  const dir = await mkdtemp(join(tmpdir(), 'recall-snippet-'));
  try {
    const file = join(dir, 'snippet.py');
    await writeFile(file, code);
    return await new Promise<RunResult>((resolve, reject) => {
      // -S: no site-packages, so an example that needs a third-party package fails here even
      // where one happens to be installed; learners may not have it.
      const child = spawn(options.python ?? 'python3', ['-S', '-X', 'utf8', file], {
        cwd: dir,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: dir,
          PYTHONHASHSEED: options.hashSeed ?? '0',
          PYTHONDONTWRITEBYTECODE: '1',
          PYTHONIOENCODING: 'utf-8',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      let timedOut = false;
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on('close', (exitCode) => {
        clearTimeout(timer);
        resolve({ stdout, stderr, exitCode, timedOut });
      });
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The last line of a traceback: `TypeError: message`, or '' when there is none. */
export function exceptionLine(stderr: string): string {
  return stderr.trimEnd().split('\n').at(-1)?.trim() ?? '';
}

/** The verdict on one snippet. */
export type SnippetVerdict =
  | { status: 'passed' }
  | { status: 'norun'; reason: string }
  | { status: 'failed'; reason: string; expected?: string; actual?: string };

/** Judges one run of a snippet against what the snippet says it does. */
export function judgeRun(snippet: Snippet, run: RunResult, timeoutMs: number): SnippetVerdict {
  if (run.timedOut) return { status: 'failed', reason: `timed out after ${timeoutMs} ms` };
  const raised = exceptionLine(run.stderr);
  let actual = run.stdout;
  if (snippet.raises) {
    const name = raised.split(':')[0]?.trim() ?? '';
    const matches = name === snippet.raises || name.endsWith(`.${snippet.raises}`);
    if (run.exitCode === 0 || !matches) {
      return {
        status: 'failed',
        reason: `expected it to raise ${snippet.raises}, but ${run.exitCode === 0 ? 'it exited cleanly' : `it ended with: ${raised}`}`,
      };
    }
    actual = `${run.stdout}${run.stdout && !run.stdout.endsWith('\n') ? '\n' : ''}${raised}\n`;
  } else if (run.exitCode !== 0) {
    return {
      status: 'failed',
      reason: `exited with code ${run.exitCode}${raised ? `: ${raised}` : ''} (mark blocks meant to fail raises=Name, blocks that cannot run norun="reason")`,
      actual: run.stdout + run.stderr,
    };
  }
  if (snippet.expected !== undefined && normaliseOutput(actual) !== normaliseOutput(snippet.expected)) {
    return { status: 'failed', reason: 'printed output differs from the output block', expected: snippet.expected, actual };
  }
  return { status: 'passed' };
}

/** One runner per hash seed for the system python3: a fresh process per snippet. */
export function nativeRunners(python = 'python3', hashSeeds: readonly string[] = ['1', '2']): SnippetRunner[] {
  return hashSeeds.map((hashSeed) => ({
    label: `${python}, PYTHONHASHSEED=${hashSeed}`,
    run: (code, timeoutMs) => runPython(code, { python, hashSeed, timeoutMs }),
  }));
}

/** The interpreters to check snippets on: Pyodide for most, the system python3 for `native` ones. */
export interface Interpreters {
  pyodide: readonly SnippetRunner[];
  native: readonly SnippetRunner[];
  /** Time limit for one run of one snippet, in milliseconds (default DEFAULT_TIMEOUT_MS). */
  timeoutMs?: number;
}

/** Runs one snippet on each of its runners (one per hash seed) and returns the first failure, or a pass. */
export async function checkSnippet(snippet: Snippet, interpreters: Interpreters): Promise<SnippetVerdict> {
  if (snippet.norun !== undefined) {
    return snippet.norun
      ? { status: 'norun', reason: snippet.norun }
      : { status: 'failed', reason: 'norun needs a reason: norun="needs Flask installed"' };
  }
  if (snippet.native === '') return { status: 'failed', reason: 'native needs a reason: native="needs threads"' };
  const runners = snippet.native === undefined ? interpreters.pyodide : interpreters.native;
  const timeoutMs = interpreters.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const runs = await Promise.all(runners.map((runner) => runner.run(snippet.code, timeoutMs)));
  for (const [i, run] of runs.entries()) {
    const verdict = judgeRun(snippet, run, timeoutMs);
    if (verdict.status === 'failed') return { ...verdict, reason: `${verdict.reason} (${runners[i]!.label})` };
  }
  return { status: 'passed' };
}

/** Runs tasks with at most `limit` under way at once, keeping results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
