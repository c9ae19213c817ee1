/**
 * Building prompt code and a prediction's comparison as DOM nodes from data: every piece of
 * content becomes a text node, never HTML.
 */
import type { CodeToken } from '../lib/code-tokens';
import { comparisonSummary, type DiffKind, type OutputComparison } from '../lib/output-diff';

/** What each kind of line is called next to it: words, not colour alone. */
export const DIFF_LABEL: Record<DiffKind, string> = { same: 'Right', missing: 'Missing', extra: 'Not printed' };

/** Replaces the children of a `<code>` element with highlighted lines of tokens. */
export function showCode(code: Element, lines: readonly (readonly CodeToken[])[]): void {
  code.replaceChildren(
    ...lines.flatMap((line, i) => {
      const row = document.createElement('span');
      row.className = 'line';
      row.append(
        ...line.map((token) => {
          const span = document.createElement('span');
          if (token.className) span.className = token.className;
          span.textContent = token.text;
          return span;
        }),
      );
      return i > 0 ? [document.createTextNode('\n'), row] : [row];
    }),
  );
}

/** Shows a comparison: its one-line summary and the lines, each labelled right, missing or not printed. */
export function showComparison(summary: Element, list: Element, result: OutputComparison): void {
  summary.textContent = comparisonSummary(result);
  summary.setAttribute('data-matches', String(result.matches));
  list.replaceChildren(
    ...result.lines.map((line) => {
      const item = document.createElement('li');
      item.dataset.kind = line.kind;
      const label = document.createElement('span');
      label.className = 'diff-label';
      label.textContent = `${DIFF_LABEL[line.kind]}:`;
      const text = document.createElement('code');
      text.textContent = line.text === '' ? '(blank line)' : line.text;
      item.append(label, ' ', text);
      return item;
    }),
  );
}
