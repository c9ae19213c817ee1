/** What the browser tests, Lighthouse and the benchmark share: the page templates and the browser. */
import { existsSync, readFileSync } from 'node:fs';
import yaml from 'js-yaml';

/** Questions on a study page of the Python deck, as its deck.yaml sets it. */
export const PAGE_SIZE = (yaml.load(readFileSync('content/python/deck.yaml', 'utf8')) as { pageSize: number }).pageSize;

/** One page of every template, relative to the site's base. */
export const TEMPLATES: Readonly<Record<string, string>> = {
  home: '',
  study: 'python/',
  'study page 2': 'python/2/',
  question: 'python/q/plus-equals-on-aliased-list/',
  topics: 'python/topics/',
  topic: 'python/topics/objects/',
  search: 'search/?q=closure',
  cards: 'python/cards/',
  mock: 'python/mock/',
  progress: 'progress/',
  'not found': '404.html',
};

/** Debian's Chromium where installed (CI); undefined means Playwright's own browser. CHROMIUM_PATH overrides. */
export const CHROMIUM_PATH = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => Boolean(path && existsSync(path)),
);

/** Chromium flags for a headless run on a machine with no network but the registries. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];
