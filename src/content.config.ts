import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { parallelMarkdown } from './loaders/parallel-markdown.ts';
import { deckSchema } from './schemas/deck.ts';
import { questionSchema } from './schemas/question.ts';

/** Where decks live; benchmarks point it at synthetic decks (RECALL_CONTENT_DIR). */
const CONTENT = process.env.RECALL_CONTENT_DIR ?? './content';

/** The first folder of a content path is its deck: `python/…` belongs to the Python deck. */
const deckOf = (entry: string) => entry.split('/')[0] ?? entry;

/** Question files: `content/<deck>/…/<id>.md`; the entry id is `<deck>/<id>` (the progress key). */
const questions = defineCollection({
  loader: parallelMarkdown(
    glob({
      base: CONTENT,
      pattern: '*/**/*.md',
      generateId: ({ entry }) => `${deckOf(entry)}/${(entry.split('/').at(-1) ?? entry).replace(/\.md$/, '')}`,
    }),
  ),
  schema: questionSchema,
});

/** Deck metadata: `content/<deck>/deck.yaml`; the entry id is the deck's folder name. */
const decks = defineCollection({
  loader: glob({ base: CONTENT, pattern: '*/deck.yaml', generateId: ({ entry }) => deckOf(entry) }),
  schema: deckSchema,
});

export const collections = { questions, decks };
