/**
 * The runner behind a `<python-run>` block (see CodeRunner.astro), loaded on its first Run or
 * Edit: runs the code in the page's Python worker, shows the output under the block and says
 * whether it matches the verified output; Edit swaps the code for an editor, Reset restores it,
 * Stop ends a run. Sentences come from src/lib/python-run.ts; the editor loads on first Edit.
 */
import {
  appendChunk,
  asyncHint,
  DOWNLOAD_SIZE,
  PYTHON_VERSION,
  runVerdict,
  stoppedMessage,
  type OutputChunk,
  type RunOutcome,
} from '../lib/python-run';
import type { CodeEditor } from './code-editor';
import { pythonHasJspi, pythonLoaded, runPython, type RunHandle } from './python-client';

type Action = 'run' | 'edit' | 'reset' | 'stop';

/** The `<python-run>` element as CodeRunner.astro defines it. */
type RunElement = HTMLElement & { source: () => string };

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const runKeys = () => (/Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘ Enter' : 'Ctrl+Enter');

class Runner {
  readonly #element: RunElement;
  readonly #original: string;
  readonly #readSource: () => string;
  readonly #pre: HTMLElement;
  readonly #bar: HTMLElement;
  readonly #status: HTMLElement;
  #editor: CodeEditor | undefined;
  #editorBox: HTMLElement | undefined;
  #run: RunHandle | undefined;
  #output: HTMLElement | undefined;

  constructor(element: RunElement) {
    this.#element = element;
    this.#readSource = element.source;
    this.#original = element.source();
    this.#pre = element.querySelector('figure > pre') as HTMLElement;
    this.#bar = element.querySelector('.run-bar') as HTMLElement;
    this.#status = element.querySelector('.run-status') as HTMLElement;
  }

  act(action: Action) {
    if (action === 'run') this.#start();
    else if (action === 'edit') void this.#edit();
    else if (action === 'reset') this.#reset();
    else this.#run?.stop();
  }

  #button(action: Action, label: string): HTMLButtonElement {
    let button = this.#bar.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);
    if (!button) {
      button = document.createElement('button');
      button.type = 'button';
      button.className = `run-button run-${action}`;
      button.dataset.action = action;
      button.textContent = label;
      button.hidden = true;
      // Stop takes Run's place; Reset takes Edit's.
      const anchor = this.#bar.querySelector(`button[data-action="${action === 'stop' ? 'run' : 'edit'}"]`);
      this.#bar.insertBefore(button, anchor);
    }
    return button;
  }

  /** Shows one button in place of another, keeping keyboard focus on the visible one. */
  #swap(hide: HTMLButtonElement, show: HTMLButtonElement) {
    const hadFocus = document.activeElement === hide;
    show.hidden = false;
    hide.hidden = true;
    if (hadFocus) show.focus();
  }

  #say(text: string, tone: 'good' | 'bad' | 'neutral' = 'neutral') {
    this.#status.textContent = text;
    this.#status.dataset.tone = tone;
  }

  #outputPanel(edited: boolean): HTMLElement {
    this.#output?.remove();
    // A figure like the verified output's: its caption names it for screen readers.
    const panel = document.createElement('figure');
    panel.className = 'run-output';
    const label = document.createElement('figcaption');
    label.className = 'run-output-label';
    label.textContent = edited ? 'Output of your edited code' : 'Output of this run';
    const pre = document.createElement('pre');
    pre.tabIndex = 0;
    const code = document.createElement('code');
    pre.append(code);
    panel.append(label, pre);
    this.#status.before(panel);
    this.#output = panel;
    return code;
  }

  #start() {
    if (this.#run) return;
    const code = this.#editor ? this.#editor.text() : this.#original;
    const edited = code.trimEnd() !== this.#original.trimEnd();
    const expected = this.#element.querySelector('figure.code-output pre')?.textContent ?? undefined;
    const screen = this.#outputPanel(edited);
    const chunks: OutputChunk[] = [];
    const runButton = this.#button('run', 'Run');
    const stopButton = this.#button('stop', 'Stop');
    this.#swap(runButton, stopButton);
    let loadedNote = '';
    this.#say(pythonLoaded() ? 'Running…' : `Loading Python ${PYTHON_VERSION} (${DOWNLOAD_SIZE}, once)…`);

    const show = (chunk: OutputChunk, className?: string) => {
      const span = document.createElement('span');
      if (className) span.className = className;
      else if (chunk.stream === 'stderr') span.className = 'stderr';
      span.textContent = chunk.text;
      screen.append(span);
    };
    const finish = (outcome: RunOutcome) => {
      this.#run = undefined;
      this.#swap(stopButton, runButton);
      if (outcome.kind === 'done') {
        const { end } = outcome;
        if (end.exception) show({ stream: 'stderr', text: `${screen.textContent && !screen.textContent.endsWith('\n') ? '\n' : ''}${end.exception}\n` }, 'exception');
        if (!screen.textContent) show({ stream: 'stdout', text: 'No output.' }, 'empty');
        const verdict = runVerdict(chunks, end, { expected, edited });
        this.#say(`${loadedNote}${verdict.text}${asyncHint(code, end, pythonHasJspi())}`, verdict.tone);
      } else if (outcome.kind === 'stopped') {
        this.#say(stoppedMessage(outcome.reason), 'bad');
      } else {
        this.#say(`Python could not start (${outcome.error}). Check your connection and press Run again.`, 'bad');
      }
    };
    this.#run = runPython(code, {
      onLoaded: (version, ms) => {
        loadedNote = `Python ${version} loaded in ${seconds(ms)}. `;
      },
      onStarted: () => this.#say(`${loadedNote}Running…`),
      onOutput: (received) => {
        for (const chunk of received) {
          appendChunk(chunks, chunk);
          show(chunk);
        }
      },
      onEnd: finish,
    });
  }

  async #edit() {
    if (this.#editor) return this.#editor.focus();
    const editButton = this.#button('edit', 'Edit');
    editButton.disabled = true;
    const { createEditor } = await import('./code-editor');
    const box = document.createElement('div');
    box.className = 'run-editor';
    this.#pre.after(box);
    this.#editor = createEditor(box, this.#original.replace(/\n$/, ''), {
      label: 'Python code (editable)',
      onRun: () => this.#start(),
    });
    this.#editorBox = box;
    this.#pre.hidden = true;
    const editor = this.#editor;
    this.#element.source = () => editor.text();
    editButton.disabled = false;
    const resetButton = this.#button('reset', 'Reset');
    resetButton.hidden = false;
    editButton.hidden = true;
    editor.focus();
    this.#say(`Editing: ${runKeys()} runs your code; Reset brings back the original.`);
  }

  #reset() {
    this.#editor?.destroy();
    this.#editorBox?.remove();
    this.#editor = undefined;
    this.#editorBox = undefined;
    this.#pre.hidden = false;
    this.#element.source = this.#readSource;
    this.#output?.remove();
    this.#output = undefined;
    this.#swap(this.#button('reset', 'Reset'), this.#button('edit', 'Edit'));
    this.#say('Restored the original code.');
  }
}

const runners = new WeakMap<HTMLElement, Runner>();

/** The runner of one `<python-run>` element, made on first use. */
export function runnerFor(element: HTMLElement): Runner {
  let runner = runners.get(element);
  if (!runner) {
    runner = new Runner(element as RunElement);
    runners.set(element, runner);
  }
  return runner;
}
