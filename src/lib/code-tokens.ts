/**
 * Highlighted code as data: lines of tokens, each with its colour classes. Made at build time
 * with the same shiki themes and colour transformer as the Markdown code blocks, so a page can
 * render it as plain elements (and the flashcards script can build it as DOM nodes) without
 * any HTML string, and it looks exactly like the code in the answers.
 *
 * The one highlighter of a thread lives here too, on shiki's JavaScript regex engine; the
 * Markdown code blocks use it (src/lib/code-highlight.ts), and remember each Python block's
 * tokens here, so a card's example, already highlighted on its page, is not highlighted again.
 */
import type { Element, ElementContent } from 'hast';
import { createHighlighterCore, type HighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import bash from 'shiki/langs/bash.mjs';
import dockerfile from 'shiki/langs/dockerfile.mjs';
import ini from 'shiki/langs/ini.mjs';
import python from 'shiki/langs/python.mjs';
import toml from 'shiki/langs/toml.mjs';
import dark from 'shiki/themes/github-dark-default.mjs';
import light from 'shiki/themes/github-light-default.mjs';
import { codeColorClasses, CODE_THEMES, themeColors } from './code-colors.ts';

/** One run of text in one colour; `className` holds its colour classes (`cl-… cd-…`). */
export interface CodeToken {
  text: string;
  className?: string;
}

/** A highlighted block: its language and its lines of tokens. */
export interface HighlightedCode {
  lang: string;
  lines: CodeToken[][];
}

/** The classes of a highlighted `<pre>`, as Astro's Markdown code blocks have them. */
export const CODE_BLOCK_CLASS = `astro-code astro-code-themes ${CODE_THEMES.light} ${CODE_THEMES.dark}`;

/** The languages a fence can name and get colours; any other is shown as plain text. */
export const HIGHLIGHTED_LANGUAGES = [python, bash, dockerfile, ini, toml];

let highlighter: Promise<HighlighterCore> | undefined;

/**
 * The one highlighter of this thread, made on first use. Its JavaScript regex engine is about
 * 1.6 times faster than Astro's WebAssembly one, with the same tokens for our languages.
 */
export function codeHighlighter(): Promise<HighlighterCore> {
  highlighter ??= createHighlighterCore({ themes: [light, dark], langs: HIGHLIGHTED_LANGUAGES, engine: createJavaScriptRegexEngine() });
  return highlighter;
}

const colorClasses = codeColorClasses(themeColors(light), themeColors(dark));

/** The class names of a hast element (`className` as a list or a string, or shiki's `class`). */
export function classNames(node: Element): string[] {
  const value: unknown = node.properties.className ?? node.properties.class;
  return (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(' ') : []).filter(Boolean);
}

const classOf = (node: Element): string | undefined => classNames(node).join(' ') || undefined;

/** The text of a hast node and everything in it. */
export function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(textOf).join('') : '';
}

function elements(nodes: readonly ElementContent[], tagName: string): Element[] {
  return nodes.filter((n): n is Element => n.type === 'element' && n.tagName === tagName);
}

// Python code by its text (trailing newlines dropped). A build asks for a card's example and a
// prompt up to three times (question page, study page, cards data). One map for the process:
// the content loader and the built pages each load their own copy of this module, and the
// loader fills it with the examples its Markdown workers highlighted (src/loaders/parallel-markdown.ts).
const HIGHLIGHTED = Symbol.for('recall.highlighted-code');
const highlighted: Map<string, Promise<HighlightedCode>> = ((globalThis as { [HIGHLIGHTED]?: Map<string, Promise<HighlightedCode>> })[HIGHLIGHTED] ??= new Map());
const trimmed = (code: string) => code.replace(/\n+$/, '');

/**
 * Highlights Python code into lines of tokens (trailing newlines dropped).
 * @example await highlightCode('x = 1') // { lang: 'python', lines: [[{ text: 'x ', className: 'cl-1f2328 cd-e6edf3' }, …]] }
 */
export function highlightCode(code: string): Promise<HighlightedCode> {
  const key = trimmed(code);
  let result = highlighted.get(key);
  if (!result) {
    result = codeHighlighter().then((shiki) => {
      const root = shiki.codeToHast(key, { lang: 'python', themes: CODE_THEMES, defaultColor: false, transformers: [colorClasses] });
      const pre = elements(root.children as ElementContent[], 'pre')[0];
      const codeElement = pre && elements(pre.children, 'code')[0];
      if (!codeElement) throw new Error('highlightCode: shiki returned no <pre><code>');
      return { lang: 'python', lines: codeLines(codeElement) };
    });
    highlighted.set(key, result);
  }
  return result;
}

/**
 * Keeps Python code highlighted elsewhere (a Markdown block, a worker's reply) for `highlightCode`.
 * Code that still ends in a newline is not kept: `highlightCode` would not highlight it as it is.
 */
export function rememberHighlight(code: string, result: HighlightedCode): void {
  if (code === trimmed(code) && result.lang === 'python') highlighted.set(code, Promise.resolve(result));
}

/** The lines of tokens of a highlighted `<code>` element (one `span.line` per line), colour classes included. */
export function codeLines(codeElement: Element): CodeToken[][] {
  return elements(codeElement.children, 'span').map((line) =>
    line.children.flatMap((token): CodeToken[] => {
      const text = textOf(token);
      if (!text) return [];
      const className = token.type === 'element' ? classOf(token) : undefined;
      return [className ? { text, className } : { text }];
    }),
  );
}
