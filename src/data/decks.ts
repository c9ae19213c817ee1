/**
 * A deck as the pages need it: metadata plus its questions in study order, each with its
 * number and page. The one place that joins the content collections to `src/lib`.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { pageOfIndex, sortQuestions } from '../lib/deck.ts';
import type { DeckData } from '../schemas/deck.ts';

/** A question entry with where it sits in the deck. */
export interface DeckQuestion {
  entry: CollectionEntry<'questions'>;
  /** The id within the deck (the file name), used in URLs. */
  slug: string;
  /** 1-based number across the whole deck. */
  number: number;
  /** 1-based study page it appears on. */
  page: number;
}

/** A deck with its questions in study order. */
export interface Deck {
  id: string;
  data: DeckData;
  questions: DeckQuestion[];
}

/** Loads one deck; throws with a clear message when its metadata is missing. */
export async function loadDeck(id: string): Promise<Deck> {
  const meta = await getEntry('decks', id);
  if (!meta) throw new Error(`content/${id}/deck.yaml is missing`);
  const entries = await getCollection('questions', (e) => e.id.startsWith(`${id}/`));
  const flat = entries.map((entry) => ({ ...entry.data, id: entry.id, entry }));
  const sorted = sortQuestions(flat, meta.data.topics.map((t) => t.id));
  return {
    id,
    data: meta.data,
    questions: sorted.map(({ entry }, index) => ({
      entry,
      slug: entry.id.slice(id.length + 1),
      number: index + 1,
      page: pageOfIndex(index, meta.data.pageSize),
    })),
  };
}

/** Every deck, in id order. */
export async function loadDecks(): Promise<Deck[]> {
  const metas = await getCollection('decks');
  return Promise.all(metas.map((m) => m.id).sort().map(loadDeck));
}

/** The title of a topic id in a deck. */
export function topicTitle(deck: Deck, topic: string): string {
  return deck.data.topics.find((t) => t.id === topic)?.title ?? topic;
}
