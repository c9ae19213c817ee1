/**
 * The code editor for an example: CodeMirror 6 with Python highlighting, loaded on a learner's
 * first Edit. Token colours are classes (tok-keyword, …) styled by CodeRunner.astro, so they
 * follow the site's light and dark themes; CodeMirror's own base styles go in through a
 * constructed stylesheet, which the Content-Security-Policy allows.
 */
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import { bracketMatching, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { EditorState, Prec } from '@codemirror/state';
import { drawSelection, EditorView, keymap } from '@codemirror/view';
import { classHighlighter } from '@lezer/highlight';

/** An editor in the page. */
export interface CodeEditor {
  text(): string;
  focus(): void;
  destroy(): void;
}

/** What an editor needs from its block. */
export interface EditorOptions {
  /** The editor's accessible name. */
  label: string;
  /** Ctrl/Cmd+Enter. */
  onRun(): void;
}

/** Opens an editor on `doc` inside `parent`. */
export function createEditor(parent: HTMLElement, doc: string, options: EditorOptions): CodeEditor {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        python(),
        syntaxHighlighting(classHighlighter),
        EditorState.tabSize.of(4),
        // Tab indents; Escape then Tab leaves the editor (CodeMirror's escape hatch for keyboard users).
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (options.onRun(), true) }])),
        EditorView.contentAttributes.of({ 'aria-label': options.label }),
      ],
    }),
  });
  return {
    text: () => view.state.doc.toString(),
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
