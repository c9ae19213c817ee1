/**
 * A shiki transformer that makes a question's code readable at a glance: an output block is
 * wrapped in a figure captioned "Output" (styled apart from code), a block that raises gets a
 * "Raises X" caption, and a block that is not run says why. Captions are real elements, so
 * screen readers announce them.
 */
import type { Element, ElementContent, Root } from 'hast';
import type { ShikiTransformer } from 'shiki';
import { parseFenceMeta } from './question-file.ts';

/** The caption and class for a code block's fence meta, or null when it needs none. */
export function codeLabel(lang: string, rawMeta: string | undefined): { caption: string; kind: string } | null {
  const meta = parseFenceMeta(rawMeta);
  if (meta.output === true) return { caption: 'Output', kind: 'output' };
  if (lang === 'python' && typeof meta.raises === 'string') return { caption: `Raises ${meta.raises}`, kind: 'raises' };
  if (lang === 'python' && typeof meta.norun === 'string') return { caption: `Not run: ${meta.norun}`, kind: 'norun' };
  return null;
}

/** The transformer; add it to `markdown.shikiConfig.transformers`. */
export function codeLabels(): ShikiTransformer {
  return {
    name: 'recall:code-labels',
    root(root: Root) {
      const label = codeLabel(this.options.lang, this.options.meta?.__raw);
      if (!label) return;
      const caption: Element = {
        type: 'element',
        tagName: 'figcaption',
        properties: {},
        children: [{ type: 'text', value: label.caption }],
      };
      const figure: Element = {
        type: 'element',
        tagName: 'figure',
        properties: { className: ['code', `code-${label.kind}`] },
        children: [caption, ...(root.children as ElementContent[])],
      };
      root.children = [figure];
    },
  };
}
