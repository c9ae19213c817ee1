// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import remarkGfm from 'remark-gfm';
import dark from 'shiki/themes/github-dark-default.mjs';
import light from 'shiki/themes/github-light-default.mjs';
import { codeColorClasses, CODE_THEMES, themeColors } from './src/lib/code-colors.ts';
import { codeLabels, rehypeCodeRunners } from './src/lib/code-labels.ts';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import yaml from 'js-yaml';
import { pyodideAssets } from './src/integrations/pyodide-assets.ts';
import { THEME_SCRIPT } from './src/lib/theme.ts';
import { rehypeQuestionHeadings } from './src/lib/question-headings.ts';
import { offline } from './src/integrations/offline.ts';

// RECALL_BASE serves the site under a sub-path (GitHub Pages: "/recall/"); RECALL_SITE is its origin.
const base = process.env.RECALL_BASE ?? '/';

/**
 * A content file's deck `verifiedOn` (read from the deck.yaml beside it), for the code blocks' labels.
 * @param {string | undefined} path
 */
function verifiedOn(path) {
  const file = path ? join(dirname(path), 'deck.yaml') : '';
  if (!file || !existsSync(file)) return undefined;
  // Read once per deck, not once per question file.
  if (!versions.has(file)) {
    const deck = /** @type {{ verifiedOn?: unknown }} */ (yaml.load(readFileSync(file, 'utf8')));
    versions.set(file, deck?.verifiedOn === undefined ? undefined : String(deck.verifiedOn));
  }
  return versions.get(file);
}
/** @type {Map<string, string | undefined>} */
const versions = new Map();

export default defineConfig({
  base,
  // Separate output and cache folders let two builds run side by side (e.g. RECALL_OUT_DIR=/tmp/a).
  ...(process.env.RECALL_OUT_DIR ? { outDir: process.env.RECALL_OUT_DIR } : {}),
  ...(process.env.RECALL_CACHE_DIR ? { cacheDir: process.env.RECALL_CACHE_DIR } : {}),
  ...(process.env.RECALL_SITE ? { site: process.env.RECALL_SITE } : {}),
  trailingSlash: 'always',
  // Python's runtime is copied into the build first; the service worker is written last, over the finished output.
  integrations: [pyodideAssets(), offline()],
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // The one inline script (the theme, applied before first paint) is not hashed by Astro.
      scriptDirective: { hashes: [`sha256-${createHash('sha256').update(THEME_SCRIPT).digest('base64')}`] },
    },
  },
  markdown: {
    processor: unified({ gfm: false, remarkPlugins: [remarkGfm], rehypePlugins: [rehypeQuestionHeadings, [rehypeCodeRunners, { verifiedOn }]] }),
    shikiConfig: {
      themes: CODE_THEMES,
      defaultColor: false,
      // Colours become classes (no inline styles, for the CSP); labels wrap the finished block.
      transformers: [codeColorClasses(themeColors(light), themeColors(dark)), codeLabels()],
    },
  },
});
