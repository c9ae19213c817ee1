/**
 * Fingerprints of question content. A review stores the fingerprint of the question as it was
 * reviewed, so the site can later tell the learner that an answer changed since (see
 * src/lib/answer-changes.ts). This module runs in the browser too, so it reads no Markdown: the
 * build makes a question's fingerprint in src/lib/question-fingerprint.ts.
 */

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
