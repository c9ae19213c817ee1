import type { APIRoute, GetStaticPaths } from 'astro';
import { loadDecks, topicTitle, type Deck } from '../../data/decks';
import { questionPath } from '../../lib/deck';
import { flashcardOf, followUpOf, type MockDeck } from '../../lib/flashcards';
import { withBase } from '../../lib/paths';

export const getStaticPaths = (async () => {
  const decks = await loadDecks();
  return decks.map((deck) => ({ params: { deck: deck.id }, props: { deck } }));
}) satisfies GetStaticPaths;

/** A deck's questions with their follow-ups, in study order, for the mock interview page. */
export const GET: APIRoute<{ deck: Deck }> = ({ props }) => {
  const { deck } = props;
  const base = import.meta.env.BASE_URL;
  const data: MockDeck = {
    deck: deck.id,
    title: deck.data.title,
    topics: deck.data.topics.map((t) => ({ id: t.id, title: t.title })),
    questions: deck.questions.map(({ entry, number, slug }) => {
      const body = entry.body ?? '';
      const followUp = followUpOf(body);
      return {
        ...flashcardOf({
          id: entry.id,
          number,
          title: entry.data.title,
          short: entry.data.short,
          topic: entry.data.topic,
          topicTitle: topicTitle(deck, entry.data.topic),
          difficulty: entry.data.difficulty,
          tags: entry.data.tags,
          body,
          href: withBase(base, questionPath(deck.id, slug)),
        }),
        ...(followUp ? { followUp } : {}),
      };
    }),
  };
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
};
