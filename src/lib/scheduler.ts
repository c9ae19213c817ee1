/**
 * Spaced-repetition scheduling: a thin wrapper over ts-fsrs (FSRS, the algorithm Anki uses).
 * The schedule is never stored; it is replayed from the review log, so undo is "remove the
 * review and replay", an import merge is "union the logs and replay", and cram reviews, which
 * are left out of the replay, can never move a card.
 */
import { createEmptyCard, fsrs, GenSeedStrategyWithCardId, Rating, State, StrategyMode, type Card, type FSRS, type Grade as FsrsGrade } from 'ts-fsrs';
import { schedulesCard, type CardSchedule } from './card-status.ts';
import { GRADES, type Grade, type Review } from './progress-store.ts';

/** How a scheduler is set up. */
export interface SchedulerOptions {
  /** Spread intervals a little so cards learnt together do not stay together; off in tests. */
  fuzz?: boolean;
  /** The clock; tests pass a fixed one. */
  now?: () => number;
}

const RATING: Readonly<Record<Grade, FsrsGrade>> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

function toSchedule(id: string, card: Card & { cid: string }): CardSchedule {
  return {
    id,
    due: card.due.getTime(),
    phase: card.state === State.Review ? 'review' : 'learning',
    reps: card.reps,
    lapses: card.lapses,
    lastReview: card.last_review?.getTime() ?? card.due.getTime(),
    card,
  };
}

/**
 * Computes next schedules with FSRS.
 * @example
 * const scheduler = new Scheduler({ fuzz: false, now: () => Date.UTC(2025, 0, 6, 9) });
 * scheduler.next(undefined, 'python/x', 'good').due // 10 minutes later
 */
export class Scheduler {
  readonly #fsrs: FSRS;
  readonly #now: () => number;

  constructor(options: SchedulerOptions = {}) {
    // The fuzz seed comes from the card id and its review count, not the clock, so the interval a
    // button shows is exactly the one the rating then stores, and a replay gives the same result.
    this.#fsrs = fsrs({ enable_fuzz: options.fuzz ?? true }).useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId('cid'));
    this.#now = options.now ?? Date.now;
  }

  /** The scheduler's clock, in epoch milliseconds. */
  now(): number {
    return this.#now();
  }

  #card(schedule: CardSchedule | undefined, id: string, at: number): Card & { cid: string } {
    return schedule ? schedule.card : { ...createEmptyCard(at), cid: id };
  }

  /** The schedule after rating question `id` (currently `schedule`, undefined when new) `grade` at `at`. */
  next(schedule: CardSchedule | undefined, id: string, grade: Grade, at: number = this.now()): CardSchedule {
    const card = this.#fsrs.next(this.#card(schedule, id, at), at, RATING[grade]).card as Card & { cid: string };
    return toSchedule(id, card);
  }

  /** For each grade, how long from `at` until the card would be due again (milliseconds). */
  preview(schedule: CardSchedule | undefined, id: string, at: number = this.now()): Record<Grade, number> {
    const log = this.#fsrs.repeat(this.#card(schedule, id, at), at);
    const result = {} as Record<Grade, number>;
    for (const grade of GRADES) result[grade] = log[RATING[grade]].card.due.getTime() - at;
    return result;
  }

  /** Every question's schedule, replayed from `reviews` in time order; cram reviews are skipped. */
  replay(reviews: readonly Review[]): Map<string, CardSchedule> {
    const schedules = new Map<string, CardSchedule>();
    const ordered = reviews.filter(schedulesCard).sort((a, b) => a.at - b.at);
    for (const review of ordered) {
      schedules.set(review.id, this.next(schedules.get(review.id), review.id, review.grade, review.at));
    }
    return schedules;
  }
}
