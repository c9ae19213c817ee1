/**
 * Highlighted code as data: lines of tokens, each with its colour classes. Made at build time
 * with the same shiki themes and colour transformer as the Markdown code blocks, so a page can
 * render it as plain elements (and the flashcards script can build it as DOM nodes) without
 * any HTML string, and it looks exactly like the code in the answers.
 *
 * A build highlights every card's example and each prompt three times (question page, study
 * page, cards data), so this keeps one highlighter on shiki's JavaScript regex engine (about
 * 1.6 times faster than the WebAssembly one, same tokens for Python) and remembers each result.
 */
import type { Element, ElementContent } from 'hast';
import { createHighlighterCore, type HighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import python from 'shiki/langs/python.mjs';
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

const colorClasses = codeColorClasses(themeColors(light), themeColors(dark));

function classOf(node: Element): string | undefined {
  const value: unknown = node.properties.className ?? node.properties.class;
  const list = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(' ') : [];
  return list.filter(Boolean).join(' ') || undefined;
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(textOf).join('') : '';
}

function elements(nodes: readonly ElementContent[], tagName: string): Element[] {
  return nodes.filter((n): n is Element => n.type === 'element' && n.tagName === tagName);
}

let highlighter: Promise<HighlighterCore> | undefined;
const highlighted = new Map<string, Promise<HighlightedCode>>();

/**
 * Highlights Python code into lines of tokens (trailing newlines dropped).
 * @example await highlightCode('x = 1') // { lang: 'python', lines: [[{ text: 'x ', className: 'cl-1f2328 cd-e6edf3' }, …]] }
 */
export function highlightCode(code: string): Promise<HighlightedCode> {
  let result = highlighted.get(code);
  if (!result) {
    result = tokenize(code);
    highlighted.set(code, result);
  }
  return result;
}

async function tokenize(code: string): Promise<HighlightedCode> {
  highlighter ??= createHighlighterCore({ themes: [light, dark], langs: [python], engine: createJavaScriptRegexEngine() });
  const lang = 'python';
  const root = (await highlighter).codeToHast(code.replace(/\n+$/, ''), { lang, themes: CODE_THEMES, defaultColor: false, transformers: [colorClasses] });
  const pre = elements(root.children as ElementContent[], 'pre')[0];
  const codeElement = pre && elements(pre.children, 'code')[0];
  if (!codeElement) throw new Error('highlightCode: shiki returned no <pre><code>');
  const lines = elements(codeElement.children, 'span').map((line) =>
    line.children.flatMap((token): CodeToken[] => {
      const text = textOf(token);
      if (!text) return [];
      const className = token.type === 'element' ? classOf(token) : undefined;
      return [className ? { text, className } : { text }];
    }),
  );
  return { lang, lines };
}
