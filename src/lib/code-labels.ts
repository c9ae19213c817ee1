/**
 * Code blocks made readable at a glance, and runnable where they are read.
 *
 * A shiki transformer wraps each block that needs it in a figure with a caption: an output block
 * is captioned "Output" (styled apart from code); a Python block says what it is ("Python",
 * "Raises X", "Not run: why", or for a block that needs a real OS, "Needs threads: run it on
 * your machine"). A rehype plugin then puts each Python block and the output block under it in
 * one `<python-run>` element (the runner's custom element) and adds where the block was
 * verified. Captions are real elements, so screen readers announce them, and all of it reads
 * the same with JavaScript off.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { ShikiTransformer } from 'shiki';
import { parseFenceMeta } from './question-file.ts';
import { nativeNote } from './python-run.ts';

/** How a Python block can be run: here in the page, only natively (threads, processes), or not at all. */
export type RunMode = 'page' | 'native' | 'none';

/** A code block's caption, class and (for Python) how it runs. */
export interface CodeLabel {
  caption: string;
  kind: string;
  run?: RunMode;
}

/** The caption and class for a code block's fence meta, or null when it needs none. */
export function codeLabel(lang: string, rawMeta: string | undefined): CodeLabel | null {
  const meta = parseFenceMeta(rawMeta);
  if (meta.output === true) return { caption: 'Output', kind: 'output' };
  if (lang !== 'python') return null;
  if (meta.norun !== undefined) return { caption: meta.norun === true ? 'Not run' : `Not run: ${meta.norun}`, kind: 'norun', run: 'none' };
  if (meta.native !== undefined) return { caption: nativeNote(meta.native === true ? '' : meta.native), kind: 'native', run: 'native' };
  if (typeof meta.raises === 'string') return { caption: `Raises ${meta.raises}`, kind: 'raises', run: 'page' };
  return { caption: 'Python', kind: 'python', run: 'page' };
}

/** The transformer; give it to the highlighting plugin (src/lib/markdown.ts). */
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
      const properties: Element['properties'] = { className: ['code', `code-${label.kind}`] };
      if (label.run) properties.dataRun = label.run;
      const figure: Element = { type: 'element', tagName: 'figure', properties, children: [caption, ...(root.children as ElementContent[])] };
      root.children = [figure];
    },
  };
}

/** Where a block's output was verified, or null for a block that is not run. */
export function verifiedLabel(run: RunMode, verifiedOn: string | undefined): string | null {
  if (run === 'native') return 'Verified on CPython (native)';
  if (run === 'page' && verifiedOn) return `Verified on Python ${verifiedOn}`;
  return null;
}

const isElement = (node: RootContent | undefined): node is Element => node?.type === 'element';
const classesOf = (node: Element): string[] => (Array.isArray(node.properties.className) ? node.properties.className.map(String) : []);

/** Options of the rehype plugin. */
export interface CodeRunnerOptions {
  /** The Python version a content file's examples are verified on (its deck's `verifiedOn`). */
  verifiedOn(path: string | undefined): string | undefined;
}

/**
 * The rehype plugin (after shiki): each Python figure and the output figure that follows it
 * become one `<python-run data-run="…">`, and the caption gains "Verified on …".
 */
export function rehypeCodeRunners(options: CodeRunnerOptions) {
  return (tree: Root, file: { path?: string }) => {
    const version = options.verifiedOn(file.path);
    const visit = (parent: Root | Element) => {
      const children = parent.children as RootContent[];
      for (let i = 0; i < children.length; i++) {
        const node = children[i];
        if (!isElement(node)) continue;
        const run = node.tagName === 'figure' ? node.properties.dataRun : undefined;
        if (run !== 'page' && run !== 'native' && run !== 'none') {
          if (node.tagName !== 'python-run') visit(node);
          continue;
        }
        const verified = verifiedLabel(run, version);
        const caption = node.children.find((child): child is Element => isElement(child) && child.tagName === 'figcaption');
        if (caption) {
          caption.children = [
            { type: 'element', tagName: 'span', properties: { className: ['code-kind'] }, children: caption.children },
            ...(verified ? [{ type: 'element', tagName: 'span', properties: { className: ['code-verified'] }, children: [{ type: 'text', value: verified }] } as Element] : []),
          ];
        }
        // The output block may sit after a whitespace text node.
        let next = i + 1;
        while (children[next]?.type === 'text' && !(children[next] as { value: string }).value.trim()) next++;
        const after = children[next];
        const output = isElement(after) && after.tagName === 'figure' && classesOf(after).includes('code-output') ? after : undefined;
        const runner: Element = {
          type: 'element',
          tagName: 'python-run',
          properties: { dataRun: run },
          children: output ? [node, output] : [node],
        };
        delete node.properties.dataRun;
        children.splice(i, output ? next - i + 1 : 1, runner);
      }
    };
    visit(tree);
  };
}
