import { z } from 'astro/zod';

/** Longest prompt code, in lines: the few lines the question is about, not a whole example. */
export const PROMPT_MAX_LINES = 12;
/** Longest prompt code line, in characters (PEP 8), so it reads on a phone without much scrolling. */
export const PROMPT_MAX_WIDTH = 79;

/** Tags that mark a predict-the-output question; such a question must carry prompt code. */
export const PROMPT_TAGS = ['gotcha', 'predict-output'] as const;

/**
 * Title phrasings that promise code to read. Kept narrow on purpose: each one only makes sense
 * when the code is in front of the learner.
 * - "What does this print", "what does this `enum` code output", "what will the following snippet show"
 *   (up to six words between "this" and the verb)
 * - "what does `print(a)` show": a print call named in the title
 * - a title that starts "After `b = a` and …": it narrates code steps
 * - "predict the output", "what is printed", "what gets printed"
 */
const ASKS_FOR_OUTPUT: readonly RegExp[] = [
  /\bwhat (?:does|do|will|would) (?:this|these|the following)(?: \S+){0,6}? (?:print|output|show|display|return)\b/i,
  /\bwhat (?:does|do|will|would) `print\(/i,
  /^after `[^`]+`/i,
  /\b(?:predict the output|what is printed|what gets printed)\b/i,
];

/**
 * True when a question's title asks what some code prints, so the code must be on its front.
 * @example titleAsksForOutput('What does this code print, and why?') // true
 * @example titleAsksForOutput('What does `yield` do?') // false
 */
export function titleAsksForOutput(title: string): boolean {
  return ASKS_FOR_OUTPUT.some((pattern) => pattern.test(title));
}

/** The lines of a block of text without its trailing blank lines. */
export function textLines(text: string): string[] {
  return text.replace(/\s+$/, '').split('\n');
}

const EXCEPTION_NAME = /^[A-Z]\w*$/;

/** Code that is part of the question: shown on the front, its output verified and hidden until the answer. */
export const promptSchema = z
  .strictObject({
    /** The Python code the question asks about: at most 12 short lines, no comments that give the answer away. */
    code: z
      .string({ error: 'must be a block of Python code (use `code: |`)' })
      .refine((s) => s.trim().length > 0, 'must not be empty')
      .refine(
        (s) => textLines(s).length <= PROMPT_MAX_LINES,
        `must be at most ${PROMPT_MAX_LINES} lines: show only the code the title asks about`,
      )
      .refine(
        (s) => textLines(s).every((line) => line.length <= PROMPT_MAX_WIDTH),
        `each line must be at most ${PROMPT_MAX_WIDTH} characters`,
      )
      .refine((s) => !s.includes('\t'), 'must be indented with spaces, not tabs'),
    /** Exactly what the code prints (stdout and stderr); with `raises`, it ends with the traceback's last line. */
    output: z
      .string({ error: 'must be the exact text the code prints (use `output: |`)' })
      .refine((s) => s.trim().length > 0, 'must not be empty: the learner predicts this text'),
    /** The exception the code ends in, e.g. `TypeError`; leave it out when the code runs to the end. */
    raises: z.string().regex(EXCEPTION_NAME, 'must be an exception class name, such as TypeError').optional(),
  })
  .superRefine((prompt, ctx) => {
    if (prompt.raises === undefined || !EXCEPTION_NAME.test(prompt.raises)) return;
    const last = textLines(prompt.output).at(-1)?.trim() ?? '';
    if (last !== prompt.raises && !last.startsWith(`${prompt.raises}:`)) {
      ctx.addIssue({
        code: 'custom',
        path: ['output'],
        message: `must end with the traceback's last line, "${prompt.raises}: …", because raises is ${prompt.raises}`,
      });
    }
  });

export type PromptData = z.infer<typeof promptSchema>;

/**
 * The rule between a question's title, tags and prompt: a title or tag that promises code to
 * read needs a prompt, and a prompt needs a title that refers to it. Returns the problems as
 * [field, reason] pairs.
 */
export function promptRuleProblems(question: { title: string; tags: readonly string[]; prompt?: unknown }): [string, string][] {
  const tag = PROMPT_TAGS.find((t) => question.tags.includes(t));
  const asks = titleAsksForOutput(question.title);
  if (question.prompt === undefined) {
    const why = asks ? 'the title asks what code prints, so put that code on the front' : `the "${tag}" tag marks a predict-the-output question`;
    return asks || tag ? [['prompt', `is required: ${why} (add prompt.code and prompt.output)`]] : [];
  }
  if (!asks) return [['title', 'must refer to the prompt code, e.g. "What does this code print, and why?"']];
  return [];
}
