import type { APIRoute, GetStaticPaths } from 'astro';
import { loadDecks, type Deck } from '../../data/decks';
import { codeLabel, verifiedLabel } from '../../lib/code-labels';
import { highlightCode } from '../../lib/code-tokens';
import { exampleBlockOf, type FlashcardExample } from '../../lib/flashcards';

export const getStaticPaths = (async () => {
  const decks = await loadDecks();
  return decks.map((deck) => ({ params: { deck: deck.id }, props: { deck } }));
}) satisfies GetStaticPaths;

/** Each card's example for its back, by question id (see FlashcardExample in src/lib/flashcards.ts). */
export const GET: APIRoute<{ deck: Deck }> = async ({ props }) => {
  const { deck } = props;
  const examples: Record<string, FlashcardExample> = {};
  for (const { entry } of deck.questions) {
    const block = exampleBlockOf(entry.body ?? '');
    if (!block) continue;
    // codeLabel reads the fence's meta as written; rebuild it from the parsed options.
    const meta = Object.entries(block.meta).map(([key, value]) => (value === true ? key : `${key}="${value}"`)).join(' ');
    const label = codeLabel('python', meta);
    if (!label || (label.run !== 'page' && label.run !== 'native')) continue;
    examples[entry.id] = {
      lines: (await highlightCode(block.code)).lines,
      ...(block.output ? { output: block.output.text } : {}),
      run: label.run,
      caption: label.caption,
      verified: verifiedLabel(label.run, deck.data.verifiedOn) ?? '',
    };
  }
  return new Response(JSON.stringify(examples), { headers: { 'Content-Type': 'application/json' } });
};
