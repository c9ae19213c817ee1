/**
 * Flashcard data, made at build time: what the cards page fetches as `/<deck>/cards.json`.
 * Text arrives already split into plain and code parts, so the browser only builds DOM nodes
 * from it and never parses Markdown or treats content as HTML.
 */
import type { PhrasingContent, Root, RootContent } from 'mdast';
import type { CodeToken } from './code-tokens.ts';
import type { Difficulty } from './deck.ts';
import { questionFingerprint } from './question-fingerprint.ts';
import { inlineCodeParts, type TextPart } from './inline-code.ts';
import { codeBlocksOf, parseMarkdown, sectionsOf, type CodeBlock } from './question-file.ts';

/** One card: a question's front and back. */
export interface Flashcard {
  /** The stable id, `<deck>/<id>`: the progress key. */
  id: string;
  /** 1-based number in study order. */
  number: number;
  title: TextPart[];
  short: TextPart[];
  topic: string;
  topicTitle: string;
  difficulty: Difficulty;
  tags: string[];
  /** The "Key points" list: the rubric the learner ticks. */
  points: TextPart[][];
  /** The full answer's page, base path included. */
  href: string;
  /** Fingerprint of the question's content, stored with each review of it. */
  fp: string;
  /** The code the question asks about (front) and its verified output (back), when it has one. */
  prompt?: FlashcardPrompt;
}

/**
 * The example on a card's back: the answer's first Python block that is run, highlighted at build
 * time. Examples are a file of their own (`card-examples.json`), fetched on the first flip, so the
 * cards page starts as light as before.
 */
export interface FlashcardExample {
  lines: CodeToken[][];
  /** Its verified output, when the answer shows one. */
  output?: string;
  /** "page": runnable in the browser; "native": needs a real OS, so it can only be copied. */
  run: 'page' | 'native';
  /** The block's caption, as on the question page ("Python", "Raises TypeError", "Needs threads: …"). */
  caption: string;
  /** Where its output was verified ("Verified on Python 3.14"). */
  verified: string;
}

/** The first Python block of a body's (or its tree's) "Example" section that is run at all (not `norun`), if any. */
export function exampleBlockOf(body: string | Root): CodeBlock | undefined {
  const example = sectionsOf(typeof body === 'string' ? parseMarkdown(body) : body).find((s) => s.title === 'Example');
  if (!example) return undefined;
  return codeBlocksOf({ type: 'root', children: example.nodes }).find((b) => b.lang === 'python' && b.meta.norun === undefined);
}

/** A card's prompt code, already highlighted at build time, and what it prints. */
export interface FlashcardPrompt {
  lines: CodeToken[][];
  output: string;
  /** The exception the code ends in, when it raises one. */
  raises?: string;
}

/** A deck's cards, in study order. */
export interface FlashcardDeck {
  deck: string;
  title: string;
  cards: Flashcard[];
}

/** What a card is made from. */
export interface FlashcardSource {
  id: string;
  number: number;
  title: string;
  short: string;
  topic: string;
  topicTitle: string;
  difficulty: Difficulty;
  tags: readonly string[];
  body: string;
  href: string;
  prompt?: FlashcardPrompt;
}

function phrasingParts(nodes: readonly (PhrasingContent | RootContent)[], parts: TextPart[]): void {
  for (const node of nodes) {
    if (node.type === 'inlineCode') parts.push({ text: node.value, code: true });
    else if (node.type === 'text') parts.push({ text: node.value, code: false });
    else if (node.type === 'break') parts.push({ text: ' ', code: false });
    else if ('children' in node) phrasingParts(node.children as PhrasingContent[], parts);
  }
}

/** Joins neighbouring plain parts and folds line breaks inside a paragraph into spaces. */
function tidy(parts: readonly TextPart[]): TextPart[] {
  const result: TextPart[] = [];
  for (const part of parts) {
    const text = part.code ? part.text : part.text.replace(/\s*\n\s*/g, ' ');
    const last = result.at(-1);
    if (last && !last.code && !part.code) last.text += text;
    else result.push({ text, code: part.code });
  }
  const first = result[0];
  if (first && !first.code) first.text = first.text.trimStart();
  const end = result.at(-1);
  if (end && !end.code) end.text = end.text.trimEnd();
  return result.filter((part) => part.text.length > 0);
}

/**
 * The items of a question body's "Key points" list, each as text parts.
 * @example keyPointsOf('## Key points\n\n- `+=` mutates\n- `+` copies\n') // [[{text:'+=',code:true},{text:' mutates',code:false}], …]
 */
export function keyPointsOf(body: string): TextPart[][] {
  const section = sectionsOf(parseMarkdown(body)).find((s) => s.title === 'Key points');
  const points: TextPart[][] = [];
  for (const node of section?.nodes ?? []) {
    if (node.type !== 'list') continue;
    for (const item of node.children) {
      const parts: TextPart[] = [];
      phrasingParts(item.children, parts);
      const point = tidy(parts);
      if (point.length) points.push(point);
    }
  }
  return points;
}

/** Builds one card from a question. */
export function flashcardOf(source: FlashcardSource): Flashcard {
  return {
    id: source.id,
    number: source.number,
    title: inlineCodeParts(source.title),
    short: inlineCodeParts(source.short),
    topic: source.topic,
    topicTitle: source.topicTitle,
    difficulty: source.difficulty,
    tags: [...source.tags],
    points: keyPointsOf(source.body),
    href: source.href,
    fp: questionFingerprint(source.title, source.short, source.body, source.prompt?.lines.map((line) => line.map((t) => t.text).join('')).join('\n')),
    ...(source.prompt ? { prompt: source.prompt } : {}),
  };
}

/** One block of a follow-up's answer: a paragraph, a list, or a code block. */
export type FollowUpBlock = { kind: 'text'; parts: TextPart[] } | { kind: 'list'; items: TextPart[][] } | { kind: 'code'; text: string };

/** A question's "Follow-up" section: the interviewer's next question and its answer. */
export interface FollowUp {
  question: TextPart[];
  answer: FollowUpBlock[];
}

/**
 * The "Follow-up" section of a question body: its first bold paragraph is the question, the rest
 * its answer. Undefined when the section is missing or does not open with a bold question.
 * @example followUpOf('## Follow-up\n\n**Why?**\n\nBecause.\n') // { question: [{text:'Why?',code:false}], answer: [{kind:'text',parts:[{text:'Because.',code:false}]}] }
 */
export function followUpOf(body: string): FollowUp | undefined {
  const section = sectionsOf(parseMarkdown(body)).find((s) => s.title === 'Follow-up');
  const [first, ...rest] = section?.nodes ?? [];
  if (first?.type !== 'paragraph' || first.children.length !== 1 || first.children[0]?.type !== 'strong') return undefined;
  const questionParts: TextPart[] = [];
  phrasingParts(first.children, questionParts);
  const answer: FollowUpBlock[] = [];
  for (const node of rest) {
    if (node.type === 'code') answer.push({ kind: 'code', text: node.value });
    else if (node.type === 'list') {
      const items = node.children.map((item) => {
        const parts: TextPart[] = [];
        phrasingParts(item.children, parts);
        return tidy(parts);
      });
      answer.push({ kind: 'list', items: items.filter((item) => item.length > 0) });
    } else if ('children' in node) {
      const parts: TextPart[] = [];
      phrasingParts(node.children as PhrasingContent[], parts);
      const text = tidy(parts);
      if (text.length) answer.push({ kind: 'text', parts: text });
    }
  }
  return { question: tidy(questionParts), answer };
}

/** A question as a mock interview asks it: its card and its follow-up. */
export interface MockQuestion extends Flashcard {
  followUp?: FollowUp;
}

/** What the mock page fetches as `/<deck>/mock.json`. */
export interface MockDeck {
  deck: string;
  title: string;
  topics: { id: string; title: string }[];
  questions: MockQuestion[];
}
