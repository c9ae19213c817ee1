/** Building DOM from text parts: content becomes text nodes and <code> elements, never HTML. */
import { inlineCodeParts, type TextPart } from '../lib/inline-code';

/** Replaces the children of `element` with `parts`, code parts as <code>. */
export function showParts(element: Element, parts: readonly TextPart[]): void {
  element.replaceChildren(
    ...parts.map((part) => {
      if (!part.code) return document.createTextNode(part.text);
      const code = document.createElement('code');
      code.textContent = part.text;
      return code;
    }),
  );
}

/** Replaces the children of `element` with `text`, in which `backticks` mark code. */
export function showInline(element: Element, text: string): void {
  showParts(element, inlineCodeParts(text));
}
