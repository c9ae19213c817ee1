/**
 * Our Markdown processor (Astro's `markdown.processor`, a public interface): the pipeline of
 * Astro's own `unified()` processor, less two costs question files never need.
 *
 * - Raw HTML: Astro re-parses every finished page through parse5 (rehype-raw) in case the
 *   Markdown held HTML. That was a tenth of the time it takes to render a file; here it runs
 *   only on a file that has raw HTML. A file without any comes out the same either way.
 * - Images: Astro's image optimisation steps are left out. Question files have no images (the
 *   content check says so), so `localImagePaths` and `remoteImagePaths` are always empty.
 *
 * Highlighting, GFM and smart punctuation are plugins of ours (src/lib/markdown.ts), so the
 * shared options Astro passes (`syntaxHighlight`, `gfm`, `smartypants`) are not read here.
 */
import { rehypeHeadingIds, type MarkdownHeading, type MarkdownProcessor, type RehypePlugins, type RemarkPlugins } from '@astrojs/markdown-remark';
import type { Nodes, Root as HastRoot } from 'hast';
import { raw } from 'hast-util-raw';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';

/** The plugins of a question Markdown pipeline. */
export interface QuestionMarkdownOptions {
  remarkPlugins: RemarkPlugins;
  rehypePlugins: RehypePlugins;
}

/** True when a tree holds raw HTML (from HTML written in the Markdown). */
const hasRaw = (node: Nodes): boolean => node.type === 'raw' || ('children' in node && node.children.some(hasRaw));

/** rehype-raw, only for a tree with raw HTML in it. */
const rehypeRawWhenNeeded = () => (tree: HastRoot, file: VFile) => (hasRaw(tree) ? (raw(tree, { file }) as HastRoot) : tree);

/** The processor, with our remark and rehype plugins. */
export function questionMarkdown(options: QuestionMarkdownOptions): MarkdownProcessor<QuestionMarkdownOptions> {
  return {
    name: 'recall',
    options,
    async createRenderer() {
      const pipeline = unified()
        .use(remarkParse)
        .use(options.remarkPlugins as PluggableList)
        .use(remarkRehype, { allowDangerousHtml: true, passThrough: [] })
        .use(options.rehypePlugins as PluggableList)
        .use(rehypeHeadingIds)
        .use(rehypeRawWhenNeeded)
        .use(rehypeStringify, { allowDangerousHtml: true });
      return {
        async render(content, renderOptions) {
          const file = new VFile({ value: content, path: renderOptions?.fileURL, data: { astro: { frontmatter: renderOptions?.frontmatter ?? {} } } });
          let html: string;
          try {
            html = String((await pipeline.process(file)).value);
          } catch (error) {
            throw new Error(`Failed to parse Markdown file "${file.path}": ${error instanceof Error ? error.message : String(error)}`, { cause: error });
          }
          const astro = file.data.astro as { headings?: MarkdownHeading[]; frontmatter?: Record<string, unknown> } | undefined;
          return { code: html, metadata: { headings: astro?.headings ?? [], localImagePaths: [], remoteImagePaths: [], frontmatter: astro?.frontmatter ?? {} } };
        },
      };
    },
  };
}
