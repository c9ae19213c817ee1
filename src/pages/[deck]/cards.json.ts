import type { APIRoute, GetStaticPaths } from 'astro';
import { loadDecks, topicTitle, type Deck } from '../../data/decks';
import { questionPath } from '../../lib/deck';
import { highlightCode } from '../../lib/code-tokens';
import { flashcardOf, type FlashcardDeck, type FlashcardPrompt } from '../../lib/flashcards';
import { withBase } from '../../lib/paths';

export const getStaticPaths = (async () => {
  const decks = await loadDecks();
  return decks.map((deck) => ({ params: { deck: deck.id }, props: { deck } }));
}) satisfies GetStaticPaths;

/** A deck's flashcards, in study order, for the cards page (see src/lib/flashcards.ts). */
export const GET: APIRoute<{ deck: Deck }> = async ({ props }) => {
  const { deck } = props;
  const base = import.meta.env.BASE_URL;
  const data: FlashcardDeck = {
    deck: deck.id,
    title: deck.data.title,
    cards: await Promise.all(
      deck.questions.map(async ({ entry, number, slug }) => {
        const { prompt } = entry.data;
        const cardPrompt: FlashcardPrompt | undefined = prompt && {
          lines: (await highlightCode(prompt.code)).lines,
          output: prompt.output,
          ...(prompt.raises ? { raises: prompt.raises } : {}),
        };
        return flashcardOf({
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
          ...(cardPrompt ? { prompt: cardPrompt } : {}),
        });
      }),
    ),
  };
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
};
