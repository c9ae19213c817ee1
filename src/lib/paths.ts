/**
 * Joins Astro's `base` (e.g. "/" or "/recall/") and a site-root path ("/python/"), so every
 * link works when the site lives under a sub-path such as GitHub Pages.
 * @example withBase('/recall/', '/python/') // "/recall/python/"
 */
export function withBase(base: string, path: string): string {
  const head = base.endsWith('/') ? base.slice(0, -1) : base;
  const tail = path.startsWith('/') ? path : `/${path}`;
  return `${head}${tail}`;
}

/** The path of the progress page, relative to the site root. */
export const PROGRESS_PATH = '/progress/';
