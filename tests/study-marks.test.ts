import { describe, expect, it } from 'vitest';
import { ProgressStore, type Review } from '../src/lib/progress-store.ts';
import { Scheduler } from '../src/lib/scheduler.ts';
import { VisitMarks } from '../src/lib/study-marks.ts';
import { MemoryStorage } from './support/memory-storage.ts';

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const mark = (grade: Review['grade'], at = T0, id = 'python/a'): Review => ({ id, at, grade, source: 'study' });

describe('VisitMarks: one review per question per visit', () => {
  it('ignores the same mark given twice (a double click)', () => {
    const store = new ProgressStore(new MemoryStorage());
    const marks = new VisitMarks(store);
    expect(marks.mark(mark('good'))).toEqual({ ok: true, changed: true });
    expect(marks.mark(mark('good', T0 + 200))).toEqual({ ok: true, changed: false });
    expect(store.reviews().map((r) => r.grade)).toEqual(['good']);
    expect(marks.grade('python/a')).toBe('good');
    // The schedule sees one "knew it": the card is still in its first learning step, not known.
    expect(new Scheduler({ fuzz: false }).replay(store.reviews()).get('python/a')).toMatchObject({ reps: 1, phase: 'learning' });
  });

  it('replaces the visit\'s mark when it changes, Knew → Missed → Knew', () => {
    const store = new ProgressStore(new MemoryStorage());
    const marks = new VisitMarks(store);
    marks.mark(mark('good'));
    expect(marks.mark(mark('again', T0 + 1000))).toEqual({ ok: true, changed: true });
    expect(store.reviews().map(({ grade, at }) => ({ grade, at }))).toEqual([{ grade: 'again', at: T0 + 1000 }]);
    marks.mark(mark('good', T0 + 2000));
    expect(store.reviews().map(({ grade, at }) => ({ grade, at }))).toEqual([{ grade: 'good', at: T0 + 2000 }]);
  });

  it('never touches reviews from earlier visits or of other questions', () => {
    const store = new ProgressStore(new MemoryStorage());
    store.addReview(mark('good', T0 - 86_400_000));
    const marks = new VisitMarks(store);
    marks.mark(mark('again', T0, 'python/b'));
    marks.mark(mark('good', T0 + 1));
    marks.mark(mark('again', T0 + 2));
    expect(store.reviews().map(({ id, grade }) => `${id} ${grade}`)).toEqual(['python/a good', 'python/b again', 'python/a again']);
  });

  it('keeps the earlier mark when the new one cannot be stored', () => {
    const storage = new MemoryStorage(400);
    const store = new ProgressStore(storage);
    const marks = new VisitMarks(store);
    expect(marks.mark(mark('good')).ok).toBe(true);
    const big = 'x'.repeat(400);
    const changed = marks.mark({ ...mark('again', T0 + 1), fp: big });
    expect(changed).toEqual({ ok: false, reason: 'full' });
    expect(store.reviews().map((r) => r.grade)).toEqual(['good']);
    expect(marks.grade('python/a')).toBe('good');
  });

  it('says why when there is no storage at all', () => {
    const marks = new VisitMarks(new ProgressStore(null));
    expect(marks.mark(mark('good'))).toEqual({ ok: false, reason: 'unavailable' });
    expect(marks.grade('python/a')).toBeUndefined();
  });
});
