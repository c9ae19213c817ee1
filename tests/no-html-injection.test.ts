/** Content strings are never turned into HTML on the client: no code assigns markup as text. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SINKS = /\.(?:innerHTML|outerHTML)\s*[+]?=|insertAdjacentHTML\s*\(|document\.write(?:ln)?\s*\(|\bset:html=/;
/** The one allowed use: the constant theme script, inlined by the layout (no content in it). */
const ALLOWED = new Set(['src/layouts/Base.astro: <script is:inline set:html={THEME_SCRIPT} />']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(?:ts|astro|mjs|js)$/.test(name) ? [path] : [];
  });
}

describe('client code', () => {
  it('never assigns strings to innerHTML or similar HTML sinks', () => {
    const hits = sourceFiles('src').flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => SINKS.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
    expect(hits.filter((hit) => !ALLOWED.has(hit))).toEqual([]);
  });

  it('the check itself finds a sink', () => {
    expect(SINKS.test('el.innerHTML = card.title;')).toBe(true);
    expect(SINKS.test('el.textContent = card.title;')).toBe(false);
  });
});
