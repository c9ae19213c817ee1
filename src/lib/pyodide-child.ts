/**
 * The child process behind a PyodideRunner (src/lib/pyodide-runner.ts): loads Pyodide once,
 * with the hash seed given as its first argument, then runs one snippet per IPC message through
 * snippet-driver.py and answers with what it printed and its exit code. Started with
 * --experimental-wasm-jspi, so a snippet's asyncio.run() can block as it does in CPython.
 */
import { readFileSync } from 'node:fs';
import { loadPyodide } from 'pyodide';
import type { ChildReady, ChildRequest, ChildResult } from './pyodide-runner.ts';

const send = (message: ChildReady | ChildResult) => process.send?.(message);

const pyodide = await loadPyodide({ env: { PYTHONHASHSEED: process.argv[2] ?? '0' } });
let stdout: Uint8Array[] = [];
let stderr: Uint8Array[] = [];
// Raw writers keep every byte (batched ones split at newlines and lose a missing final one).
const writer = (sink: () => Uint8Array[]) => ({
  isatty: false,
  write: (buffer: Uint8Array) => {
    sink().push(buffer.slice());
    return buffer.length;
  },
});
pyodide.setStdout(writer(() => stdout));
pyodide.setStderr(writer(() => stderr));
pyodide.setStdin({ error: true });

const globals = pyodide.toPy({ __name__: 'recall_snippet_driver' });
pyodide.runPython(readFileSync(new URL('./snippet-driver.py', import.meta.url), 'utf8'), { globals });
const run = globals.get('run');
const pythonVersion: string = pyodide.runPython('import sys; "%d.%d.%d" % sys.version_info[:3]');
stdout = [];
stderr = [];
send({ type: 'ready', pyodideVersion: pyodide.version, pythonVersion });

const decode = (chunks: Uint8Array[]) => Buffer.concat(chunks).toString('utf8');
let count = 0;
process.on('message', async (request: ChildRequest) => {
  stdout = [];
  stderr = [];
  try {
    // callPromising lets the snippet's synchronous code suspend on JavaScript promises (JSPI).
    const exitCode: number = await run.callPromising(request.code, ++count);
    send({ type: 'result', stdout: decode(stdout), stderr: decode(stderr), exitCode });
  } catch (error) {
    // The driver catches every Python exception, so this is the interpreter itself failing.
    send({ type: 'result', stdout: decode(stdout), stderr: decode(stderr), exitCode: null, crashed: String(error) });
    process.exit(1);
  }
});
