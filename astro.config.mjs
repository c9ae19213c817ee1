// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import remarkGfm from 'remark-gfm';
import { codeLabels } from './src/lib/code-labels.ts';
import { rehypeDemoteHeadings } from './src/lib/demote-headings.ts';

// RECALL_BASE serves the site under a sub-path (GitHub Pages: "/recall/"); RECALL_SITE is its origin.
const base = process.env.RECALL_BASE ?? '/';

export default defineConfig({
  base,
  ...(process.env.RECALL_SITE ? { site: process.env.RECALL_SITE } : {}),
  trailingSlash: 'always',
  markdown: {
    processor: unified({ gfm: false, remarkPlugins: [remarkGfm], rehypePlugins: [rehypeDemoteHeadings] }),
    shikiConfig: {
      themes: { light: 'github-light', dark: 'github-dark' },
      defaultColor: false,
      transformers: [codeLabels()],
    },
  },
});
