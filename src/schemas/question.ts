import { z } from 'astro/zod';
import { DIFFICULTIES } from '../lib/deck.ts';
import { promptRuleProblems, promptSchema } from './prompt.ts';


/** The body sections every question has, in this order (level-2 headings). */
export const SECTIONS = [
  'Answer',
  'Example',
  'Trade-offs',
  'Common mistakes',
  'Follow-up',
  'Say it in 30 seconds',
  'Key points',
] as const;

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Front matter of one question file. The topic is checked against the deck's topics
 * separately, because the schema cannot see the deck.
 */
export const questionSchema = z
  .strictObject({
    /** The question itself, as the learner reads it. */
    title: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(150, 'must be at most 150 characters: ask one crisp question')
      .endsWith('?', 'must end with "?"'),
    /** A topic id from the deck's `deck.yaml`. */
    topic: z.string().regex(kebab, 'must be a kebab-case topic id'),
    /** How deep the question goes. */
    difficulty: z.enum(DIFFICULTIES, { error: `must be one of ${DIFFICULTIES.join(', ')}` }),
    /** Lowercase kebab-case tags; `gotcha` (or `predict-output`) marks "what does this print?" traps, which need a `prompt`. */
    tags: z.array(z.string().regex(kebab, 'each tag must be lowercase kebab-case')).default([]),
    /** The one-line answer shown first and on the back of a flashcard (at most ~40 words). */
    short: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .refine((s) => s.split(/\s+/).length <= 45, 'must be at most about 40 words'),
    /** The Python version that introduced the feature, e.g. "3.10". */
    python: z.string().regex(/^3\.\d+$/, 'must look like "3.10"').optional(),
    /** Position within its topic and difficulty; lower comes first. */
    order: z.number().int().default(100),
    /** Code that is part of the question ("What does this code print?"), with its verified output. */
    prompt: promptSchema.optional(),
  })
  .superRefine((question, ctx) => {
    for (const [field, message] of promptRuleProblems(question)) ctx.addIssue({ code: 'custom', path: [field], message });
  });

export type QuestionData = z.infer<typeof questionSchema>;
