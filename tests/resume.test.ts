import { describe, expect, it } from 'vitest';
import type { Review } from '../src/lib/progress-store.ts';
import { resumePage, weakestTopic } from '../src/lib/resume.ts';

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const ids = ['python/a', 'python/b', 'python/c', 'python/d', 'python/e'];
const review = (id: string, at: number, grade: Review['grade'] = 'good', source: Review['source'] = 'study'): Review => ({ id: `python/${id}`, at, grade, source });

describe('resumePage', () => {
  it('is undefined before any study mark, flashcards alone do not count', () => {
    expect(resumePage([], ids, 2)).toBeUndefined();
    expect(resumePage([review('c', T0, 'good', 'cards')], ids, 2)).toBeUndefined();
  });

  it('is the page of the last mark, or the next page once that page is all studied', () => {
    expect(resumePage([review('c', T0)], ids, 2)).toBe(2);
    expect(resumePage([review('c', T0), review('a', T0 + 1)], ids, 2)).toBe(1);
    expect(resumePage([review('c', T0), review('d', T0 + 1, 'again', 'cards'), review('c', T0 + 2)], ids, 2)).toBe(3);
    // The last page stays the last page.
    expect(resumePage([review('e', T0)], ids, 2)).toBe(3);
  });
});

describe('weakestTopic', () => {
  const topics = [
    { id: 'objects', ids: ['python/a', 'python/b'] },
    { id: 'functions', ids: ['python/c', 'python/d'] },
  ];

  it('is the topic with the largest share of misses; cram is left out', () => {
    const reviews = [review('a', T0, 'again'), review('a', T0 + 1), review('b', T0 + 2), review('c', T0 + 3, 'again'), review('d', T0 + 4, 'again', 'cram')];
    expect(weakestTopic(reviews, topics)).toEqual({ id: 'functions', missed: 1, reviews: 1 });
  });

  it('breaks a tie by the number of misses, and is undefined when nothing was missed', () => {
    const reviews = [review('a', T0, 'again'), review('b', T0, 'good'), review('c', T0, 'again'), review('c', T0 + 1, 'again'), review('d', T0, 'good'), review('d', T0 + 1, 'good')];
    expect(weakestTopic(reviews, topics)?.id).toBe('functions');
    expect(weakestTopic([review('a', T0)], topics)).toBeUndefined();
  });
});
