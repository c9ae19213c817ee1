/** "This answer changed since you studied it": which questions changed after the learner's last review of them. */
import { changedParts, type AnswerPart } from './fingerprint.ts';
import type { Review } from './progress-store.ts';

/** How each changed part is named to the learner. */
export const PART_NAMES: Readonly<Record<AnswerPart, string>> = {
  question: 'the question',
  short: 'the short answer',
  points: 'the key points',
  code: 'the code examples or their output',
};

/** A change the learner has not seen: when they last reviewed the question and what changed since. */
export interface AnswerChange {
  id: string;
  /** When the learner last reviewed it (epoch milliseconds). */
  reviewedAt: number;
  parts: AnswerPart[];
}

/** The name of the notice that, once dismissed, hides this change (until the next one). */
export function changeNoticeId(id: string, fingerprint: string): string {
  return `changed:${id}:${fingerprint}`;
}

/**
 * The change to question `id` since its latest review, or undefined when there is none to
 * show: never reviewed, unchanged, reviewed before fingerprints could be compared, or dismissed.
 */
export function answerChange(reviews: readonly Review[], id: string, current: string, dismissed: (noticeId: string) => boolean): AnswerChange | undefined {
  const latest = reviews.findLast((r) => r.id === id);
  const parts = changedParts(latest?.fp, current);
  if (!latest || !parts?.length || dismissed(changeNoticeId(id, current))) return undefined;
  return { id, reviewedAt: latest.at, parts };
}

/**
 * The changed parts as a phrase.
 * @example describeParts(['short', 'code']) // "the short answer and the code examples or their output"
 */
export function describeParts(parts: readonly AnswerPart[]): string {
  const names = parts.map((p) => PART_NAMES[p]);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
