/** Checks on the real Python deck as a whole: coverage table, topic sizes, difficulty mix. */
import { readdirSync, readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../src/lib/question-file.ts';

const dir = 'content/python';
const ids = readdirSync(dir)
  .filter((name) => name.endsWith('.md'))
  .map((name) => name.slice(0, -3))
  .sort();
const questions = ids.map((id) => load(splitFrontmatter(readFileSync(`${dir}/${id}.md`, 'utf8')).yaml ?? '') as { topic: string; difficulty: string });
const deck = load(readFileSync(`${dir}/deck.yaml`, 'utf8')) as { topics: { id: string }[] };

describe('the Python deck', () => {
  it('names every question exactly once in content/COVERAGE.md, and only questions that exist', () => {
    const linked = [...readFileSync('content/COVERAGE.md', 'utf8').matchAll(/\]\(python\/([a-z0-9-]+)\.md\)/g)].map((m) => m[1]);
    expect([...linked].sort()).toEqual(ids);
    expect(new Set(linked).size).toBe(linked.length);
  });

  it('has at least 120 questions and at least 5 in every topic', () => {
    expect(ids.length).toBeGreaterThanOrEqual(120);
    for (const topic of deck.topics) {
      expect(questions.filter((q) => q.topic === topic.id).length, topic.id).toBeGreaterThanOrEqual(5);
    }
  });

  it('keeps roughly 30% basic, 40% intermediate and 30% advanced', () => {
    const share = (level: string) => questions.filter((q) => q.difficulty === level).length / questions.length;
    expect(share('basic')).toBeGreaterThan(0.25);
    expect(share('basic')).toBeLessThan(0.38);
    expect(share('intermediate')).toBeGreaterThan(0.33);
    expect(share('intermediate')).toBeLessThan(0.47);
    expect(share('advanced')).toBeGreaterThan(0.25);
    expect(share('advanced')).toBeLessThan(0.35);
  });
});
