/** Finding the answers that changed since the learner's last review. */
import { describe, expect, it } from 'vitest';
import { answerChange, changeNoticeId, describeParts } from '../src/lib/answer-changes.ts';
import type { Review } from '../src/lib/progress-store.ts';

const before = 'a1:11111111.22222222.33333333.44444444';
const now = 'a1:11111111.99999999.33333333.88888888';
const review = (at: number, fp?: string, id = 'python/x'): Review => ({ id, at, grade: 'good', source: 'study', ...(fp ? { fp } : {}) });
const never = () => false;

describe('answerChange', () => {
  it('reports the parts changed since the latest review, with its date', () => {
    expect(answerChange([review(1, before), review(5, before), review(9, now, 'python/y')], 'python/x', now, never)).toEqual({ id: 'python/x', reviewedAt: 5, parts: ['short', 'code'] });
  });

  it('says nothing when the latest review saw this version, or there is none', () => {
    expect(answerChange([review(1, before), review(2, now)], 'python/x', now, never)).toBeUndefined();
    expect(answerChange([], 'python/x', now, never)).toBeUndefined();
  });

  it('says nothing for reviews made before part fingerprints existed', () => {
    expect(answerChange([review(1, '1a2b3c4d')], 'python/x', now, never)).toBeUndefined();
    expect(answerChange([review(1)], 'python/x', now, never)).toBeUndefined();
  });

  it('stays quiet once dismissed for this version, and speaks again for the next', () => {
    const dismissed = (id: string) => id === changeNoticeId('python/x', now);
    expect(answerChange([review(1, before)], 'python/x', now, dismissed)).toBeUndefined();
    expect(answerChange([review(1, before)], 'python/x', 'a1:00000000.22222222.33333333.44444444', dismissed)?.parts).toEqual(['question']);
  });
});

describe('describeParts', () => {
  it('joins the names as a phrase', () => {
    expect(describeParts(['points'])).toBe('the key points');
    expect(describeParts(['question', 'short', 'code'])).toBe('the question, the short answer and the code examples or their output');
  });
});
