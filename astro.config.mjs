// @ts-check
import { defineConfig } from 'astro/config';
import { createHash } from 'node:crypto';
import { contentStoreFromDisk } from './src/integrations/content-store-from-disk.ts';
import { pyodideAssets } from './src/integrations/pyodide-assets.ts';
import { markdownConfig } from './src/lib/markdown.ts';
import { THEME_SCRIPT } from './src/lib/theme.ts';
import { offline } from './src/integrations/offline.ts';

/**
 * Client modules bundled together (see `vite` below): what nearly every page runs (the search
 * box, the progress store and what reads it), and the elements of the study and question pages.
 */
const PROGRESS_SCRIPTS =
  /src[\\/](?:components[\\/]SiteSearch\.astro|scripts[\\/]progress\.ts|lib[\\/](?:card-status|answer-changes|fingerprint|keys|seed|study-marks|progress-store|mock-record)\.ts)/;
const STUDY_SCRIPTS =
  /src[\\/](?:components[\\/](?:QuestionCard|StorageNotice|StudyControls|PageKeys|PageProgress|DifficultyFilter|CodeRunner)\.astro|scripts[\\/](?:answer-changed|predict-output)\.ts)/;

// RECALL_BASE serves the site under a sub-path (GitHub Pages: "/recall/"); RECALL_SITE is its origin.
const base = process.env.RECALL_BASE ?? '/';

export default defineConfig({
  base,
  // Separate output and cache folders let two builds run side by side (e.g. RECALL_OUT_DIR=/tmp/a).
  ...(process.env.RECALL_OUT_DIR ? { outDir: process.env.RECALL_OUT_DIR } : {}),
  ...(process.env.RECALL_CACHE_DIR ? { cacheDir: process.env.RECALL_CACHE_DIR } : {}),
  ...(process.env.RECALL_SITE ? { site: process.env.RECALL_SITE } : {}),
  trailingSlash: 'always',
  // The build's pages read the content store from disk rather than from bundled code (lighter and
  // faster for a large deck). Python's runtime is copied into the build first; the service worker
  // is written last, over the finished output.
  integrations: [contentStoreFromDisk(), pyodideAssets(), offline()],
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
  // Shared with the worker threads that render question files (src/loaders/parallel-markdown.ts).
  markdown: markdownConfig,
  vite: {
    build: {
      rolldownOptions: {
        output: {
          // A study page's scripts in two files rather than fifteen: gzip works per file and small
          // files compress badly, which kept a study page over its 10 KB budget of JavaScript.
          codeSplitting: {
            groups: [
              { name: 'progress', test: PROGRESS_SCRIPTS },
              { name: 'study', test: STUDY_SCRIPTS },
            ],
          },
        },
      },
    },
  },
});
