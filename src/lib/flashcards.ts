/**
 * Flashcard data, made at build time: what the cards page fetches as `/<deck>/cards.json`.
 * Text arrives already split into plain and code parts, so the browser only builds DOM nodes
 * from it and never parses Markdown or treats content as HTML.
 */
import type { PhrasingContent, RootContent } from 'mdast';
import type { CodeToken } from './code-tokens.ts';
import type { Difficulty } from './deck.ts';
import { questionFingerprint } from './fingerprint.ts';
import { inlineCodeParts, type TextPart } from './inline-code.ts';
import { parseMarkdown, sectionsOf } from './question-file.ts';

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
