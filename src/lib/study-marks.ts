/**
 * Marks on a study page ("knew it" / "missed it") are a choice the learner can change, not a
 * stream of reviews: a question gets one review per visit. Marking it again the same way changes
 * nothing; marking it the other way stores the new review and removes the visit's earlier one
 * (as undo does), so the schedule and every count see one review. The log stays append-only
 * across visits: a mark made on an earlier visit is never touched.
 */
import type { Grade, ProgressStore, Review, WriteFailure } from './progress-store.ts';

/** The result of a mark: whether it changed anything, or why it could not be stored. */
export type MarkResult = { ok: true; changed: boolean } | { ok: false; reason: WriteFailure };

/**
 * The marks of one visit to a page.
 * @example
 * const marks = new VisitMarks(store);
 * marks.mark({ id: 'python/x', at: Date.now(), grade: 'good', source: 'study' }); // { ok: true, changed: true }
 * marks.mark({ id: 'python/x', at: Date.now(), grade: 'good', source: 'study' }); // { ok: true, changed: false }
 */
export class VisitMarks {
  readonly #store: Pick<ProgressStore, 'addReview' | 'removeReview'>;
  readonly #marks = new Map<string, { key: string; grade: Grade }>();

  constructor(store: Pick<ProgressStore, 'addReview' | 'removeReview'>) {
    this.#store = store;
  }

  /** This visit's mark of question `id`, if it was marked during this visit. */
  grade(id: string): Grade | undefined {
    return this.#marks.get(id)?.grade;
  }

  /** Records `review` as the visit's mark of its question, replacing an earlier, different mark. */
  mark(review: Review): MarkResult {
    const previous = this.#marks.get(review.id);
    if (previous?.grade === review.grade) return { ok: true, changed: false };
    // Add first, then remove: if the write fails, the earlier mark is still there.
    const added = this.#store.addReview(review);
    if (!added.ok) return added;
    if (previous) this.#store.removeReview(previous.key);
    this.#marks.set(review.id, { key: added.key, grade: review.grade });
    return { ok: true, changed: true };
  }
}
