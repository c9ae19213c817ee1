/**
 * One flashcard session: the cards to show now, the learning cards that come back later in the
 * session (when they are due, not before), ratings, undo, the live counts and the end summary.
 * Plain logic over a Scheduler; the page stores each rating and hands its key back for undo.
 */
import type { CardSchedule } from './card-status.ts';
import { LEARN_AHEAD_MS, type Pending, type TodayCounts } from './drill.ts';
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
  pending: Pending[];
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

/** How a session is set up besides its queue. */
export interface SessionOptions {
  /** Ratings leave the schedule alone. */
  cram: boolean;
  /** Every card id the drill's filters allow, for "next due". */
  scope: readonly string[];
  /** Learning cards that come back later in this session (see upcomingLearning). */
  pending?: readonly Pending[];
}

/**
 * A drill in progress.
 * @example
 * const session = new DrillSession(['python/a', 'python/b'], new Map(), scheduler, { cram: false, scope: ids });
 * session.rate('good', Date.now(), key); // python/a comes back in 10 minutes: session.pending
 */
export class DrillSession {
  readonly #scheduler: Scheduler;
  readonly #cram: boolean;
  readonly #scope: readonly string[];
  readonly #total: number;
  #schedules: Map<string, CardSchedule>;
  #queue: string[];
  #pending: Pending[];
  #steps: Step[] = [];

  /** `queue`: card ids to show now, in order; `schedules`: the replayed schedules. */
  constructor(queue: readonly string[], schedules: ReadonlyMap<string, CardSchedule>, scheduler: Scheduler, options: SessionOptions) {
    this.#queue = [...queue];
    this.#pending = [...(options.pending ?? [])].filter((p) => !queue.includes(p.id)).sort((a, b) => a.due - b.due);
    this.#schedules = new Map(schedules);
    this.#scheduler = scheduler;
    this.#cram = options.cram;
    this.#scope = options.scope;
    this.#total = this.#queue.length + this.#pending.length;
  }

  /** True when ratings in this session never change the schedule. */
  get cram(): boolean {
    return this.#cram;
  }

  /** The card being shown, or undefined when none is due now (see `nextDue`) or the session is over. */
  get current(): string | undefined {
    return this.#queue[0];
  }

  /** Ratings given so far (undo takes one back). */
  get done(): number {
    return this.#steps.length;
  }

  /** Different cards in the session when it started: the most it will ever hold. */
  get total(): number {
    return this.#total;
  }

  /** Cards still to finish: those to show now and those coming back later. Never grows. */
  get remaining(): number {
    return this.#queue.length + this.#pending.length;
  }

  /** When the next learning card comes back, if one is waiting. */
  get nextDue(): number | undefined {
    return this.#pending[0]?.due;
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

  /** Moves the learning cards due by `now` to the front of the queue: they are shown next. */
  tick(now: number): void {
    const due = this.#pending.filter((p) => p.due <= now);
    if (!due.length) return;
    this.#pending = this.#pending.filter((p) => p.due > now);
    this.#queue = [...due.map((p) => p.id), ...this.#queue];
  }

  /** Brings the next waiting card forward now, when the learner chooses not to wait for it. */
  studyAhead(): void {
    const next = this.#pending[0];
    if (next) this.tick(next.due);
  }

  /** What is left, by kind, as the learner sees it: review and new only ever go down. */
  counts(): TodayCounts {
    const counts: TodayCounts = { review: 0, learning: this.#pending.length, new: 0 };
    for (const id of this.#queue) {
      const phase = this.#schedules.get(id)?.phase;
      if (phase === undefined) counts.new++;
      else counts[phase]++;
    }
    return counts;
  }

  /** The kind of the current card: new, learning or review. */
  currentKind(): keyof TodayCounts | undefined {
    const id = this.current;
    return id === undefined ? undefined : (this.#schedules.get(id)?.phase ?? 'new');
  }

  /** For each grade, the interval a rating of the current card would schedule; undefined in cram. */
  preview(at: number): Record<Grade, number> | undefined {
    const id = this.current;
    if (id === undefined || this.#cram) return undefined;
    return this.#scheduler.preview(this.#schedules.get(id), id, at);
  }

  /**
   * Rates the current card and moves on. A card due again within LEARN_AHEAD_MS (a miss, or a new
   * card's first steps) waits until it is due; in cram, where nothing is scheduled, a miss goes
   * to the back of the queue.
   */
  rate(grade: Grade, at: number, key?: string): void {
    const id = this.current;
    if (id === undefined) return;
    const previous = this.#schedules.get(id);
    this.#steps.push({ id, grade, key, previous, queue: [...this.#queue], pending: [...this.#pending] });
    this.#queue.shift();
    if (this.#cram) {
      if (grade === 'again') this.#queue.push(id);
      return;
    }
    const next = this.#scheduler.next(previous, id, grade, at);
    this.#schedules.set(id, next);
    if (next.phase === 'learning' && next.due - at <= LEARN_AHEAD_MS) {
      this.#pending = [...this.#pending, { id, due: next.due }].sort((a, b) => a.due - b.due);
    }
  }

  /** Takes back the last rating: the card, its schedule and the queue are as they were. */
  undo(): Undone | undefined {
    const step = this.#steps.pop();
    if (!step) return undefined;
    if (step.previous) this.#schedules.set(step.id, step.previous);
    else this.#schedules.delete(step.id);
    this.#queue = step.queue;
    this.#pending = step.pending;
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
