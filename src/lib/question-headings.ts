/**
 * A rehype plugin for question bodies. It moves every heading one level down (a question's
 * title is the page's h2, or h1 on its own page, so `## Answer` becomes h3), and gives each
 * heading an id prefixed with the question's id (`late-binding-closures-example`), so ten
 * questions on one study page never share an id.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';

const LEVEL = /^h([1-5])$/;

/** The text inside a hast element. */
function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(textOf).join('') : '';
}

/** A URL fragment from heading text: lowercase words joined by hyphens. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
}

/** The question id of a content file path: its file name without `.md`. */
export function questionIdOf(path: string | undefined): string {
  return (path ?? '').split(/[\\/]/).at(-1)?.replace(/\.md$/, '') ?? '';
}

/** The rehype plugin. */
export function rehypeQuestionHeadings() {
  return (tree: Root, file: { path?: string }) => {
    const prefix = questionIdOf(file.path);
    const visit = (node: Root | Element) => {
      for (const child of node.children as RootContent[]) {
        if (child.type !== 'element') continue;
        const match = LEVEL.exec(child.tagName);
        if (match) {
          child.tagName = `h${Number(match[1]) + 1}`;
          const slug = slugify(textOf(child));
          child.properties.id = prefix ? `${prefix}-${slug}` : slug;
        }
        visit(child);
      }
    };
    visit(tree);
  };
}
