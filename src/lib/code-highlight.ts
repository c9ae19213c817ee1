/**
 * Syntax highlighting of Markdown code blocks at build time. It takes the place of Astro's own
 * shiki step (the config sets `syntaxHighlight: false`) and writes the same HTML: the same
 * themes, the same `astro-code` classes and `data-language`, our transformers after. What
 * differs is the engine: the highlighter of src/lib/code-tokens.ts, on shiki's JavaScript regex
 * engine. Highlighting was a third of the time it takes to render a question file, so on a
 * 1,000-question build this is seconds; and each Python block's tokens are kept for the pages
 * that show the same code again (a card's example).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { isSpecialLang, type ShikiTransformer } from 'shiki/core';
import { CODE_THEMES } from './code-colors.ts';
import { classNames, codeHighlighter, codeLines, rememberHighlight, textOf } from './code-tokens.ts';

/** Astro's touches on a highlighted `<pre>`: its `astro-code` classes and `data-language`. */
function astroPre(lang: string): ShikiTransformer {
  return {
    name: 'recall:astro-pre',
    pre(node) {
      const value: unknown = node.properties.class;
      const classes = Array.isArray(value) ? value.join(' ') : String(value ?? '');
      node.properties.class = classes.replace(/shiki/g, 'astro-code');
      node.properties.dataLanguage = lang;
    },
  };
}

/** The first `<code>` element of a highlighted block (inside its `<pre>`, and the figure around it). */
const codeElementOf = (node: ElementContent): Element | undefined =>
  node.type !== 'element' ? undefined : node.tagName === 'code' ? node : node.children.map(codeElementOf).find(Boolean);
/** A code element's language, from its `language-…` class (Markdown's fence), or "plaintext". */
const languageOf = (code: Element): string => classNames(code).find((c) => c.startsWith('language-'))?.slice('language-'.length) || 'plaintext';

/** Options of the rehype plugin: the transformers that run after Astro's touches, in order. */
export interface HighlightOptions {
  transformers: ShikiTransformer[];
}

/**
 * The rehype plugin: every `<pre><code class="language-…">` of the page becomes shiki's
 * highlighted block, with the fence's meta string passed on as `meta.__raw` (the captions
 * read it). Put it first among the rehype plugins, where Astro's own step would run.
 */
export function rehypeHighlight({ transformers }: HighlightOptions) {
  return async (tree: Root) => {
    const shiki = await codeHighlighter();
    const loaded = new Set(shiki.getLoadedLanguages());
    const visit = (parent: Root | Element) => {
      const children = parent.children as RootContent[];
      children.forEach((node, i) => {
        if (node.type !== 'element') return;
        const code = node.tagName === 'pre' && node.children.length === 1 ? node.children[0] : undefined;
        if (code?.type !== 'element' || code.tagName !== 'code') return visit(node);
        let lang = languageOf(code);
        if (lang === 'math') return; // left for a maths plugin, as Astro does
        if (!isSpecialLang(lang) && !loaded.has(lang)) {
          console.warn(`[highlight] no colours for the language "${lang}": shown as plain text`);
          lang = 'plaintext';
        }
        const meta = (code.data as { meta?: string } | undefined)?.meta;
        const text = code.children.map(textOf).join('').replace(/(?:\r\n|\r|\n)$/, '');
        const highlighted = shiki.codeToHast(text, {
          lang,
          themes: CODE_THEMES,
          defaultColor: false,
          ...(meta ? { meta: { __raw: meta } } : {}),
          transformers: [astroPre(lang), ...transformers],
        });
        const block = highlighted.children[0] as Element;
        const tokens = lang === 'python' ? codeElementOf(block) : undefined;
        if (tokens) rememberHighlight(text, { lang, lines: codeLines(tokens) });
        children[i] = block;
      });
    };
    visit(tree);
  };
}
