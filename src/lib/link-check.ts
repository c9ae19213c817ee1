/**
 * The link checker: every internal link of a built site, and every #fragment, must lead to a
 * page or file that exists and an element id on it. Plain functions over extracted links, so
 * the rules are unit-tested without a build.
 */

/** What one built page offers and links to. */
export interface PageLinks {
  /** The page's URL path, e.g. "/python/2/". */
  path: string;
  /** Element ids on the page (fragment targets). */
  ids: ReadonlySet<string>;
  /** Every href/src on the page, as written. */
  links: readonly string[];
}

/** One broken link: where it is, what it says, and why it fails. */
export interface BrokenLink {
  page: string;
  link: string;
  reason: string;
}

/**
 * Finds broken internal links. `exists` says whether a site path (after the base is removed)
 * is a file or page of the build; pages are looked up by path for fragment checks.
 */
export function findBrokenLinks(pages: readonly PageLinks[], base: string, exists: (path: string) => boolean): BrokenLink[] {
  const byPath = new Map(pages.map((p) => [p.path, p]));
  const origin = 'http://site.invalid';
  const root = base.endsWith('/') ? base : `${base}/`;
  const broken: BrokenLink[] = [];
  for (const page of pages) {
    for (const link of page.links) {
      if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(link) && !link.startsWith(origin)) continue;
      const url = new URL(link, `${origin}${root}${page.path.slice(1)}`);
      if (url.origin !== origin) continue;
      const add = (reason: string) => broken.push({ page: page.path, link, reason });
      if (!url.pathname.startsWith(root)) {
        add(`outside the site's base ${root}`);
        continue;
      }
      const path = `/${decodeURIComponent(url.pathname.slice(root.length))}`;
      const target = byPath.get(path) ?? (path.endsWith('/') ? undefined : byPath.get(`${path}/`));
      if (!target && !exists(path)) {
        add('no such page or file');
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target && !target.ids.has(fragment)) add(`no element with id "${fragment}" on ${target.path}`);
    }
  }
  return broken;
}
