/**
 * The fingerprint of a question, made at build time from its Markdown (the browser only compares
 * fingerprints: src/lib/fingerprint.ts, kept apart so no page loads a Markdown parser).
 */
import type { Root, RootContent } from 'mdast';
import { ANSWER_PARTS, contentFingerprint, FINGERPRINT_VERSION, type AnswerPart } from './fingerprint.ts';
import { codeBlocksOf, parseMarkdown, sectionsOf } from './question-file.ts';

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

