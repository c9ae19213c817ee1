/**
 * The snippet checker: runs each ```python block of a question in its own fresh python3
 * process and compares what it prints with the output block shown under it.
 *
 * Conventions (see content/AUTHORING.md): an output block (```text output) right after a
 * python block is its exact output; `raises=Name` means the block must end in that exception
 * (its output block ends with the exception's last line); `norun="reason"` skips a block that
 * cannot run alone. Blocks see the standard library only. Every block runs under two hash seeds, so output that depends on set or
 * dict-of-str iteration order fails here rather than on a learner's machine.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeBlocksOf, parseMarkdown, splitFrontmatter } from './question-file.ts';

/** One python block to run, with what it must print or raise. */
export interface Snippet {
  path: string;
  /** 1-based line of the opening fence in the file. */
  line: number;
  code: string;
  /** The exact expected output, when the block has an output block. */
  expected?: string;
  /** The exception the block must end in. */
  raises?: string;
  /** Why the block is not run; set only for `norun` blocks. */
  norun?: string;
}

/** Every python block of a question file, with file line numbers. */
export function snippetsOf(path: string, text: string): Snippet[] {
  const { body, bodyOffset } = splitFrontmatter(text);
  return codeBlocksOf(parseMarkdown(body))
    .filter((block) => block.lang === 'python')
    .map((block) => {
      const snippet: Snippet = { path, line: block.line + bodyOffset, code: block.code };
      if (block.output) snippet.expected = block.output.text;
      if (typeof block.meta.raises === 'string') snippet.raises = block.meta.raises;
      if (block.meta.norun !== undefined) snippet.norun = block.meta.norun === true ? '' : block.meta.norun;
      return snippet;
    });
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

/** How to run snippets. */
export interface RunOptions {
  /** The interpreter to run, default `python3`. */
  python?: string;
  /** Time limit for one run, in milliseconds. */
  timeoutMs?: number;
  /** PYTHONHASHSEED values; the block runs once under each. */
  hashSeeds?: readonly string[];
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
      }, options.timeoutMs ?? 10_000);
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

/** Runs one snippet under every hash seed and returns the first failure, or a pass. */
export async function checkSnippet(snippet: Snippet, options: RunOptions = {}): Promise<SnippetVerdict> {
  if (snippet.norun !== undefined) {
    return snippet.norun
      ? { status: 'norun', reason: snippet.norun }
      : { status: 'failed', reason: 'norun needs a reason: norun="needs Flask installed"' };
  }
  const timeoutMs = options.timeoutMs ?? 10_000;
  for (const hashSeed of options.hashSeeds ?? ['1', '2']) {
    const verdict = judgeRun(snippet, await runPython(snippet.code, { ...options, hashSeed }), timeoutMs);
    if (verdict.status === 'failed') {
      return (options.hashSeeds ?? ['1', '2']).length > 1 ? { ...verdict, reason: `${verdict.reason} (PYTHONHASHSEED=${hashSeed})` } : verdict;
    }
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
