/**
 * One flashcard session: the queue being worked through, ratings, undo and the end summary.
 * Plain logic over a Scheduler; the page stores each rating and hands its key back for undo.
 */
import type { CardSchedule } from './card-status.ts';
import { LEARN_AHEAD_MS } from './drill.ts';
import type { Grade } from './progress-store.ts';
import type { Scheduler } from './scheduler.ts';

/** What one rating changed, kept so it can be undone. */
interface Step {
  id: string;
  grade: Grade;
  /** The stored review's key, when it was stored. */
  key: string | undefined;
  previous: CardSchedule | undefined;
  queue: string[];
  done: number;
}

/** What an undo took back. */
export interface Undone {
  id: string;
  grade: Grade;
  key: string | undefined;
}

/** The end-of-session numbers. */
export interface SessionSummary {
  /** Different cards rated. */
  cards: number;
  /** Ratings given. */
  ratings: number;
  /** Ratings that were "again". */
  again: number;
  /** When the next card of this drill is due, if any card has a schedule. */
  nextDue: number | undefined;
}

/**
 * A drill in progress.
 * @example
 * const session = new DrillSession(['python/a', 'python/b'], new Map(), scheduler, { cram: false, scope: ids });
 * session.rate('good', Date.now(), key);
 */
export class DrillSession {
  readonly #scheduler: Scheduler;
  readonly #cram: boolean;
  readonly #scope: readonly string[];
  #schedules: Map<string, CardSchedule>;
  #queue: string[];
  #done = 0;
  #steps: Step[] = [];

  /**
   * `queue`: card ids in order; `schedules`: the replayed schedules; `cram`: ratings leave the
   * schedule alone; `scope`: every card id the drill's filters allow, for "next due".
   */
  constructor(
    queue: readonly string[],
    schedules: ReadonlyMap<string, CardSchedule>,
    scheduler: Scheduler,
    options: { cram: boolean; scope: readonly string[] },
  ) {
    this.#queue = [...queue];
    this.#schedules = new Map(schedules);
    this.#scheduler = scheduler;
    this.#cram = options.cram;
    this.#scope = options.scope;
  }

  /** True when ratings in this session never change the schedule. */
  get cram(): boolean {
    return this.#cram;
  }

  /** The card being shown, or undefined when the session is over. */
  get current(): string | undefined {
    return this.#queue[0];
  }

  /** Ratings given so far (undo takes one back). */
  get done(): number {
    return this.#done;
  }

  /** Cards still to show, the current one included. */
  get remaining(): number {
    return this.#queue.length;
  }

  /** Whether there is a rating to undo. */
  get canUndo(): boolean {
    return this.#steps.length > 0;
  }

  /** The schedule of a card as this session sees it. */
  schedule(id: string): CardSchedule | undefined {
    return this.#schedules.get(id);
  }

  /** Replaces the schedules (another tab rated cards); the queue is kept. */
  refresh(schedules: ReadonlyMap<string, CardSchedule>): void {
    this.#schedules = new Map(schedules);
  }

  /** For each grade, the interval a rating of the current card would schedule; undefined in cram. */
  preview(at: number): Record<Grade, number> | undefined {
    const id = this.current;
    if (id === undefined || this.#cram) return undefined;
    return this.#scheduler.preview(this.#schedules.get(id), id, at);
  }

  /**
   * Rates the current card and moves on. A card that comes back within the learn-ahead window
   * (a miss, or a new card's first steps) goes to the back of the queue; in cram only a miss does.
   */
  rate(grade: Grade, at: number, key?: string): void {
    const id = this.current;
    if (id === undefined) return;
    const previous = this.#schedules.get(id);
    this.#steps.push({ id, grade, key, previous, queue: [...this.#queue], done: this.#done });
    this.#queue.shift();
    this.#done++;
    if (this.#cram) {
      if (grade === 'again') this.#queue.push(id);
      return;
    }
    const next = this.#scheduler.next(previous, id, grade, at);
    this.#schedules.set(id, next);
    if (next.phase === 'learning' && next.due - at <= LEARN_AHEAD_MS) this.#queue.push(id);
  }

  /** Takes back the last rating: the card, its schedule and the queue are as they were. */
  undo(): Undone | undefined {
    const step = this.#steps.pop();
    if (!step) return undefined;
    if (step.previous) this.#schedules.set(step.id, step.previous);
    else this.#schedules.delete(step.id);
    this.#queue = step.queue;
    this.#done = step.done;
    return { id: step.id, grade: step.grade, key: step.key };
  }

  /** The numbers for the end of the session. */
  summary(): SessionSummary {
    const dues = this.#scope.flatMap((id) => {
      const schedule = this.#schedules.get(id);
      return schedule ? [schedule.due] : [];
    });
    return {
      cards: new Set(this.#steps.map((s) => s.id)).size,
      ratings: this.#steps.length,
      again: this.#steps.filter((s) => s.grade === 'again').length,
      nextDue: dues.length ? Math.min(...dues) : undefined,
    };
  }
}
