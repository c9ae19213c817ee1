import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PyodideRunner } from '../src/lib/pyodide-runner.ts';
import { checkSnippet, nativeRunners, normaliseOutput, promptSnippetOf, snippetsOf, type Interpreters, type Snippet } from '../src/lib/snippet-check.ts';

const load = (name: string): Snippet[] => {
  const path = `tests/fixtures/snippets/${name}.md`;
  return snippetsOf(path, readFileSync(path, 'utf8'));
};
const only = (name: string): Snippet => {
  const snippets = load(name);
  expect(snippets).toHaveLength(1);
  return snippets[0]!;
};

describe('snippetsOf', () => {
  it('pairs a python block with its output block and gives the file line of the fence', () => {
    expect(only('wrong-output')).toEqual({ path: 'tests/fixtures/snippets/wrong-output.md', line: 11, code: 'print(2 + 2)', expected: '5' });
    expect(only('expected-exception')).toMatchObject({ raises: 'KeyError' });
    expect(only('norun-block')).toMatchObject({ norun: 'needs Flask installed' });
    expect(only('native-thread')).toMatchObject({ native: 'needs threads', expected: "['from a thread']" });
  });

  it("puts the question's prompt code first, at the line of `prompt:` in the front matter", () => {
    const [prompt, body] = load('prompt-code');
    expect(prompt).toEqual({
      path: 'tests/fixtures/snippets/prompt-code.md',
      line: 7,
      code: 'a = [1, 2]\nb = a\nb += [3]\nprint(a)\nhash(a)\n',
      expected: "[1, 2, 3]\nTypeError: unhashable type: 'list'\n",
      raises: 'TypeError',
      prompt: true,
    });
    expect(body).toMatchObject({ code: 'print("body")', expected: 'body' });
  });

  it('has no prompt snippet when the front matter has no usable prompt code', () => {
    expect(promptSnippetOf('q.md', null)).toBeUndefined();
    expect(promptSnippetOf('q.md', 'title: "T?"')).toBeUndefined();
    expect(promptSnippetOf('q.md', 'prompt: "just text"')).toBeUndefined();
    expect(promptSnippetOf('q.md', 'prompt:\n  output: "1"')).toBeUndefined();
    expect(promptSnippetOf('q.md', 'title: [unclosed')).toBeUndefined();
    expect(promptSnippetOf('q.md', 'title: "T?"\nprompt:\n  code: "print(1)"')).toEqual({ path: 'q.md', line: 3, code: 'print(1)', prompt: true });
  });
});

// Generous limits: the runs are quick, but a shared 2-core machine can be very busy.
describe('checkSnippet', { timeout: 120_000 }, () => {
  // One interpreter per hash seed for the whole file: loading Pyodide takes seconds.
  const pyodide = [new PyodideRunner('1'), new PyodideRunner('2')];
  const interpreters: Interpreters = { pyodide, native: nativeRunners('python3'), timeoutMs: 30_000 };
  beforeAll(() => Promise.all(pyodide.map((runner) => runner.start())), 240_000);
  afterAll(() => pyodide.forEach((runner) => runner.close()));

  it('runs on Python 3.14 in Pyodide', async () => {
    expect(await pyodide[0]!.start()).toMatchObject({ pythonVersion: expect.stringMatching(/^3\.14\./) });
  });

  it('passes a block whose output matches', async () => {
    expect(await checkSnippet(only('matching-output'), interpreters)).toEqual({ status: 'passed' });
  });

  it('fails a block whose output differs, with expected and actual', async () => {
    const verdict = await checkSnippet(only('wrong-output'), interpreters);
    expect(verdict).toMatchObject({ status: 'failed', expected: '5', actual: '4\n', reason: expect.stringMatching(/\(Pyodide, PYTHONHASHSEED=1\)$/) });
  });

  it('passes a block that raises the exception it declares, comparing the exception line', async () => {
    expect(await checkSnippet(only('expected-exception'), interpreters)).toEqual({ status: 'passed' });
  });

  it('fails a block that raises without saying so', async () => {
    const verdict = await checkSnippet(only('unexpected-exception'), interpreters);
    expect(verdict.status === 'failed' && verdict.reason).toMatch(/exited with code 1: ZeroDivisionError: division by zero/);
  });

  it('fails an unmarked block that needs a third-party package, and skips it when marked norun', async () => {
    const verdict = await checkSnippet(only('cannot-run'), interpreters);
    expect(verdict.status === 'failed' && verdict.reason).toMatch(/ModuleNotFoundError: No module named 'flask'/);
    expect(await checkSnippet(only('norun-block'), interpreters)).toEqual({ status: 'norun', reason: 'needs Flask installed' });
  });

  it('catches output that depends on the hash seed', async () => {
    const verdict = await checkSnippet(only('hash-order'), interpreters);
    expect(verdict).toMatchObject({ status: 'failed', reason: expect.stringMatching(/\(Pyodide, PYTHONHASHSEED=[12]\)$/) });
  });

  it('lets asyncio.run block until the coroutine is done', async () => {
    expect(await checkSnippet(only('asyncio-run'), interpreters)).toEqual({ status: 'passed' });
  });

  it('runs a native block on the system python3, where threads exist, and not on Pyodide', async () => {
    const snippet = only('native-thread');
    expect(await checkSnippet(snippet, interpreters)).toEqual({ status: 'passed' });
    const unmarked: Snippet = { ...snippet };
    delete unmarked.native;
    const onPyodide = await checkSnippet(unmarked, interpreters);
    expect(onPyodide.status === 'failed' && onPyodide.reason).toMatch(/RuntimeError: can't start new thread/);
    expect(await checkSnippet({ ...snippet, native: '' }, interpreters)).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^native needs a reason/) });
  });

  it("checks a question's prompt code like a block", async () => {
    const [prompt] = load('prompt-code');
    expect(await checkSnippet(prompt!, interpreters)).toEqual({ status: 'passed' });
    const wrong = await checkSnippet({ ...prompt!, expected: "[1, 2]\nTypeError: unhashable type: 'list'" }, interpreters);
    expect(wrong).toMatchObject({ status: 'failed', actual: "[1, 2, 3]\nTypeError: unhashable type: 'list'\n" });
  });

  it('starts every block from a fresh state: nothing a block defines or changes leaks into the next', async () => {
    const [changer, checker] = load('state-reset');
    expect(await checkSnippet(changer!, interpreters)).toEqual({ status: 'passed' });
    expect(await checkSnippet(checker!, interpreters)).toEqual({ status: 'passed' });
  });

  // Last: a timeout kills the interpreter, so the runner has to load a new one.
  it('times out a hanging block, then runs the next block on a new interpreter', async () => {
    const verdict = await checkSnippet(only('hanging'), { ...interpreters, timeoutMs: 1_000 });
    expect(verdict).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^timed out after 1000 ms/) });
    expect(await checkSnippet(only('matching-output'), interpreters)).toEqual({ status: 'passed' });
  }, 240_000);
});

describe('normaliseOutput', () => {
  it('ignores trailing spaces, CRLF and final newlines only', () => {
    expect(normaliseOutput('a  \r\nb\n\n')).toBe('a\nb');
    expect(normaliseOutput(' a')).toBe(' a');
  });
});
