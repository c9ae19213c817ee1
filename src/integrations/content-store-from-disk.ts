/**
 * A build reads its content store from disk instead of bundling it.
 *
 * Astro puts the whole content store (every question with its rendered HTML: about 27 MB of
 * text at 1,000 questions) into the build's server code as one string literal, and every step
 * of bundling and loading that code copies it. At 1,000 questions those copies were about
 * 350 MB of memory at the build's peak and seconds of its time. A static build generates its
 * pages in its own process, where the store is a file Astro has just written, so this module
 * reads that file when the pages ask for it. The data is the same; only where it comes from
 * differs. Dev and `astro check` are left alone.
 */
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The module Astro generates for the content store, as its Vite plugin resolves it. */
const STORE_MODULE = '\0astro:data-layer-content';

/** The integration; the store file is `data-store.json` in the build's cache folder. */
export function contentStoreFromDisk(): AstroIntegration {
  return {
    name: 'recall:content-store-from-disk',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        const file = fileURLToPath(new URL('data-store.json', config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'recall:content-store-from-disk',
                // Before Astro's own loader of the module ("pre" runs first whatever the plugin order).
                load: {
                  order: 'pre',
                  handler(id: string) {
                    if (id !== STORE_MODULE || !existsSync(file)) return undefined;
                    return `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));\n`;
                  },
                },
              },
            ],
          },
        });
      },
    },
  };
}
