import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSnippet, normaliseOutput, snippetsOf, type Snippet } from '../src/lib/snippet-check.ts';

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
  });
});

describe('checkSnippet', () => {
  it('passes a block whose output matches', async () => {
    expect(await checkSnippet(only('matching-output'))).toEqual({ status: 'passed' });
  });

  it('fails a block whose output differs, with expected and actual', async () => {
    const verdict = await checkSnippet(only('wrong-output'));
    expect(verdict).toMatchObject({ status: 'failed', expected: '5', actual: '4\n' });
  });

  it('passes a block that raises the exception it declares, comparing the exception line', async () => {
    expect(await checkSnippet(only('expected-exception'))).toEqual({ status: 'passed' });
  });

  it('fails a block that raises without saying so', async () => {
    const verdict = await checkSnippet(only('unexpected-exception'));
    expect(verdict.status).toBe('failed');
    expect(verdict.status === 'failed' && verdict.reason).toMatch(/exited with code 1: ZeroDivisionError: division by zero/);
  });

  it('times out a hanging block', async () => {
    const verdict = await checkSnippet(only('hanging'), { timeoutMs: 500 });
    expect(verdict).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^timed out after 500 ms/) });
  });

  it("fails an unmarked block that needs a third-party package, and skips it when marked norun", async () => {
    const verdict = await checkSnippet(only('cannot-run'));
    expect(verdict.status === 'failed' && verdict.reason).toMatch(/ModuleNotFoundError: No module named 'flask'/);
    expect(await checkSnippet(only('norun-block'))).toEqual({ status: 'norun', reason: 'needs Flask installed' });
  });

  it('catches output that depends on the hash seed', async () => {
    const verdict = await checkSnippet(only('hash-order'));
    expect(verdict).toMatchObject({ status: 'failed', reason: expect.stringMatching(/PYTHONHASHSEED=/) });
  });
});

describe('normaliseOutput', () => {
  it('ignores trailing spaces, CRLF and final newlines only', () => {
    expect(normaliseOutput('a  \r\nb\n\n')).toBe('a\nb');
    expect(normaliseOutput(' a')).toBe(' a');
  });
});
