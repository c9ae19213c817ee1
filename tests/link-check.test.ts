import { describe, expect, it } from 'vitest';
import { findBrokenLinks, type PageLinks } from '../src/lib/link-check.ts';

const page = (path: string, links: string[], ids: string[] = []): PageLinks => ({ path, links, ids: new Set(ids) });
const files = new Set(['/favicon.svg', '/_astro/app.js']);
const exists = (path: string) => files.has(path);

describe('findBrokenLinks', () => {
  const pages = [
    page('/', ['/python/', '/python/#q1', '/favicon.svg', 'https://example.com/', 'mailto:a@b.c', '#top'], ['top']),
    page('/python/', ['../', '2/', 'q/one/#one-example', '/_astro/app.js'], ['q1']),
    page('/python/2/', ['/python/']),
    page('/python/q/one/', [], ['one-example']),
  ];

  it('accepts pages, files, relative links, fragments and external links', () => {
    expect(findBrokenLinks(pages, '/', exists)).toEqual([]);
  });

  it('reports a missing page, a missing file and a missing fragment', () => {
    const broken = findBrokenLinks([...pages, page('/about/', ['/python/9/', '/logo.png', '/python/#nope', '#gone'])], '/', exists);
    expect(broken).toEqual([
      { page: '/about/', link: '/python/9/', reason: 'no such page or file' },
      { page: '/about/', link: '/logo.png', reason: 'no such page or file' },
      { page: '/about/', link: '/python/#nope', reason: 'no element with id "nope" on /python/' },
      { page: '/about/', link: '#gone', reason: 'no element with id "gone" on /about/' },
    ]);
  });

  it('checks links against the base the site is served under', () => {
    const under = [page('/', ['/recall/python/', '/python/']), page('/python/', [])];
    expect(findBrokenLinks(under, '/recall/', exists)).toEqual([{ page: '/', link: '/python/', reason: "outside the site's base /recall/" }]);
  });
});
