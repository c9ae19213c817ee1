import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flashcardOf, keyPointsOf } from '../src/lib/flashcards.ts';
import { contentFingerprint } from '../src/lib/fingerprint.ts';
import { splitFrontmatter } from '../src/lib/question-file.ts';

describe('flashcard data', () => {
  it('takes the key points from the body, code kept apart from text', () => {
    const body = '## Answer\n\nText.\n\n## Key points\n\n- `+=` calls `__iadd__` when\n  the type has it.\n- A **bold** claim and a [link](https://example.com).\n';
    expect(keyPointsOf(body)).toEqual([
      [
        { text: '+=', code: true },
        { text: ' calls ', code: false },
        { text: '__iadd__', code: true },
        { text: ' when the type has it.', code: false },
      ],
      [{ text: 'A bold claim and a link.', code: false }],
    ]);
    expect(keyPointsOf('## Answer\n\nNo rubric here.\n')).toEqual([]);
  });

  it('reads the key points of a real question file', () => {
    const { body } = splitFrontmatter(readFileSync('tests/fixtures/questions/valid-question.md', 'utf8'));
    const points = keyPointsOf(body);
    expect(points.length).toBeGreaterThanOrEqual(3);
    for (const point of points) expect(point.map((p) => p.text).join('').length).toBeGreaterThan(5);
  });

  it('fingerprints content stably, and differently when it changes', () => {
    expect(contentFingerprint('a')).toBe('e40c292c');
    expect(contentFingerprint('')).toBe('811c9dc5');
    const source = {
      id: 'python/x', number: 3, title: 'What is `x`?', short: 'It is `x`.', topic: 'objects', topicTitle: 'Objects',
      difficulty: 'basic', tags: ['gotcha'], body: '## Key points\n\n- One.\n', href: '/python/q/x/',
    } as const;
    const card = flashcardOf(source);
    expect(card).toMatchObject({
      id: 'python/x',
      title: [{ text: 'What is ', code: false }, { text: 'x', code: true }, { text: '?', code: false }],
      points: [[{ text: 'One.', code: false }]],
      fp: expect.stringMatching(/^a1:[0-9a-f]{8}(?:\.[0-9a-f]{8}){3}$/),
    });
    expect(flashcardOf({ ...source, body: '## Key points\n\n- Two.\n' }).fp).not.toBe(card.fp);
  });

  it('carries prompt code, highlighted, and its output only for questions that have them', () => {
    const source = {
      id: 'python/x', number: 3, title: 'What does this code print?', short: 'One.', topic: 'objects', topicTitle: 'Objects',
      difficulty: 'basic', tags: ['gotcha'], body: '## Key points\n\n- One.\n', href: '/python/q/x/',
    } as const;
    const prompt = { lines: [[{ text: 'print', className: 'cl-0550ae cd-79c0ff' }, { text: '(1)' }]], output: '1\n' };
    expect(flashcardOf({ ...source, prompt }).prompt).toEqual(prompt);
    expect('prompt' in flashcardOf(source)).toBe(false);
  });
});
