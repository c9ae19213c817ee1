import type { APIRoute, GetStaticPaths } from 'astro';
import { loadDecks, topicTitle, type Deck } from '../../data/decks';
import { questionPath } from '../../lib/deck';
import { flashcardOf, type FlashcardDeck } from '../../lib/flashcards';
import { withBase } from '../../lib/paths';

export const getStaticPaths = (async () => {
  const decks = await loadDecks();
  return decks.map((deck) => ({ params: { deck: deck.id }, props: { deck } }));
}) satisfies GetStaticPaths;

/** A deck's flashcards, in study order, for the cards page (see src/lib/flashcards.ts). */
export const GET: APIRoute<{ deck: Deck }> = ({ props }) => {
  const { deck } = props;
  const base = import.meta.env.BASE_URL;
  const data: FlashcardDeck = {
    deck: deck.id,
    title: deck.data.title,
    cards: deck.questions.map(({ entry, number, slug }) =>
      flashcardOf({
        id: entry.id,
        number,
        title: entry.data.title,
        short: entry.data.short,
        topic: entry.data.topic,
        topicTitle: topicTitle(deck, entry.data.topic),
        difficulty: entry.data.difficulty,
        tags: entry.data.tags,
        body: entry.body ?? '',
        href: withBase(base, questionPath(deck.id, slug)),
      }),
    ),
  };
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
};
