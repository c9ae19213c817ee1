/**
 * Flashcard drills: which cards a drill shows and in what order, read from and written to the
 * URL so a drill can be bookmarked and shared (`/python/cards/?queue=new&topic=functions&seed=7`).
 */
import { schedulesCard, type CardSchedule } from './card-status.ts';
import { DIFFICULTIES, type Difficulty } from './deck.ts';
import type { Review } from './progress-store.ts';
import { MAX_SEED } from './seed.ts';

/** The queues: due cards then today's new ones; only new cards; every card (cram, schedule untouched). */
export const QUEUES = ['due', 'new', 'all'] as const;
/** One of the queues. */
export type QueueKind = (typeof QUEUES)[number];

/** How each queue is named on the page ("due" in URLs; "Today" holds due cards and today's new ones). */
export const QUEUE_LABEL: Readonly<Record<QueueKind, string>> = { due: 'Today', new: 'New', all: 'All (cram)' };

/** What a drill shows: a queue, optional filters, and an optional shuffle seed. */
export interface DrillOptions {
  queue: QueueKind;
  topic?: string;
  difficulty?: Difficulty;
  tag?: string;
  /** Shuffle with this seed; absent: study order. */
  seed?: number;
}

/** The values a filter may take, from the deck. */
export interface DrillChoices {
  topics: readonly string[];
  tags: readonly string[];
}

/** What a drill needs to know about a card. */
export interface DrillCard {
  id: string;
  topic: string;
  difficulty: Difficulty;
  tags: readonly string[];
}

/** Learning cards due within this long belong to the session being studied: it waits for them (as Anki does). */
export const LEARN_AHEAD_MS = 20 * 60_000;

/**
 * Reads drill options from a URL's query. Values that are not in the deck are ignored and named
 * in `ignored`, so a stale bookmark still opens a drill and says what it dropped.
 * @example parseDrillOptions(new URLSearchParams('queue=new&topic=functions'), choices).options // { queue: 'new', topic: 'functions' }
 */
export function parseDrillOptions(params: URLSearchParams, choices: DrillChoices): { options: DrillOptions; ignored: string[] } {
  const ignored: string[] = [];
  const options: DrillOptions = { queue: 'due' };
  const read = (name: string, valid: (value: string) => boolean): string | undefined => {
    const value = params.get(name)?.trim();
    if (!value) return undefined;
    if (valid(value)) return value;
    ignored.push(`${name} "${value}"`);
    return undefined;
  };
  const queue = read('queue', (v) => (QUEUES as readonly string[]).includes(v));
  if (queue) options.queue = queue as QueueKind;
  const topic = read('topic', (v) => choices.topics.includes(v));
  if (topic) options.topic = topic;
  const difficulty = read('difficulty', (v) => (DIFFICULTIES as readonly string[]).includes(v));
  if (difficulty) options.difficulty = difficulty as Difficulty;
  const tag = read('tag', (v) => choices.tags.includes(v));
  if (tag) options.tag = tag;
  const seed = read('seed', (v) => /^\d{1,10}$/.test(v) && Number(v) <= MAX_SEED);
  if (seed) options.seed = Number(seed);
  return { options, ignored };
}

/**
 * The query string for drill options, defaults left out, in a fixed order ("" for the default drill).
 * @example drillQuery({ queue: 'new', topic: 'functions' }) // "?queue=new&topic=functions"
 */
export function drillQuery(options: DrillOptions): string {
  const params = new URLSearchParams();
  if (options.queue !== 'due') params.set('queue', options.queue);
  if (options.topic) params.set('topic', options.topic);
  if (options.difficulty) params.set('difficulty', options.difficulty);
  if (options.tag) params.set('tag', options.tag);
  if (options.seed !== undefined) params.set('seed', String(options.seed));
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** True when `card` passes the drill's topic, difficulty and tag filters. */
export function matchesDrill(card: DrillCard, options: DrillOptions): boolean {
  return (
    (!options.topic || card.topic === options.topic) &&
    (!options.difficulty || card.difficulty === options.difficulty) &&
    (!options.tag || card.tags.includes(options.tag))
  );
}

/** A small deterministic random number generator (mulberry32): the same seed gives the same sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A copy of `items` in an order fixed by `seed` (Fisher–Yates).
 * @example seededShuffle([1, 2, 3, 4], 7) // the same order every time for seed 7
 */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const random = mulberry32(seed);
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

/** Local midnight at the start of the day that contains `ms`. */
export function startOfDay(ms: number): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** How many questions had their first scheduling review at or after `since`: new cards started today. */
export function newCardsStartedSince(reviews: readonly Review[], since: number): number {
  const first = new Map<string, number>();
  for (const review of reviews) {
    if (!schedulesCard(review)) continue;
    const at = first.get(review.id);
    if (at === undefined || review.at < at) first.set(review.id, review.at);
  }
  let count = 0;
  for (const at of first.values()) if (at >= since) count++;
  return count;
}

/** True when a card with `schedule` is due now: studied, and its time has come. */
export function isDueNow(schedule: CardSchedule | undefined, now: number): boolean {
  return schedule !== undefined && schedule.due <= now;
}

/** New cards the "Today" queue may still bring in: the daily limit less those started today. */
export function newLeftToday(reviews: readonly Review[], newPerDay: number, now: number): number {
  return Math.max(0, newPerDay - newCardsStartedSince(reviews, startOfDay(now)));
}

/** What building a queue needs besides the cards. */
export interface QueueContext {
  schedules: ReadonlyMap<string, CardSchedule>;
  now: number;
  /** New cards the "Today" queue may still bring in today. */
  newLeft: number;
}

/** A learning card that comes back later in this session. */
export interface Pending {
  id: string;
  due: number;
}

/**
 * Learning cards among `ids` that are not due yet but will be within LEARN_AHEAD_MS: the session
 * waits for them instead of showing them early. Soonest first.
 */
export function upcomingLearning(ids: readonly string[], schedules: ReadonlyMap<string, CardSchedule>, now: number): Pending[] {
  return ids
    .flatMap((id) => {
      const schedule = schedules.get(id);
      return schedule?.phase === 'learning' && schedule.due > now && schedule.due <= now + LEARN_AHEAD_MS ? [{ id, due: schedule.due }] : [];
    })
    .sort((a, b) => a.due - b.due);
}

/** The counts a learner sees before and during a session: cards to review, learning and new. */
export interface TodayCounts {
  /** Learnt cards whose review is due now. */
  review: number;
  /** Cards in their short steps, due now or within this session (LEARN_AHEAD_MS). */
  learning: number;
  /** New cards the day still allows. */
  new: number;
}

/**
 * What "Today" holds for the cards `ids`: the same numbers on the flashcards tab, the progress
 * page and the home page.
 * @example todayCounts(['python/a'], { schedules: new Map(), now, newLeft: 20 }) // { review: 0, learning: 0, new: 1 }
 */
export function todayCounts(ids: readonly string[], context: QueueContext): TodayCounts {
  const { schedules, now } = context;
  const counts: TodayCounts = { review: 0, learning: 0, new: 0 };
  let fresh = 0;
  for (const id of ids) {
    const schedule = schedules.get(id);
    if (!schedule) fresh++;
    else if (schedule.phase === 'review' && schedule.due <= now) counts.review++;
    else if (schedule.phase === 'learning' && schedule.due <= now + LEARN_AHEAD_MS) counts.learning++;
  }
  counts.new = Math.min(fresh, Math.max(0, context.newLeft));
  return counts;
}

/**
 * "Review 5 · New 15": today's counts in words, learning left out when there is none.
 * @example formatCounts({ review: 5, learning: 0, new: 15 }) // "Review 5 · New 15"
 */
export function formatCounts(counts: TodayCounts): string {
  const parts = [`Review ${counts.review}`];
  if (counts.learning > 0) parts.push(`Learning ${counts.learning}`);
  parts.push(`New ${counts.new}`);
  return parts.join(' · ');
}

/**
 * The ids of a drill's cards to show now, in order. `cards` are in study order.
 * - due ("Today"): cards due now, most overdue first, then new cards in study order up to `newLeft`
 *   (learning cards due later in the session come from `upcomingLearning`);
 * - new: every new card; all: every card (cram).
 * With a seed, due cards, new cards and the whole cram deck are each shuffled by it.
 */
export function buildQueue(cards: readonly DrillCard[], options: DrillOptions, context: QueueContext): string[] {
  const { schedules, now } = context;
  const pool = cards.filter((card) => matchesDrill(card, options));
  const order = <T>(items: T[]): T[] => (options.seed === undefined ? items : seededShuffle(items, options.seed));
  const fresh = pool.filter((card) => !schedules.has(card.id)).map((card) => card.id);
  if (options.queue === 'all') return order(pool.map((card) => card.id));
  if (options.queue === 'new') return order(fresh);
  const due = pool
    .filter((card) => isDueNow(schedules.get(card.id), now))
    .sort((a, b) => (schedules.get(a.id)?.due ?? 0) - (schedules.get(b.id)?.due ?? 0))
    .map((card) => card.id);
  return [...order(due), ...order(fresh).slice(0, Math.max(0, context.newLeft))];
}
