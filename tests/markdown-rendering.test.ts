/**
 * Question Markdown renders the same however the build renders it: our smart punctuation gives
 * exactly remark-smartypants' output, our processor and highlighting exactly the HTML of Astro's
 * own pipeline and shiki step, and a worker thread exactly the in-thread HTML (and the tree
 * `parseMarkdown` would make).
 */
import { createMarkdownProcessor, markdownConfigDefaults } from '@astrojs/markdown-remark';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkSmartypants from 'remark-smartypants';
import { unified as remark, type Plugin } from 'unified';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import type { AstroConfig } from 'astro';
import dark from 'shiki/themes/github-dark-default.mjs';
import light from 'shiki/themes/github-light-default.mjs';
import { codeColorClasses, CODE_THEMES, themeColors } from '../src/lib/code-colors.ts';
import { codeLabels, rehypeCodeRunners } from '../src/lib/code-labels.ts';
import { markdownConfig, verifiedOn } from '../src/lib/markdown.ts';
import { rehypeQuestionHeadings } from '../src/lib/question-headings.ts';
import { remarkSmartPunctuation } from '../src/lib/smart-punctuation.ts';
import { parallelMarkdown } from '../src/loaders/parallel-markdown.ts';
import { parseMarkdown, splitFrontmatter } from '../src/lib/question-file.ts';
import { highlightCode, type HighlightedCode } from '../src/lib/code-tokens.ts';
import { exampleBlockOf } from '../src/lib/flashcards.ts';

const deck = resolve('content/python');
const files = readdirSync(deck).filter((f) => f.endsWith('.md')).sort();
const bodies = files.map((f) => splitFrontmatter(readFileSync(join(deck, f), 'utf8')).body);

const parser = remark().use(remarkParse).use(remarkGfm);

/** The text of every text node, in order, after a plugin ran over (a copy of) the parsed body. */
function texts(plugin: Plugin<[], Root>, body: string | Root): string[] {
  const tree = structuredClone(typeof body === 'string' ? parser.parse(body) : body);
  remark().use(plugin).runSync(tree);
  const out: string[] = [];
  const walk = (node: { type: string; value?: string; children?: unknown[] }) => {
    if (node.type === 'text') out.push(node.value ?? '');
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  walk(tree);
  return out;
}

describe('remarkSmartPunctuation', () => {
  it('changes quotes, dashes and ellipses, never code', () => {
    const [text] = [texts(remarkSmartPunctuation as Plugin<[], Root>, `"It's" -- done... \`"x"\``).join('|')];
    expect(text).toBe('“It’s” — done… ');
  });

  it(`gives remark-smartypants' output on all ${bodies.length} questions of the deck`, () => {
    const differing = files.filter((_, i) => {
      const tree = parser.parse(bodies[i]!);
      return texts(remarkSmartPunctuation as Plugin<[], Root>, tree).join('\n') !== texts(remarkSmartypants as Plugin<[], Root>, tree).join('\n');
    });
    expect(differing).toEqual([]);
  }, 60_000);

  it('gives its output on text written to trip it: pairs across emphasis, spaced dots, doubled quotes', () => {
    const tricky = ['He said "*no*" -- twice.', "It's the '80s . . . or ''so'' they say ``really''", '- "a" and \'b\'\n- --- and ....', '| "x" | y... |\n|---|---|\n| \'z\' | -- |'];
    for (const text of tricky) expect(texts(remarkSmartPunctuation as Plugin<[], Root>, text)).toEqual(texts(remarkSmartypants as Plugin<[], Root>, text));
  });
});

describe('our Markdown processor and highlighting', () => {
  /** Astro's own pipeline (its unified processor and shiki step) with our other plugins: what ours must match. */
  const astros = () =>
    createMarkdownProcessor({
      image: {},
      gfm: false,
      smartypants: false,
      remarkPlugins: markdownConfig.processor.options.remarkPlugins,
      rehypePlugins: [rehypeQuestionHeadings, [rehypeCodeRunners, { verifiedOn }]],
      syntaxHighlight: { type: 'shiki', excludeLangs: ['math'] },
      shikiConfig: { ...markdownConfigDefaults.shikiConfig, themes: CODE_THEMES, defaultColor: false, transformers: [codeColorClasses(themeColors(light), themeColors(dark)), codeLabels()] },
    });

  it(`give the HTML and headings of Astro's pipeline on all ${bodies.length} questions of the deck`, async () => {
    const [ours, theirs] = [await markdownConfig.processor.createRenderer({}), await astros()];
    const differing: string[] = [];
    for (const [i, file] of files.entries()) {
      const options = { frontmatter: { id: file }, fileURL: pathToFileURL(join(deck, file)) };
      if (JSON.stringify(await ours.render(bodies[i]!, options)) !== JSON.stringify(await theirs.render(bodies[i]!, options))) differing.push(file);
    }
    expect(differing).toEqual([]);
  }, 120_000);

  it('read HTML written in the Markdown as Astro does', async () => {
    const [ours, theirs] = [await markdownConfig.processor.createRenderer({}), await astros()];
    for (const text of ['A <kbd>Ctrl</kbd> key.', '<div>left open\n\ntext', '<!-- a comment -->\n\n*after*']) {
      expect((await ours.render(text)).code).toBe((await theirs.render(text)).code);
    }
    expect((await ours.render('<div>left open')).code).toBe('<div>left open</div>');
  });

  it('shows a language it has no colours for as plain text', async () => {
    const renderer = await markdownConfig.processor.createRenderer({});
    const { code } = await renderer.render('```cobol\nDISPLAY "HI".\n```\n');
    expect(code).toContain('data-language="plaintext"');
    expect(code).toContain('DISPLAY');
  });
});

/** A loader context with just what the glob loader and the wrapper read; its store holds `entries`. */
function fakeContext(config: AstroConfig, entries: readonly { id: string; body: string }[]) {
  return { config, store: { values: () => entries.map((e) => ({ ...e, data: {} })) }, logger: { warn: () => {} } };
}

describe('parallelMarkdown', () => {
  it('renders in worker threads exactly what the renderer gives in this thread, and keeps each body as parsed, rendered or not', async () => {
    const config = { markdown: { ...markdownConfigDefaults, ...markdownConfig }, image: { domains: [], remotePatterns: [] } } as unknown as AstroConfig;
    const inThread = await markdownConfig.processor.createRenderer({});
    const sample = files.slice(0, 12);
    const entries = sample.map((f, i) => ({ id: f, data: {}, body: bodies[i]!, filePath: join(deck, f) }));
    const expected = await Promise.all(entries.map(async (e) => (await inThread.render(e.body, { frontmatter: {}, fileURL: pathToFileURL(e.filePath) })).code));

    // A stand-in for the glob loader: asks for the Markdown renderer and renders every entry at
    // once, but for the last four, as in a warm build (unchanged since the last one: not rendered).
    const rendered = entries.slice(0, -4);
    const got: string[] = [];
    const loader = parallelMarkdown(
      {
        name: 'stand-in',
        async load(context) {
          const entryTypes = (context as unknown as { entryTypes: Map<string, { getRenderFunction: (c: AstroConfig) => Promise<(e: unknown) => Promise<{ html: string }>> }> }).entryTypes;
          const render = await entryTypes.get('.md')!.getRenderFunction(config);
          got.push(...(await Promise.all(rendered.map(async (e) => (await render(e)).html))));
        },
      },
      { workers: 2 },
    );
    const unusedInThread = { getRenderFunction: async () => { throw new Error('rendered in this thread'); } };
    // The process-wide caches that parseMarkdown and highlightCode read (emptied of this thread's work).
    const kept = (globalThis as { [key: symbol]: Map<string, Root> | undefined })[Symbol.for('recall.markdown-trees')];
    const tokens = (globalThis as { [key: symbol]: Map<string, Promise<HighlightedCode>> | undefined })[Symbol.for('recall.highlighted-code')];
    kept?.clear();
    tokens?.clear();
    await loader.load({ ...fakeContext(config, entries), entryTypes: new Map([['.md', unusedInThread]]) } as never);
    expect(got).toEqual(expected.slice(0, -4));
    // The trees came from the workers (none was parsed here), and they are what parsing here gives.
    for (const entry of entries) expect(kept?.has(entry.body)).toBe(true);
    for (const entry of entries) expect(parseMarkdown(entry.body)).toStrictEqual(parser.parse(entry.body));
    // So did each card example's tokens, and they are what highlighting it here gives.
    const examples = entries.map((e) => exampleBlockOf(e.body)?.code).filter((code) => code !== undefined);
    expect(examples.length).toBeGreaterThan(6);
    const fromWorkers = await Promise.all(examples.map((code) => tokens?.get(code)));
    tokens?.clear();
    expect(fromWorkers).toEqual(await Promise.all(examples.map((code) => highlightCode(code))));
  });
});
