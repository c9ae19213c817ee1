/**
 * A rehype plugin that moves every heading of a question body one level down: a question's
 * title is the page's h2 (h1 on its own page), so its `## Answer` sections become h3.
 */
import type { Element, Root, RootContent } from 'hast';

const LEVEL = /^h([1-5])$/;

/** The rehype plugin. */
export function rehypeDemoteHeadings() {
  const visit = (node: Root | Element) => {
    for (const child of node.children as RootContent[]) {
      if (child.type !== 'element') continue;
      const match = LEVEL.exec(child.tagName);
      if (match) child.tagName = `h${Number(match[1]) + 1}`;
      visit(child);
    }
  };
  return (tree: Root) => visit(tree);
}
