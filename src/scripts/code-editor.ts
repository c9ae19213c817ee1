/**
 * The code editor for an example: CodeMirror 6 with Python highlighting, loaded on a learner's
 * first Edit. It lives in a shadow root, where CodeMirror's styles go in as constructed
 * stylesheets: in the document they would be <style> elements, which the site's
 * Content-Security-Policy refuses. Colours are the site's own variables and GitHub's code
 * colours (as in the static blocks), so the editor follows the light and dark themes.
 */
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { pythonLanguage } from '@codemirror/lang-python';
import { bracketMatching, HighlightStyle, indentOnInput, LanguageSupport, syntaxHighlighting } from '@codemirror/language';
import { EditorState, Prec } from '@codemirror/state';
import { drawSelection, EditorView, keymap } from '@codemirror/view';
import { tags } from '@lezer/highlight';

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

// GitHub's light and dark code colours, the ones shiki gives the static blocks.
const color = (light: string, dark: string) => `light-dark(${light}, ${dark})`;
const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.operatorKeyword, tags.controlKeyword, tags.definitionKeyword, tags.modifier], color: color('#cf222e', '#ff7b72') },
  { tag: [tags.string, tags.special(tags.string)], color: color('#0a3069', '#a5d6ff') },
  { tag: tags.comment, color: color('#6e7781', '#8b949e') },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: color('#0550ae', '#79c0ff') },
  { tag: [tags.function(tags.definition(tags.variableName)), tags.definition(tags.className), tags.function(tags.variableName)], color: color('#8250df', '#d2a8ff') },
  { tag: [tags.propertyName, tags.meta, tags.self], color: color('#953800', '#ffa657') },
]);

const theme = EditorView.theme({
  '&': {
    border: '1px solid var(--accent)',
    borderRadius: '0 0 var(--radius) var(--radius)',
    background: color('#ffffff', '#0d1117'),
    color: color('#1f2328', '#e6edf3'),
    fontSize: '0.875rem',
  },
  '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '1px' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.5' },
  '.cm-content': { padding: '0.8em 0', caretColor: 'var(--text)' },
  '.cm-line': { padding: '0 1em' },
  '&.cm-focused .cm-cursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground': { background: 'var(--accent-soft)' },
  '.cm-matchingBracket': { background: 'var(--accent-soft)', outline: '1px solid var(--accent)' },
});

/** Opens an editor on `doc` inside `host` (in a shadow root of its own). */
export function createEditor(host: HTMLElement, doc: string, options: EditorOptions): CodeEditor {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const view = new EditorView({
    parent: root,
    root,
    state: EditorState.create({
      doc,
      extensions: [
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        // The language without its completion sources: highlighting and indentation are what an example needs.
        new LanguageSupport(pythonLanguage),
        syntaxHighlighting(highlight),
        theme,
        EditorState.tabSize.of(4),
        // Tab indents; Escape then Tab leaves the editor (CodeMirror's way out for keyboard users).
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
