import { describe, expect, it } from 'vitest';
import { buildQueue, drillQuery, formatCounts, newCardsStartedSince, newLeftToday, parseDrillOptions, seededShuffle, todayCounts, upcomingLearning, type DrillCard } from '../src/lib/drill.ts';
import type { Review } from '../src/lib/progress-store.ts';
import { Scheduler } from '../src/lib/scheduler.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const choices = { topics: ['objects', 'functions'], tags: ['gotcha', 'closures'] };
const cards: DrillCard[] = [
  { id: 'python/a', topic: 'objects', difficulty: 'basic', tags: ['gotcha'] },
  { id: 'python/b', topic: 'objects', difficulty: 'advanced', tags: [] },
  { id: 'python/c', topic: 'functions', difficulty: 'basic', tags: ['closures'] },
  { id: 'python/d', topic: 'functions', difficulty: 'intermediate', tags: ['gotcha', 'closures'] },
  { id: 'python/e', topic: 'functions', difficulty: 'basic', tags: [] },
];
const review = (id: string, at: number, grade: Review['grade'], source: Review['source'] = 'cards'): Review => ({ id, at, grade, source });

describe('drill options in the URL', () => {
  it('reads the queue, filters and seed, and names what it ignored', () => {
    const { options, ignored } = parseDrillOptions(new URLSearchParams('queue=new&topic=functions&difficulty=basic&tag=closures&seed=42'), choices);
    expect(options).toEqual({ queue: 'new', topic: 'functions', difficulty: 'basic', tag: 'closures', seed: 42 });
    expect(ignored).toEqual([]);
    const stale = parseDrillOptions(new URLSearchParams('queue=later&topic=astrology&difficulty=&seed=-1'), choices);
    expect(stale).toEqual({ options: { queue: 'due' }, ignored: ['queue "later"', 'topic "astrology"', 'seed "-1"'] });
  });

  it('writes a canonical query that reads back the same', () => {
    const options = { queue: 'all', topic: 'objects', tag: 'gotcha', seed: 7 } as const;
    expect(drillQuery(options)).toBe('?queue=all&topic=objects&tag=gotcha&seed=7');
    expect(parseDrillOptions(new URLSearchParams(drillQuery(options)), choices).options).toEqual(options);
    expect(drillQuery({ queue: 'due' })).toBe('');
  });
});

describe('seededShuffle', () => {
  it('gives the same permutation for the same seed and another for another seed', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    const once = seededShuffle(items, 7);
    expect(seededShuffle(items, 7)).toEqual(once);
    expect([...once].sort((a, b) => a - b)).toEqual(items);
    expect(once).not.toEqual(items);
    expect(seededShuffle(items, 8)).not.toEqual(once);
  });
});

describe('buildQueue', () => {
  const scheduler = new Scheduler({ fuzz: false, now: () => T0 });

  it('puts due cards first, most overdue first, then new cards up to the daily limit', () => {
    const schedules = scheduler.replay([review('python/d', T0 - 9 * DAY, 'easy'), review('python/b', T0 - 10 * DAY, 'easy'), review('python/e', T0, 'easy')]);
    expect(buildQueue(cards, { queue: 'due' }, { schedules, now: T0, newLeft: 2 })).toEqual(['python/b', 'python/d', 'python/a', 'python/c']);
    expect(buildQueue(cards, { queue: 'due' }, { schedules, now: T0, newLeft: 0 })).toEqual(['python/b', 'python/d']);
    expect(buildQueue(cards, { queue: 'new' }, { schedules, now: T0, newLeft: 0 })).toEqual(['python/a', 'python/c']);
    expect(buildQueue(cards, { queue: 'all' }, { schedules, now: T0, newLeft: 0 })).toEqual(cards.map((c) => c.id));
  });

  it('leaves a learning card that is not due yet for the session to wait for', () => {
    const schedules = scheduler.replay([review('python/a', T0, 'again')]);
    expect(buildQueue(cards, { queue: 'due' }, { schedules, now: T0, newLeft: 0 })).toEqual([]);
    expect(upcomingLearning(['python/a', 'python/b'], schedules, T0)).toEqual([{ id: 'python/a', due: T0 + MINUTE }]);
    expect(buildQueue(cards, { queue: 'due' }, { schedules, now: T0 + MINUTE, newLeft: 0 })).toEqual(['python/a']);
    expect(upcomingLearning(['python/a'], schedules, T0 + MINUTE)).toEqual([]);
    const later = scheduler.replay([review('python/a', T0, 'easy')]);
    expect(upcomingLearning(['python/a'], later, T0)).toEqual([]);
  });

  it('applies topic, difficulty and tag filters together, and shuffles by seed', () => {
    const context = { schedules: new Map(), now: T0, newLeft: 20 };
    expect(buildQueue(cards, { queue: 'all', topic: 'functions', difficulty: 'basic' }, context)).toEqual(['python/c', 'python/e']);
    expect(buildQueue(cards, { queue: 'new', tag: 'gotcha' }, context)).toEqual(['python/a', 'python/d']);
    const shuffled = buildQueue(cards, { queue: 'all', seed: 3 }, context);
    expect(shuffled).toEqual(seededShuffle(cards.map((c) => c.id), 3));
  });

  it('counts the new cards started since a time, ignoring cram', () => {
    const reviews = [review('python/a', T0 - DAY, 'good'), review('python/a', T0 + 1, 'good'), review('python/b', T0 + 2, 'good'), review('python/c', T0 + 3, 'good', 'cram')];
    expect(newCardsStartedSince(reviews, T0)).toBe(1);
  });
});

describe('today\'s counts', () => {
  const scheduler = new Scheduler({ fuzz: false, now: () => T0 });
  const ids = cards.map((c) => c.id);

  it('splits today into review, learning and new, the same wherever it is shown', () => {
    const schedules = scheduler.replay([
      review('python/a', T0 - 10 * DAY, 'easy'),
      review('python/b', T0 - 5 * MINUTE, 'again'),
      review('python/c', T0 - 5 * MINUTE, 'easy'),
    ]);
    expect(todayCounts(ids, { schedules, now: T0, newLeft: 20 })).toEqual({ review: 1, learning: 1, new: 2 });
    expect(todayCounts(ids, { schedules, now: T0, newLeft: 1 })).toEqual({ review: 1, learning: 1, new: 1 });
    expect(formatCounts({ review: 5, learning: 0, new: 15 })).toBe('Review 5 · New 15');
    expect(formatCounts({ review: 0, learning: 2, new: 0 })).toBe('Review 0 · Learning 2 · New 0');
  });

  it('takes the new cards started today from the daily limit', () => {
    const reviews = [review('python/a', T0 - DAY, 'good'), review('python/b', T0 + 1, 'good')];
    expect(newLeftToday(reviews, 20, T0 + 2)).toBe(19);
    expect(newLeftToday(reviews, 0, T0 + 2)).toBe(0);
  });
});
