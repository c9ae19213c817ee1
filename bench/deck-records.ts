/** Search records of the real deck, and synthetic decks shaped like it, for benchmarks. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import type { Difficulty } from '../src/lib/deck.ts';
import { mulberry32 } from '../src/lib/drill.ts';
import { splitFrontmatter } from '../src/lib/question-file.ts';
import { buildSearchRecord, type SearchRecord } from '../src/lib/search-records.ts';

interface DeckYaml {
  topics: { id: string; title: string }[];
  synonyms?: string[][];
}

/** The real deck's records, read straight from content/<deck>/. */
export function realRecords(deck = 'python'): SearchRecord[] {
  const dir = join('content', deck);
  const meta = load(readFileSync(join(dir, 'deck.yaml'), 'utf8')) as DeckYaml;
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const { yaml, body } = splitFrontmatter(readFileSync(join(dir, name), 'utf8'));
      const data = load(yaml ?? '') as { title: string; short: string; topic: string; difficulty: Difficulty; tags?: string[] };
      const id = name.slice(0, -3);
      return buildSearchRecord({
        id: `${deck}/${id}`,
        url: `/${deck}/q/${id}/`,
        title: data.title,
        short: data.short,
        topic: data.topic,
        topicTitle: meta.topics.find((t) => t.id === data.topic)?.title ?? data.topic,
        difficulty: data.difficulty,
        tags: data.tags ?? [],
        body,
      }, meta.synonyms);
    });
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tas', 'vo', 'zu', 'pel', 'dor', 'fin', 'gra', 'hu', 'jex', 'qui', 'sta', 'wyn'];

/**
 * A synthetic deck of `size` questions shaped like the real one: each is a real record with
 * about a quarter of its words swapped for made-up ones, so the vocabulary grows with the deck
 * as a real, larger deck's would.
 */
export function syntheticRecords(templates: readonly SearchRecord[], size: number, seed = 1): SearchRecord[] {
  const random = mulberry32(seed);
  const word = () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join('');
  const mutate = (text: string) => text.replace(/[A-Za-z]{4,}/g, (w) => (random() < 0.25 ? word() : w));
  return Array.from({ length: size }, (_, i) => {
    const t = templates[i % templates.length]!;
    return {
      ...t,
      id: `${t.id}-${i}`,
      url: `${t.url}${i}/`,
      title: mutate(t.title),
      short: mutate(t.short),
      keywords: mutate(t.keywords),
      tags: t.tags.map((tag) => (random() < 0.25 ? word() : tag)),
    };
  });
}
