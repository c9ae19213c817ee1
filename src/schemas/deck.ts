import { z } from 'astro/zod';

/** One topic of a deck: questions are grouped and ordered by topic. */
export const topicSchema = z.object({
  /** Stable kebab-case id, used in URLs (`/python/topics/<id>/`) and in question front matter. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase kebab-case'),
  /** Title shown to learners. */
  title: z.string().min(1),
});

/** A deck's metadata file (`content/<deck>/deck.yaml`). */
export const deckSchema = z.object({
  /** Deck title, e.g. "Python". */
  title: z.string().min(1),
  /** One or two sentences shown on the home page. */
  description: z.string().min(1),
  /** Questions on one study page. */
  pageSize: z.number().int().min(1).max(100),
  /** Python version (major.minor) the code examples are verified on. */
  verifiedOn: z.string().regex(/^\d+\.\d+$/, 'must look like "3.11"'),
  /** Topics in study order. */
  topics: z.array(topicSchema).min(1),
  /**
   * Search synonyms: each entry is a group of words or phrases that mean the same to a learner
   * (`[gil, global interpreter lock]`). A question that contains one of them is also found by the others.
   */
  synonyms: z.array(z.array(z.string().trim().min(1, 'must not be empty')).min(2, 'a synonym group needs at least two entries')).default([]),
});

export type DeckData = z.infer<typeof deckSchema>;
export type Topic = z.infer<typeof topicSchema>;
