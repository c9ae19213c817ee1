/**
 * Question Markdown renders the same however the build renders it: our smart punctuation gives
 * exactly remark-smartypants' output, and a worker thread gives exactly the in-thread HTML.
 */
import { markdownConfigDefaults } from '@astrojs/markdown-remark';
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
import { markdownConfig } from '../src/lib/markdown.ts';
import { remarkSmartPunctuation } from '../src/lib/smart-punctuation.ts';
import { parallelMarkdown, renderSettings } from '../src/loaders/parallel-markdown.ts';
import { splitFrontmatter } from '../src/lib/question-file.ts';

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

/** A loader context with just what the glob loader and the wrapper read. */
function fakeContext(config: AstroConfig) {
  const stored = new Map<string, { rendered?: { html: string } }>();
  return { config, stored, logger: { warn: () => {} } };
}

describe('parallelMarkdown', () => {
  it('renders in worker threads exactly what the renderer gives in this thread', async () => {
    const config = {
      markdown: { ...markdownConfigDefaults, ...markdownConfig, shikiConfig: { ...markdownConfigDefaults.shikiConfig, ...markdownConfig.shikiConfig } },
      image: { domains: [], remotePatterns: [] },
    } as unknown as AstroConfig;
    const inThread = await markdownConfig.processor.createRenderer({ ...renderSettings(config), shikiConfig: { ...renderSettings(config).shikiConfig, transformers: markdownConfig.shikiConfig.transformers } });
    const sample = files.slice(0, 12);
    const entries = sample.map((f, i) => ({ id: f, data: {}, body: bodies[i]!, filePath: join(deck, f) }));
    const expected = await Promise.all(entries.map(async (e) => (await inThread.render(e.body, { frontmatter: {}, fileURL: pathToFileURL(e.filePath) })).code));

    // A stand-in for the glob loader: asks for the Markdown renderer and renders every entry at once.
    const got: string[] = [];
    const loader = parallelMarkdown(
      {
        name: 'stand-in',
        async load(context) {
          const entryTypes = (context as unknown as { entryTypes: Map<string, { getRenderFunction: (c: AstroConfig) => Promise<(e: unknown) => Promise<{ html: string }>> }> }).entryTypes;
          const render = await entryTypes.get('.md')!.getRenderFunction(config);
          got.push(...(await Promise.all(entries.map(async (e) => (await render(e)).html))));
        },
      },
      { workers: 2 },
    );
    const unusedInThread = { getRenderFunction: async () => { throw new Error('rendered in this thread'); } };
    await loader.load({ ...fakeContext(config), entryTypes: new Map([['.md', unusedInThread]]) } as never);
    expect(got).toEqual(expected);
  });
});
