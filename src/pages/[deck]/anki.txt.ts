import type { APIRoute, GetStaticPaths } from 'astro';
import { loadDecks, type Deck } from '../../data/decks';
import { ankiFile, ankiNote } from '../../lib/anki';

export const getStaticPaths = (async () => {
  const decks = await loadDecks();
  return decks.map((deck) => ({ params: { deck: deck.id }, props: { deck } }));
}) satisfies GetStaticPaths;

/** The deck as an Anki import file (see src/lib/anki.ts), in study order. */
export const GET: APIRoute<{ deck: Deck }> = ({ props }) => {
  const { deck } = props;
  const notes = deck.questions.map(({ entry }) =>
    ankiNote({
      id: entry.id,
      title: entry.data.title,
      short: entry.data.short,
      topic: entry.data.topic,
      difficulty: entry.data.difficulty,
      tags: entry.data.tags,
      body: entry.body ?? '',
    }),
  );
  return new Response(ankiFile(`Recall::${deck.data.title}`, notes), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
