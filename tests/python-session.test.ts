/** The worker's runner on the real interpreter: Pyodide loaded in Node from node_modules. */
import { loadPyodide } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OutputChunk, RunEnd } from '../src/lib/python-run.ts';
import { createSession, type PythonSession } from '../src/lib/python-session.ts';

let session: PythonSession;

beforeAll(async () => {
  session = createSession(await loadPyodide());
}, 180_000);

async function run(code: string): Promise<{ chunks: OutputChunk[]; end: RunEnd }> {
  const chunks: OutputChunk[] = [];
  const end = await session.run(code, (chunk) => chunks.push(chunk));
  return { chunks, end };
}

describe('a run on Pyodide', () => {
  it('reports stdout and stderr in the order they were written', async () => {
    const { chunks, end } = await run("import sys\nprint('a')\nprint('b', file=sys.stderr)\nprint('c', end='')");
    expect(chunks).toEqual([
      { stream: 'stdout', text: 'a\n' },
      { stream: 'stderr', text: 'b\n' },
      { stream: 'stdout', text: 'c' },
    ]);
    expect(end.exception).toBeUndefined();
  });

  it('runs as __main__ in a fresh namespace every time', async () => {
    const first = await run('class Point: pass\nimport pickle\nprint(__name__, Point, type(pickle.loads(pickle.dumps(Point()))).__name__)');
    expect(first.chunks).toEqual([{ stream: 'stdout', text: "__main__ <class '__main__.Point'> Point\n" }]);
    const second = await run('print(Point)');
    expect(second.end.exception).toMatch(/^NameError: name 'Point' is not defined/);
  });

  it('ends with the last line of the traceback, syntax errors included', async () => {
    expect((await run("print('before')\n{}['k']")).end.exception).toBe("KeyError: 'k'");
    expect((await run('def f(:\n    pass')).end.exception).toBe('SyntaxError: invalid syntax');
  });

  it('lets sys.exit() end a run quietly, keeping a non-zero status', async () => {
    expect((await run('import sys\nsys.exit(0)')).end).toMatchObject({ readInput: false });
    expect((await run('import sys\nsys.exit(0)')).end.exitCode).toBeUndefined();
    expect((await run('raise SystemExit(3)')).end.exitCode).toBe(3);
    const message = await run("import sys\nsys.exit('bye')");
    expect(message.chunks).toEqual([{ stream: 'stderr', text: 'bye\n' }]);
    expect(message.end.exitCode).toBe(1);
  });

  it('gives input() end of file instead of waiting, and says so', async () => {
    const { chunks, end } = await run("name = input('name? ')");
    expect(chunks).toEqual([{ stream: 'stdout', text: 'name? ' }]);
    expect(end).toMatchObject({ readInput: true, exception: 'EOFError: EOF when reading a line' });
    expect((await run("print('next')")).end.readInput).toBe(false);
  });

  it('allows top-level await', async () => {
    const { chunks } = await run("import asyncio\nawait asyncio.sleep(0)\nprint('awaited')");
    expect(chunks).toEqual([{ stream: 'stdout', text: 'awaited\n' }]);
  });

  it('undoes what one run changed in sys before the next', async () => {
    await run('import sys, io\nsys.stdout = io.StringIO()\nsys.setrecursionlimit(50)');
    const { chunks } = await run('import sys\nprint(sys.getrecursionlimit() > 50)');
    expect(chunks).toEqual([{ stream: 'stdout', text: 'True\n' }]);
  });
});
