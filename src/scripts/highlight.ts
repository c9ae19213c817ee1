/** Rendering highlighted text as DOM nodes: content strings are never parsed as HTML. */
import type { HighlightPart } from '../lib/search-text';

/**
 * Appends parts to `parent`: matched runs as <mark>, text between backticks inside <code>,
 * everything else as text nodes.
 */
export function appendHighlighted(parent: Element, parts: readonly HighlightPart[]): void {
  let target: Element = parent;
  const add = (text: string, mark: boolean) => {
    if (!text) return;
    if (!mark) return target.append(document.createTextNode(text));
    const element = document.createElement('mark');
    element.textContent = text;
    target.append(element);
  };
  for (const part of parts) {
    const pieces = part.text.split('`');
    pieces.forEach((piece, i) => {
      // Each backtick opens or closes a code span.
      if (i > 0) {
        if (target === parent) {
          target = document.createElement('code');
          parent.append(target);
        } else target = parent;
      }
      add(piece, part.mark);
    });
  }
}
