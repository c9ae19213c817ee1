/**
 * An Astro integration that serves Pyodide from the site itself (no CDN): the build copies the
 * runtime's files from node_modules/pyodide into `<outDir>/pyodide/<version>/`, and the dev
 * server answers the same URLs from node_modules. The version in the path lets browsers cache
 * the files for good and never mix two releases. Nothing here is committed as a binary.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { pyodideDirectory } from '../lib/python-run.ts';

/** The files the browser needs to start Python. */
export const PYODIDE_FILES = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'] as const;

const TYPES: Record<string, string> = {
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.json': 'application/json',
};

/** The installed pyodide package: its folder and version. */
export async function pyodidePackage(): Promise<{ dir: string; version: string }> {
  const dir = dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
  const { version } = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { version: string };
  return { dir, version };
}

/** The integration; add it to `integrations` in astro.config.mjs. */
export function pyodideAssets(): AstroIntegration {
  let base = '/';
  return {
    name: 'recall:pyodide-assets',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:server:setup': async ({ server }) => {
        const { dir, version } = await pyodidePackage();
        const prefix = pyodideDirectory(base, version);
        server.middlewares.use((request, response, next) => {
          const path = (request.url ?? '').split('?')[0] ?? '';
          const name = path.startsWith(prefix) ? path.slice(prefix.length) : '';
          if (!(PYODIDE_FILES as readonly string[]).includes(name)) return next();
          response.setHeader('Content-Type', TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream');
          createReadStream(join(dir, name)).pipe(response);
        });
      },
      'astro:build:done': async ({ dir: outDir, logger }) => {
        const { dir, version } = await pyodidePackage();
        const target = join(fileURLToPath(outDir), 'pyodide', version);
        await mkdir(target, { recursive: true });
        await Promise.all(PYODIDE_FILES.map((name) => copyFile(join(dir, name), join(target, name))));
        logger.info(`copied Pyodide ${version} (${PYODIDE_FILES.length} files) to pyodide/${version}/`);
      },
    },
  };
}
