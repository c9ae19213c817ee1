/**
 * `npm run check:links`: checks every internal link and #fragment of the built site in dist/
 * (or RECALL_OUT_DIR), under the base the site was built for (RECALL_BASE). Exits 1 on any
 * broken link.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { findBrokenLinks, type PageLinks } from '../lib/link-check.ts';

const dist = process.env.RECALL_OUT_DIR ?? 'dist';
const base = process.env.RECALL_BASE ?? '/';
const LINK_ATTRIBUTES = ['href', 'src', 'action'] as const;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

function readPage(file: string): PageLinks {
  const ids = new Set<string>();
  const links: string[] = [];
  const visit = (node: Root | Element) => {
    for (const child of node.children as RootContent[]) {
      if (child.type !== 'element') continue;
      const { id } = child.properties;
      if (typeof id === 'string') ids.add(id);
      // The theme-colour <meta> and similar carry no links; only these attributes do.
      for (const attribute of LINK_ATTRIBUTES) {
        const value = child.properties[attribute];
        if (typeof value === 'string' && value) links.push(value);
      }
      visit(child);
    }
  };
  visit(fromHtml(readFileSync(file, 'utf8')));
  const rel = relative(dist, file).split(sep).join('/');
  const path = `/${rel.replace(/(?:^|\/)index\.html$/, '/').replace(/^\/+/, '')}`.replace(/\/\/$/, '/');
  return { path: path === '//' ? '/' : path, ids, links };
}

const pages = htmlFiles(dist).map(readPage);
const exists = (path: string) => {
  const file = join(dist, ...path.split('/'));
  return existsSync(file) && (statSync(file).isFile() || existsSync(join(file, 'index.html')));
};
const broken = findBrokenLinks(pages, base, exists);
for (const b of broken) console.error(`${b.page}: ${b.link}: ${b.reason}`);
const linkCount = pages.reduce((sum, p) => sum + p.links.length, 0);
console.log(`check:links: ${pages.length} pages, ${linkCount} links under base ${base}: ${broken.length} broken`);
process.exitCode = broken.length ? 1 : 0;
