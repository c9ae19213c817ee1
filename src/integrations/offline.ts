/**
 * An Astro integration that writes the service worker after the build: it hashes every built
 * file into a precache manifest (src/lib/offline.ts) and bundles src/scripts/service-worker.ts
 * with it into `sw.js` at the site's root.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { precacheManifest, PYTHON_DIR, SERVICE_WORKER_FILE } from '../lib/offline.ts';

/** Every file under `dir`, as paths relative to it with `/` separators. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** The integration; add it to `integrations` in astro.config.mjs. */
export function offline(): AstroIntegration {
  let base = '/';
  return {
    name: 'recall:offline',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const files = filesUnder(out).map((path) => ({ path, hash: createHash('sha256').update(readFileSync(join(out, path))).digest('hex').slice(0, 16) }));
        const manifest = precacheManifest(base, files);
        await build({
          entryPoints: [fileURLToPath(new URL('../scripts/service-worker.ts', import.meta.url))],
          outfile: join(out, SERVICE_WORKER_FILE),
          bundle: true,
          minify: true,
          format: 'iife',
          target: 'es2022',
          legalComments: 'none',
          define: {
            'self.__WB_MANIFEST': JSON.stringify(manifest),
            __BASE__: JSON.stringify(base.endsWith('/') ? base : `${base}/`),
            __PYTHON_DIR__: JSON.stringify(PYTHON_DIR),
            // Workbox logs only in development builds.
            'process.env.NODE_ENV': '"production"',
          },
        });
        logger.info(`${SERVICE_WORKER_FILE}: ${manifest.length} files precached`);
      },
    },
  };
}
