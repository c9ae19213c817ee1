/**
 * What the service worker precaches: every file of the built site, each with a content hash as
 * its revision, so an update downloads only what changed. Python's runtime is left out (about
 * 14 MB that most visits never use); the service worker caches it on its first use instead.
 */

/** One file to precache: its URL (base path included) and a hash of its content. */
export interface PrecacheEntry {
  url: string;
  revision: string;
}

/** The service worker's own file name, at the root of the site. */
export const SERVICE_WORKER_FILE = 'sw.js';

/** The folder, under the site's base, that holds Python's runtime files. */
export const PYTHON_DIR = 'pyodide/';

/** True for a built file the service worker should precache; `path` is relative to the output folder, with `/`. */
export function isPrecached(path: string): boolean {
  return path !== SERVICE_WORKER_FILE && !path.startsWith(PYTHON_DIR) && !path.endsWith('.map');
}

/**
 * The precache manifest for the built files, sorted by URL.
 * @example precacheManifest('/recall/', [{ path: 'index.html', hash: 'ab12' }]) // [{ url: '/recall/index.html', revision: 'ab12' }]
 */
export function precacheManifest(base: string, files: readonly { path: string; hash: string }[]): PrecacheEntry[] {
  const root = base.endsWith('/') ? base : `${base}/`;
  return files
    .filter((f) => isPrecached(f.path))
    .map((f) => ({ url: `${root}${f.path}`, revision: f.hash }))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}
