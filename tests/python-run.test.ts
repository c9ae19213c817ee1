import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  appendChunk,
  asyncHint,
  compareOutput,
  isWorkerEvent,
  nativeNote,
  normaliseOutput,
  pyodideDirectory,
  PYTHON_VERSION,
  runVerdict,
  shownOutput,
  stoppedMessage,
  type OutputChunk,
} from '../src/lib/python-run.ts';

describe('the worker messages', () => {
  it('accepts every well-formed event', () => {
    expect(isWorkerEvent({ type: 'loaded', version: '3.14.2', ms: 900, jspi: true })).toBe(true);
    expect(isWorkerEvent({ type: 'load-failed', error: 'HTTP 404' })).toBe(true);
    expect(isWorkerEvent({ type: 'started', id: 3 })).toBe(true);
    expect(isWorkerEvent({ type: 'output', id: 3, chunks: [{ stream: 'stderr', text: 'x\n' }] })).toBe(true);
    expect(isWorkerEvent({ type: 'done', id: 3, readInput: false, ms: 2, exception: 'ValueError: bad', exitCode: 2 })).toBe(true);
  });

  it('ignores anything else', () => {
    expect(isWorkerEvent(null)).toBe(false);
    expect(isWorkerEvent('done')).toBe(false);
    expect(isWorkerEvent({ type: 'run', id: 1, code: 'print(1)' })).toBe(false);
    expect(isWorkerEvent({ type: 'output', id: 1, chunks: [{ stream: 'stdin', text: 'x' }] })).toBe(false);
    expect(isWorkerEvent({ type: 'done', id: '1', readInput: false, ms: 2 })).toBe(false);
    expect(isWorkerEvent({ type: 'done', id: 1, readInput: false, ms: 2, exception: 42 })).toBe(false);
  });
});

describe('output', () => {
  it('joins neighbouring chunks of one stream and keeps the order of the streams', () => {
    const chunks: OutputChunk[] = [];
    appendChunk(chunks, { stream: 'stdout', text: 'a\n' });
    appendChunk(chunks, { stream: 'stdout', text: 'b\n' });
    appendChunk(chunks, { stream: 'stderr', text: 'warn\n' });
    appendChunk(chunks, { stream: 'stdout', text: '' });
    appendChunk(chunks, { stream: 'stdout', text: 'c' });
    expect(chunks).toEqual([
      { stream: 'stdout', text: 'a\nb\n' },
      { stream: 'stderr', text: 'warn\n' },
      { stream: 'stdout', text: 'c' },
    ]);
  });

  it('shows the exception line after the output, on its own line', () => {
    expect(shownOutput([{ stream: 'stdout', text: 'start' }], { exception: 'KeyError: 1' })).toBe('start\nKeyError: 1\n');
    expect(shownOutput([{ stream: 'stdout', text: 'start\n' }], { exception: 'KeyError: 1' })).toBe('start\nKeyError: 1\n');
    expect(shownOutput([], { exception: 'KeyError: 1' })).toBe('KeyError: 1\n');
    expect(shownOutput([{ stream: 'stdout', text: 'ok\n' }], {})).toBe('ok\n');
  });

  it('ignores line endings, trailing spaces and trailing blank lines, nothing else', () => {
    expect(normaliseOutput('a  \r\nb\t\n\n\n')).toBe('a\nb');
    expect(normaliseOutput('  a')).toBe('  a');
    expect(compareOutput('1\n2\n', '1\n2')).toEqual({ match: true });
  });

  it('finds the first line that differs', () => {
    expect(compareOutput('1\n2\n3', '1\n2\n4')).toEqual({ match: false, line: 3, expected: '3', actual: '4' });
    expect(compareOutput('1\n2', '1')).toEqual({ match: false, line: 2, expected: '2', actual: '' });
    expect(compareOutput('1', '1\nextra')).toEqual({ match: false, line: 2, expected: '', actual: 'extra' });
  });
});

describe('the verdict after a run', () => {
  const printed: OutputChunk[] = [{ stream: 'stdout', text: '[1, 2, 3]\n' }];

  it('says the output matches the verified output', () => {
    expect(runVerdict(printed, { readInput: false, ms: 12 }, { expected: '[1, 2, 3]\n', edited: false })).toEqual({
      tone: 'good',
      text: 'Matches the verified output. Ran in 12 ms.',
    });
  });

  it('counts the exception line of a block that raises as part of its output', () => {
    const verdict = runVerdict(printed, { readInput: false, ms: 1500, exception: 'TypeError: no' }, { expected: '[1, 2, 3]\nTypeError: no', edited: false });
    expect(verdict).toEqual({ tone: 'good', text: 'Matches the verified output. Ran in 1.5 s.' });
  });

  it('names the line where the output differs', () => {
    const verdict = runVerdict(printed, { readInput: false, ms: 5 }, { expected: '[1, 2]\n', edited: false });
    expect(verdict).toEqual({ tone: 'bad', text: 'Differs from the verified output at line 1. Ran in 5 ms.' });
  });

  it('does not compare edited code with the original output', () => {
    expect(runVerdict(printed, { readInput: false, ms: 5 }, { expected: 'other', edited: true })).toEqual({
      tone: 'neutral',
      text: 'Your edited code finished. Ran in 5 ms.',
    });
    expect(runVerdict([], { readInput: false, ms: 5, exception: 'NameError: x' }, { expected: 'other', edited: true })).toEqual({
      tone: 'bad',
      text: 'Your edited code raised NameError. Ran in 5 ms.',
    });
  });

  it('explains input() and sys.exit()', () => {
    const verdict = runVerdict([], { readInput: true, ms: 5, exception: 'EOFError: EOF when reading a line' }, { edited: false });
    expect(verdict.text).toBe('The example raised EOFError. Ran in 5 ms. input() cannot read from the keyboard here: it got end of file.');
    expect(runVerdict([], { readInput: false, ms: 5, exitCode: 2 }, { edited: false }).text).toBe('The example finished. Ran in 5 ms. It exited with status 2.');
  });

  it('says why a run stopped early', () => {
    expect(stoppedMessage('stop')).toBe('Stopped. Python was restarted, so the next Run starts fresh.');
    expect(stoppedMessage('time')).toMatch(/^Stopped after 10 s: the code was still running/);
    expect(stoppedMessage('output')).toMatch(/more than 100,000 characters/);
    expect(stoppedMessage('restarted')).toMatch(/press Run again/);
  });
});

describe('asyncio.run without JSPI', () => {
  const code = 'import asyncio\nasyncio.run(main())';
  it('explains a failure only where the browser lacks JSPI and the code uses asyncio.run', () => {
    expect(asyncHint(code, { exception: 'RuntimeError: x' }, false)).toMatch(/needs a browser with JavaScript Promise Integration/);
    expect(asyncHint(code, { exception: 'RuntimeError: x' }, true)).toBe('');
    expect(asyncHint(code, {}, false)).toBe('');
    expect(asyncHint('await main()', { exception: 'RuntimeError: x' }, false)).toBe('');
  });
});

describe('blocks that need a real OS', () => {
  it('turns the reason into a note', () => {
    expect(nativeNote('needs threads')).toBe('Needs threads: run it on your machine');
    expect(nativeNote('  ')).toBe('Needs a real operating system: run it on your machine');
  });
});

describe('where Pyodide is served', () => {
  it('sits under the base path, in a folder named for its version', () => {
    expect(pyodideDirectory('/', '314.0.7')).toBe('/pyodide/314.0.7/');
    expect(pyodideDirectory('/recall/', '314.0.7')).toBe('/recall/pyodide/314.0.7/');
    expect(pyodideDirectory('/recall', '314.0.7')).toBe('/recall/pyodide/314.0.7/');
  });

  it('names the Python version the installed Pyodide runs', () => {
    const lock = JSON.parse(readFileSync('node_modules/pyodide/pyodide-lock.json', 'utf8')) as { info: { python: string } };
    expect(lock.info.python.split('.').slice(0, 2).join('.')).toBe(PYTHON_VERSION);
  });
});
