/**
 * How question Markdown becomes HTML: our processor (src/lib/markdown-processor.ts) with
 * remark-gfm, our smart punctuation, our highlighting (shiki with colour classes and labels)
 * and our heading and code-runner rehype plugins. One definition, read by astro.config.mjs and by the
 * worker threads that render question files in parallel (src/loaders/parallel-markdown.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import yaml from 'js-yaml';
import remarkGfm from 'remark-gfm';
import dark from 'shiki/themes/github-dark-default.mjs';
import light from 'shiki/themes/github-light-default.mjs';
import { codeColorClasses, themeColors } from './code-colors.ts';
import { rehypeHighlight } from './code-highlight.ts';
import { questionMarkdown } from './markdown-processor.ts';
import { codeLabels, rehypeCodeRunners } from './code-labels.ts';
import { rehypeQuestionHeadings } from './question-headings.ts';
import { remarkSmartPunctuation } from './smart-punctuation.ts';

// Read once per deck, not once per question file.
const versions = new Map<string, string | undefined>();

/** A content file's deck `verifiedOn` (from the deck.yaml beside it), for the code blocks' labels. */
export function verifiedOn(path: string | undefined): string | undefined {
  const file = path ? join(dirname(path), 'deck.yaml') : '';
  if (!file || !existsSync(file)) return undefined;
  if (!versions.has(file)) {
    const deck = yaml.load(readFileSync(file, 'utf8')) as { verifiedOn?: unknown } | undefined;
    versions.set(file, deck?.verifiedOn === undefined ? undefined : String(deck.verifiedOn));
  }
  return versions.get(file);
}

/** The `markdown` block of the Astro config. */
export const markdownConfig = {
  // Smart punctuation is ours: the same output as Astro's default, in a fraction of the time.
  processor: questionMarkdown({
    remarkPlugins: [remarkSmartPunctuation, remarkGfm],
    rehypePlugins: [
      // Colours become classes (no inline styles, for the CSP); labels wrap the finished block.
      [rehypeHighlight, { transformers: [codeColorClasses(themeColors(light), themeColors(dark)), codeLabels()] }],
      rehypeQuestionHeadings,
      [rehypeCodeRunners, { verifiedOn }],
    ],
  }),
  // Highlighting is ours (src/lib/code-highlight.ts): the same HTML as Astro's, on a faster engine.
  syntaxHighlight: false as const,
};
