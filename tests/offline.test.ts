/** The service worker's precache list. */
import { describe, expect, it } from 'vitest';
import { isPrecached, precacheManifest } from '../src/lib/offline.ts';

describe('precacheManifest', () => {
  const files = [
    { path: 'python/index.html', hash: 'b2' },
    { path: 'index.html', hash: 'a1' },
    { path: 'sw.js', hash: 'c3' },
    { path: 'pyodide/pyodide.asm.wasm', hash: 'd4' },
    { path: '_astro/app.js.map', hash: 'e5' },
    { path: 'python/cards.json', hash: 'f6' },
  ];

  it('lists every built file under the base, sorted, with its hash as revision', () => {
    expect(precacheManifest('/recall/', files)).toEqual([
      { url: '/recall/index.html', revision: 'a1' },
      { url: '/recall/python/cards.json', revision: 'f6' },
      { url: '/recall/python/index.html', revision: 'b2' },
    ]);
  });

  it('leaves out the service worker itself, Python (cached on first use) and source maps', () => {
    expect(isPrecached('sw.js')).toBe(false);
    expect(isPrecached('pyodide/python_stdlib.zip')).toBe(false);
    expect(isPrecached('_astro/x.js.map')).toBe(false);
    expect(isPrecached('search-index.json')).toBe(true);
  });

  it('accepts a base with or without its final slash', () => {
    expect(precacheManifest('/', files)[0]).toEqual({ url: '/index.html', revision: 'a1' });
    expect(precacheManifest('/recall', files)[0]).toEqual({ url: '/recall/index.html', revision: 'a1' });
  });
});
