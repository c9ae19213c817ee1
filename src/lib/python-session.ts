/**
 * Runs examples on a loaded Pyodide the way `python3 example.py` would: each run gets a fresh
 * `__main__` module (a clean namespace, so classes print as `__main__.Point` and pickle finds
 * them), output arrives in the order it was written, an exception ends the run with the last
 * line of its traceback, `sys.exit()` ends it quietly, and `input()` reads end of file instead of
 * waiting for a keyboard that is not there. Used by the page's Python worker; no DOM in here.
 */
import type { PyodideAPI } from 'pyodide';
import type { OutputChunk, RunEnd } from './python-run.ts';

/** The Python side: defined once per interpreter, called once per run. */
export const HARNESS = `
import builtins, sys, traceback, types
from pyodide.code import eval_code_async

def _recall_last_line(error):
    lines = "".join(traceback.format_exception(error)).rstrip().splitlines()
    return lines[-1].strip() if lines else type(error).__name__

async def _recall_run(source):
    sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
    limit = sys.getrecursionlimit()
    saved_main = sys.modules.get("__main__")
    main = types.ModuleType("__main__")
    main.__builtins__ = builtins
    sys.modules["__main__"] = main
    exception = None
    exit_code = None
    try:
        await eval_code_async(source, main.__dict__, filename="<example>", return_mode="none")
    except SystemExit as error:
        if isinstance(error.code, int):
            exit_code = error.code or None
        elif error.code is not None:
            print(error.code, file=sys.stderr)
            exit_code = 1
    except BaseException as error:
        exception = _recall_last_line(error)
    finally:
        for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
            try:
                stream.flush()
            except Exception:
                pass
        sys.modules["__main__"] = saved_main
        sys.setrecursionlimit(limit)
    return [exception, exit_code]
`;

/** Runs one example at a time on one interpreter. */
export interface PythonSession {
  /** Runs `code`; `onOutput` gets each piece of output as it is written. */
  run(code: string, onOutput: (chunk: OutputChunk) => void): Promise<RunEnd>;
}

/** Prepares a loaded Pyodide for running examples. */
export function createSession(pyodide: PyodideAPI, now: () => number = () => performance.now()): PythonSession {
  let sink: (chunk: OutputChunk) => void = () => {};
  let readInput = false;
  const writer = (stream: OutputChunk['stream']) => {
    const decoder = new TextDecoder();
    return {
      write(buffer: Uint8Array) {
        sink({ stream, text: decoder.decode(buffer, { stream: true }) });
        return buffer.length;
      },
    };
  };
  pyodide.setStdout(writer('stdout'));
  pyodide.setStderr(writer('stderr'));
  pyodide.setStdin({
    stdin: () => {
      readInput = true;
      return null;
    },
  });
  pyodide.runPython(HARNESS);
  const runner = pyodide.globals.get('_recall_run') as (source: string) => Promise<{ toJs(): unknown[]; destroy(): void }>;
  return {
    async run(code, onOutput) {
      sink = onOutput;
      readInput = false;
      const start = now();
      try {
        const result = await runner(code);
        const [exception, exitCode] = result.toJs() as [string | null | undefined, number | null | undefined];
        result.destroy();
        const end: RunEnd = { readInput, ms: now() - start };
        if (exception) end.exception = exception;
        if (typeof exitCode === 'number') end.exitCode = exitCode;
        return end;
      } finally {
        sink = () => {};
      }
    },
  };
}
