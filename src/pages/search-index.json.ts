import type { APIRoute } from 'astro';
import { loadDecks, topicTitle } from '../data/decks';
import { questionPath } from '../lib/deck';
import { withBase } from '../lib/paths';
import { buildSearchRecord, type SearchRecord } from '../lib/search-records';

/** The search index: one record per question of every deck, in study order. Fetched only when search is used. */
export const GET: APIRoute = async () => {
  const base = import.meta.env.BASE_URL;
  const records: SearchRecord[] = (await loadDecks()).flatMap((deck) =>
    deck.questions.map(({ entry, slug }) =>
      buildSearchRecord({
        id: entry.id,
        url: withBase(base, questionPath(deck.id, slug)),
        title: entry.data.title,
        short: entry.data.short,
        topic: entry.data.topic,
        topicTitle: topicTitle(deck, entry.data.topic),
        difficulty: entry.data.difficulty,
        tags: entry.data.tags,
        body: entry.body ?? '',
      }, deck.data.synonyms),
    ),
  );
  return new Response(JSON.stringify(records), { headers: { 'Content-Type': 'application/json' } });
};
