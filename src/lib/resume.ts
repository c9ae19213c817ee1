/**
 * What the home page tells a returning learner, read from stored progress: where they stopped on
 * the study pages, and their weakest topic. Plain functions over the review log.
 */
import { schedulesCard } from './card-status.ts';
import type { Review } from './progress-store.ts';

/**
 * The study page to continue on: the page of the last question marked on a study page, or the
 * page after it once every question there has been studied. Undefined before any study mark.
 * `ids` are the deck's question ids in study order.
 * @example resumePage(reviews, ['python/a', 'python/b', 'python/c'], 2) // 2 once a and b are studied and b was marked last
 */
export function resumePage(reviews: readonly Review[], ids: readonly string[], pageSize: number): number | undefined {
  const last = reviews.filter((r) => r.source === 'study' && ids.includes(r.id)).reduce<Review | undefined>((a, r) => (!a || r.at >= a.at ? r : a), undefined);
  if (!last || pageSize < 1) return undefined;
  const page = Math.floor(ids.indexOf(last.id) / pageSize) + 1;
  const studied = new Set(reviews.map((r) => r.id));
  const onPage = ids.slice((page - 1) * pageSize, page * pageSize);
  const pages = Math.ceil(ids.length / pageSize);
  return onPage.every((id) => studied.has(id)) && page < pages ? page + 1 : page;
}

/** A topic as the home page knows it. */
export interface TopicIds {
  id: string;
  ids: readonly string[];
}

/** The weakest topic and why. */
export interface WeakTopic {
  id: string;
  /** Reviews of the topic's questions that were misses ("again"). */
  missed: number;
  /** Reviews of the topic's questions in all (cram drills left out). */
  reviews: number;
}

/**
 * The topic with the largest share of missed reviews (ties: more misses, then study order), or
 * undefined when nothing was ever missed.
 */
export function weakestTopic(reviews: readonly Review[], topics: readonly TopicIds[]): WeakTopic | undefined {
  let weakest: WeakTopic | undefined;
  for (const topic of topics) {
    const ids = new Set(topic.ids);
    const own = reviews.filter((r) => schedulesCard(r) && ids.has(r.id));
    const missed = own.filter((r) => r.grade === 'again').length;
    if (missed === 0) continue;
    const candidate = { id: topic.id, missed, reviews: own.length };
    const share = (w: WeakTopic) => w.missed / w.reviews;
    if (!weakest || share(candidate) > share(weakest) || (share(candidate) === share(weakest) && missed > weakest.missed)) weakest = candidate;
  }
  return weakest;
}
