import { describe, expect, it } from 'vitest';
import { cardStatus, describeDue, formatCountdown, formatInterval, type CardSchedule } from '../src/lib/card-status.ts';
import { DrillSession } from '../src/lib/drill-session.ts';
import type { Review } from '../src/lib/progress-store.ts';
import { Scheduler } from '../src/lib/scheduler.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const fixed = (at = T0) => new Scheduler({ fuzz: false, now: () => at });
const review = (at: number, grade: Review['grade'], source: Review['source'] = 'cards'): Review => ({ id: 'python/a', at, grade, source });

describe('Scheduler (FSRS, fixed clock, no fuzz)', () => {
  it('previews the intervals of a new card', () => {
    expect(fixed().preview(undefined, 'python/a')).toEqual({ again: 1 * MINUTE, hard: 6 * MINUTE, good: 10 * MINUTE, easy: 8 * DAY });
  });

  it('moves a new card through its learning steps into review', () => {
    const scheduler = fixed();
    const first = scheduler.next(undefined, 'python/a', 'good');
    expect(first).toMatchObject({ id: 'python/a', due: T0 + 10 * MINUTE, phase: 'learning', reps: 1, lapses: 0, lastReview: T0 });
    expect(cardStatus(first, T0 + MINUTE)).toBe('learning');
    expect(cardStatus(first, T0 + 10 * MINUTE)).toBe('due');

    const at = first.due;
    expect(scheduler.preview(first, 'python/a', at)).toEqual({ again: 1 * MINUTE, hard: 6 * MINUTE, good: 2 * DAY, easy: 4 * DAY });
    const second = scheduler.next(first, 'python/a', 'good', at);
    expect(second).toMatchObject({ due: at + 2 * DAY, phase: 'review', reps: 2, lapses: 0 });
    expect(cardStatus(second, at + DAY)).toBe('review');
    expect(cardStatus(second, at + 2 * DAY)).toBe('due');
  });

  it('sends a forgotten card back to relearning and counts the lapse', () => {
    const scheduler = fixed();
    const known = scheduler.next(undefined, 'python/a', 'easy');
    expect(known).toMatchObject({ phase: 'review', due: T0 + 8 * DAY });
    const lapsed = scheduler.next(known, 'python/a', 'again', known.due);
    expect(lapsed).toMatchObject({ phase: 'learning', lapses: 1, due: known.due + 10 * MINUTE });
  });

  it('replays the review log to the same schedule as rating step by step', () => {
    const scheduler = fixed();
    const log = [review(T0, 'good'), review(T0 + 10 * MINUTE, 'good'), review(T0 + 2 * DAY + 10 * MINUTE, 'hard')];
    let step: CardSchedule | undefined;
    for (const r of log) step = scheduler.next(step, r.id, r.grade, r.at);
    // Order in the log does not matter: reviews are replayed by time.
    expect(scheduler.replay([...log].reverse()).get('python/a')).toEqual(step);
  });

  it('a missed mark on a study page brings the card back sooner', () => {
    const scheduler = fixed();
    const knew = scheduler.replay([review(T0, 'easy', 'cards')]).get('python/a');
    const missed = scheduler.replay([review(T0, 'easy', 'cards'), review(T0 + DAY, 'again', 'study')]).get('python/a');
    expect(missed?.due).toBeLessThan(knew?.due ?? 0);
    expect(missed?.due).toBe(T0 + DAY + 10 * MINUTE);
  });

  it('cram reviews never change the schedule', () => {
    const scheduler = fixed();
    const log = [review(T0, 'good'), review(T0 + 10 * MINUTE, 'good')];
    const cram = [review(T0 + DAY, 'again', 'cram'), review(T0 + DAY + 1, 'easy', 'cram')];
    expect(scheduler.replay([...log, ...cram])).toEqual(scheduler.replay(log));
    expect(scheduler.replay(cram).size).toBe(0);
  });

  it('with fuzz on, the interval a button shows is the one the rating stores', () => {
    const scheduler = new Scheduler({ fuzz: true, now: () => T0 });
    let schedule: CardSchedule | undefined;
    let at = T0;
    for (let i = 0; i < 6; i++) {
      const shown = scheduler.preview(schedule, 'python/a', at).good;
      schedule = scheduler.next(schedule, 'python/a', 'good', at);
      expect(schedule.due - at).toBe(shown);
      at = schedule.due;
    }
    expect(schedule?.phase).toBe('review');
  });
});

describe('DrillSession', () => {
  const ids = ['python/a', 'python/b', 'python/c'];

  it('a card in its first steps waits until it is due; an easy one is retired', () => {
    const session = new DrillSession(ids, new Map(), fixed(), { cram: false, scope: ids });
    expect(session.counts()).toEqual({ review: 0, learning: 0, new: 3 });
    expect(session.preview(T0)?.good).toBe(10 * MINUTE);
    session.rate('good', T0, 'k1');
    expect(session.current).toBe('python/b');
    expect(session.counts()).toEqual({ review: 0, learning: 1, new: 2 });
    session.rate('easy', T0, 'k2');
    session.rate('again', T0, 'k3');
    // Nothing is due now: the session waits for python/c (1 minute), then python/a (10 minutes).
    expect([session.done, session.remaining, session.current, session.nextDue]).toEqual([3, 2, undefined, T0 + MINUTE]);
    expect(session.counts()).toEqual({ review: 0, learning: 2, new: 0 });
    session.tick(T0 + 30_000);
    expect(session.current).toBeUndefined();
    session.tick(T0 + MINUTE);
    expect([session.current, session.currentKind(), session.nextDue]).toEqual(['python/c', 'learning', T0 + 10 * MINUTE]);
    session.rate('good', T0 + MINUTE);
    session.studyAhead();
    expect(session.current).toBe('python/a');
    expect(session.summary()).toEqual({ cards: 3, ratings: 4, again: 1, nextDue: T0 + 10 * MINUTE });
    expect(session.total).toBe(3);
  });

  it('counts never grow: review and new only go down, and the total stays put', () => {
    const scheduler = fixed();
    const schedules = scheduler.replay([review(T0 - 5 * DAY, 'easy')]);
    const session = new DrillSession(['python/a', 'python/b'], schedules, scheduler, { cram: false, scope: ids, pending: [] });
    expect([session.counts(), session.currentKind()]).toEqual([{ review: 1, learning: 0, new: 1 }, 'review']);
    session.rate('again', T0);
    expect(session.counts()).toEqual({ review: 0, learning: 1, new: 1 });
    session.rate('again', T0);
    expect(session.counts()).toEqual({ review: 0, learning: 2, new: 0 });
    expect(session.remaining).toBeLessThanOrEqual(session.total);
  });

  it('learning cards due later join the session when they are due', () => {
    const session = new DrillSession(['python/b'], new Map(), fixed(), { cram: false, scope: ids, pending: [{ id: 'python/a', due: T0 + 5 * MINUTE }] });
    expect([session.total, session.counts()]).toEqual([2, { review: 0, learning: 1, new: 1 }]);
    session.tick(T0 + 5 * MINUTE);
    expect(session.current).toBe('python/a');
  });

  it('undo restores the previous card, schedule and queue', () => {
    const scheduler = fixed();
    const before = scheduler.replay([review(T0 - 3 * DAY, 'good'), review(T0 - 3 * DAY + 10 * MINUTE, 'good')]);
    const session = new DrillSession(ids, before, scheduler, { cram: false, scope: ids });
    const original = session.schedule('python/a');
    session.rate('again', T0, 'key-1');
    expect(session.schedule('python/a')).not.toEqual(original);
    expect(session.undo()).toEqual({ id: 'python/a', grade: 'again', key: 'key-1' });
    expect(session.schedule('python/a')).toEqual(original);
    expect([session.current, session.done, session.remaining, session.canUndo, session.nextDue]).toEqual(['python/a', 0, 3, false, undefined]);
    // The schedule replayed without the removed review is the one before it.
    expect(scheduler.replay([review(T0 - 3 * DAY, 'good'), review(T0 - 3 * DAY + 10 * MINUTE, 'good')])).toEqual(before);
    session.rate('good', T0);
    session.undo();
    expect(session.schedule('python/b')).toBeUndefined();
  });

  it('cram leaves every schedule untouched and drills a miss again', () => {
    const scheduler = fixed();
    const before = scheduler.replay([review(T0 - DAY, 'easy')]);
    const session = new DrillSession(ids, before, scheduler, { cram: true, scope: ids });
    expect(session.preview(T0)).toBeUndefined();
    session.rate('again', T0);
    session.rate('easy', T0);
    session.rate('good', T0);
    expect(session.schedule('python/a')).toEqual(before.get('python/a'));
    expect(session.schedule('python/b')).toBeUndefined();
    expect(session.current).toBe('python/a');
  });
});

describe('interval labels', () => {
  it('formats the intervals shown on rating buttons', () => {
    expect([MINUTE, 10 * MINUTE, 3 * 60 * MINUTE, 3 * DAY, 45 * DAY, 400 * DAY].map(formatInterval)).toEqual(['1m', '10m', '3h', '3d', '1.5mo', '1.1y']);
    expect(describeDue(T0 + 10 * MINUTE, T0)).toBe('in 10 minutes');
    expect(describeDue(T0 + DAY, T0)).toBe('in 1 day');
    expect(describeDue(T0 - 1, T0)).toBe('now');
    expect([formatCountdown(9 * MINUTE + 41_500), formatCountdown(999), formatCountdown(-5)]).toEqual(['9:42', '0:01', '0:00']);
  });
});
