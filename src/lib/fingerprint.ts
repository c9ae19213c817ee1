/**
 * Fingerprints of question content. A review stores the fingerprint of the question as it was
 * reviewed, so the site can later tell the learner that an answer changed since (see
 * src/lib/answer-changes.ts).
 */
import type { Root, RootContent } from 'mdast';
import { codeBlocksOf, parseMarkdown, sectionsOf } from './question-file.ts';

/**
 * A short, stable fingerprint of a text (32-bit FNV-1a, 8 hex digits): enough to notice that
 * content changed, not a security hash.
 * @example contentFingerprint('a') // "e40c292c"
 */
export function contentFingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The parts of a question whose change matters to someone who learned it, in the fingerprint's order. */
export const ANSWER_PARTS = ['question', 'short', 'points', 'code'] as const;
/** One of those parts. */
export type AnswerPart = (typeof ANSWER_PARTS)[number];

/** What marks a fingerprint made part by part (older reviews hold one hash of the whole file). */
export const FINGERPRINT_VERSION = 'a1';

/**
 * Prose with case, punctuation and spacing folded away, so fixing a comma or a capital is no
 * change; code between backticks is kept as written (`+` and `+=` differ).
 */
const prose = (text: string) =>
  text
    .split('`')
    .map((part, i) => (i % 2 ? `\`${part.trim()}\`` : part.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
/** The text of Markdown nodes with inline code kept between backticks, for `prose`. */
const textWithCode = (node: RootContent | Root): string =>
  node.type === 'inlineCode' ? `\`${node.value}\`` : 'value' in node ? node.value : 'children' in node ? (node.children as RootContent[]).map(textWithCode).join('') : '';
/** Code with trailing spaces and blank-line runs folded, so reformatting whitespace is no change. */
const code = (text: string) => text.replace(/[ \t]+$/gm, '').replace(/\n{2,}/g, '\n').trim();

/**
 * The fingerprint of one question: one hash per part that matters (the question and its prompt
 * code, the short answer, the key points, every code block with its output), so a comparison
 * can say which part changed. The rest of the prose is left out: editing an explanation does
 * not make a learner re-learn a card.
 * @example questionFingerprint('Why?', 'Because.', '## Key points\n\n- one\n') // "a1:…….……….……….………"
 */
export function questionFingerprint(title: string, short: string, body: string, promptCode = ''): string {
  const tree = parseMarkdown(body);
  const points = sectionsOf(tree).find((s) => s.title === 'Key points');
  const blocks = codeBlocksOf(tree)
    .filter((b) => b.lang === 'python')
    .map((b) => `${code(b.code)}\n${code(b.output?.text ?? '')}`);
  const parts: Record<AnswerPart, string> = {
    question: `${prose(title)}\n${code(promptCode)}`,
    short: prose(short),
    points: prose((points?.nodes ?? []).map(textWithCode).join('\n')),
    code: blocks.join('\n'),
  };
  return `${FINGERPRINT_VERSION}:${ANSWER_PARTS.map((p) => contentFingerprint(parts[p])).join('.')}`;
}

/**
 * The parts that differ between the fingerprint stored with a review and the current one:
 * empty when nothing that matters changed, undefined when the stored one cannot be compared
 * (missing, or made by an older version of the site, which hashed the whole file).
 */
export function changedParts(stored: string | undefined, current: string): AnswerPart[] | undefined {
  const split = (fp: string | undefined) => {
    const match = /^a1:([0-9a-f]{8}(?:\.[0-9a-f]{8}){3})$/.exec(fp ?? '');
    return match ? match[1]!.split('.') : undefined;
  };
  const [before, now] = [split(stored), split(current)];
  if (!before || !now) return undefined;
  return ANSWER_PARTS.filter((_, i) => before[i] !== now[i]);
}
