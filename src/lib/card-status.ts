/**
 * Where a question stands in the learner's schedule, and how to say when it is due. Kept apart
 * from the scheduler so reading pages can show a state without loading the FSRS library.
 */
import type { Card } from 'ts-fsrs';
import type { Review } from './progress-store.ts';

/**
 * A question's state, in the one vocabulary the whole site uses: never studied (new), in its
 * first short steps (learning), learnt and spaced out by days (review), or its time has come (due).
 */
export type CardStatus = 'new' | 'learning' | 'review' | 'due';

/** The states, in the order a learner moves through them (due is any studied card whose time has come). */
export const STATUSES: readonly CardStatus[] = ['new', 'learning', 'review', 'due'];

/** How each state is shown. */
export const STATUS_LABEL: Readonly<Record<CardStatus, string>> = { new: 'New', learning: 'Learning', review: 'Review', due: 'Due' };

/** What each state means, in a sentence for the learner. */
export const STATUS_HELP: Readonly<Record<CardStatus, string>> = {
  new: 'not studied yet. Today’s flashcards bring in a few new ones a day.',
  learning: 'studied recently and still in short steps: it comes back within minutes until you know it.',
  review: 'learnt: it comes back after days, then weeks, just before you would forget it.',
  due: 'its time has come: study it today, on the flashcards or with a mark on its study page.',
};

/** One question's schedule, replayed from its reviews (see src/lib/scheduler.ts). */
export interface CardSchedule {
  /** The question's stable id. */
  id: string;
  /** When it is next due, in epoch milliseconds. */
  due: number;
  /** learning: short steps, first time or after a lapse; review: spaced out by days. */
  phase: 'learning' | 'review';
  /** Reviews that moved the schedule. */
  reps: number;
  /** Times it was forgotten after it had been learnt. */
  lapses: number;
  /** When it was last reviewed, in epoch milliseconds. */
  lastReview: number;
  /** The FSRS card the next rating starts from. */
  card: Card & { cid: string };
}

/** True for a review that moves the schedule: every review except a cram drill's. */
export function schedulesCard(review: Pick<Review, 'source'>): boolean {
  return review.source !== 'cram';
}

/** The state of a question with `schedule` (undefined: never reviewed) at time `now`. */
export function cardStatus(schedule: CardSchedule | undefined, now: number): CardStatus {
  if (!schedule) return 'new';
  if (schedule.due <= now) return 'due';
  return schedule.phase;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A short interval label for a rating button.
 * @example formatInterval(600_000) // "10m"
 * @example formatInterval(3 * 86_400_000) // "3d"
 */
export function formatInterval(ms: number): string {
  if (ms < HOUR) return `${Math.max(1, Math.round(ms / MINUTE))}m`;
  if (ms < DAY) return `${Math.round(ms / HOUR)}h`;
  const days = ms / DAY;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${Math.round((days / 30.4) * 10) / 10}mo`;
  return `${Math.round((days / 365) * 10) / 10}y`;
}

/** The same interval in words, for screen readers and sentences: "10 minutes", "3 days". */
export function intervalInWords(ms: number): string {
  const label = formatInterval(ms);
  const match = /^([\d.]+)(m|h|d|mo|y)$/.exec(label);
  if (!match) return label;
  const n = Number(match[1]);
  const unit = { m: 'minute', h: 'hour', d: 'day', mo: 'month', y: 'year' }[match[2] as 'm' | 'h' | 'd' | 'mo' | 'y'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** When something is due, relative to `now`: "now", "in 10 minutes", "in 3 days". */
export function describeDue(due: number, now: number): string {
  return due <= now ? 'now' : `in ${intervalInWords(due - now)}`;
}

/**
 * A countdown as minutes and seconds, never below zero.
 * @example formatCountdown(9 * 60_000 + 41_500) // "9:42"
 */
export function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
