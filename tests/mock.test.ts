import { describe, expect, it } from 'vitest';
import { followUpOf } from '../src/lib/flashcards.ts';
import {
  advanceMock,
  chargeTime,
  clockText,
  drawMock,
  finishMock,
  idsToRelearn,
  isDesignQuestion,
  mockDeadline,
  mockQuery,
  mockReport,
  mockReportText,
  mockTrend,
  newMock,
  overallScore,
  parseMockOptions,
  readMock,
  suggestedMinutes,
  FORMATS,
  type MockCandidate,
  type MockRecord,
} from '../src/lib/mock.ts';
import { buildProgressFile, parseProgressFile } from '../src/lib/progress-file.ts';
import { ProgressStore } from '../src/lib/progress-store.ts';
import { MemoryStorage } from './support/memory-storage.ts';

const T0 = Date.UTC(2026, 10, 29, 9, 0, 0);
const q = (id: string, difficulty: MockCandidate['difficulty'], topic = 'objects', tags: string[] = [], title = `What is ${id}?`): MockCandidate => ({
  id,
  topic,
  difficulty,
  tags,
  title,
});
/** Five of each difficulty; one gotcha (advanced, containers) and one design question (basic, web). */
const DECK: MockCandidate[] = [
  ...['b1', 'b2', 'b3', 'b4'].map((id) => q(id, 'basic')),
  q('b5', 'basic', 'web', [], 'How would you design a REST endpoint?'),
  ...['i1', 'i2', 'i3', 'i4', 'i5'].map((id) => q(id, 'intermediate', 'functions')),
  ...['a1', 'a2', 'a3', 'a4'].map((id) => q(id, 'advanced', 'memory')),
  q('a5', 'advanced', 'containers', ['gotcha']),
];
const difficultyOf = (id: string) => DECK.find((c) => c.id === id)?.difficulty;

describe('the mock draw', () => {
  it('draws a 30-minute screen: 2 basic, 3 intermediate, 1 advanced, in that order', () => {
    const draw = drawMock(DECK, { format: 'screen', seed: 7, topics: [] });
    expect(draw.ids.map(difficultyOf)).toEqual(['basic', 'basic', 'intermediate', 'intermediate', 'intermediate', 'advanced']);
    expect(new Set(draw.ids).size).toBe(6);
    expect(draw.notes).toEqual([]);
  });

  it('gives the same questions for the same seed, and another set for another seed', () => {
    const a = drawMock(DECK, { format: 'screen', seed: 7, topics: [] }).ids;
    expect(drawMock(DECK, { format: 'screen', seed: 7, topics: [] }).ids).toEqual(a);
    const others = [1, 2, 3, 4, 5].map((seed) => drawMock(DECK, { format: 'screen', seed, topics: [] }).ids.join());
    expect(others.some((ids) => ids !== a.join())).toBe(true);
  });

  it('draws a 60-minute interview of 10 that ramps up and holds a gotcha and a design question, whatever the seed', () => {
    for (const seed of [0, 1, 42, 4294967295]) {
      const { ids, notes } = drawMock(DECK, { format: 'technical', seed, topics: [] });
      expect(ids).toHaveLength(10);
      expect(ids).toContain('a5');
      expect(ids).toContain('b5');
      expect(ids.map(difficultyOf)).toEqual(['basic', 'basic', 'basic', 'intermediate', 'intermediate', 'intermediate', 'intermediate', 'advanced', 'advanced', 'advanced']);
      expect(notes).toEqual([]);
    }
  });

  it('keeps to the chosen topics and says what they lack', () => {
    const draw = drawMock(DECK, { format: 'technical', seed: 3, topics: ['functions', 'memory'] });
    expect(draw.ids).toHaveLength(9);
    expect(draw.ids.filter((id) => id.startsWith('i'))).toHaveLength(5);
    expect(draw.notes).toEqual(['no "what does this print?" question in these topics', 'no design or trade-off question in these topics', 'only 9 questions in these topics']);
  });

  it('makes up a short difficulty from the others', () => {
    const draw = drawMock(DECK, { format: 'screen', seed: 9, topics: ['functions'] });
    expect(draw.ids.map(difficultyOf)).toEqual(Array(5).fill('intermediate'));
    expect(draw.notes).toEqual(['only 5 questions in these topics']);
  });

  it('finds design questions by tag or by title', () => {
    expect(isDesignQuestion({ tags: ['design'], title: 'What is a singleton?' })).toBe(true);
    expect(isDesignQuestion({ tags: [], title: 'How would you implement a thread-safe LRU cache?' })).toBe(true);
    expect(isDesignQuestion({ tags: [], title: 'Threads, processes or asyncio: how do you choose for a given workload?' })).toBe(true);
    expect(isDesignQuestion({ tags: [], title: 'What is the difference between append and extend?' })).toBe(false);
  });

  it('suggests minutes that add up to the format', () => {
    expect(suggestedMinutes('screen', 'advanced')).toBe(7);
    for (const spec of Object.values(FORMATS)) {
      const total = spec.quota.basic * spec.perQuestion.basic + spec.quota.intermediate * spec.perQuestion.intermediate + spec.quota.advanced * spec.perQuestion.advanced;
      expect(total).toBe(spec.minutes);
    }
  });
});

describe('mock options in the URL', () => {
  const topics = ['objects', 'functions'];
  it('reads format, seed and known topics', () => {
    expect(parseMockOptions(new URLSearchParams('format=technical&seed=42&topic=functions&topic=nope&topic=functions'), topics)).toEqual({
      format: 'technical',
      seed: 42,
      topics: ['functions'],
    });
  });
  it('refuses a missing or bad format or seed', () => {
    expect(parseMockOptions(new URLSearchParams('seed=42'), topics)).toBeUndefined();
    expect(parseMockOptions(new URLSearchParams('format=screen&seed=-1'), topics)).toBeUndefined();
    expect(parseMockOptions(new URLSearchParams('format=screen&seed=4294967296'), topics)).toBeUndefined();
    expect(parseMockOptions(new URLSearchParams('format=lunch&seed=1'), topics)).toBeUndefined();
  });
  it('writes a query that reads back the same', () => {
    const options = { format: 'screen' as const, seed: 7, topics: ['objects', 'functions'] };
    expect(mockQuery(options)).toBe('?format=screen&seed=7&topic=objects&topic=functions');
    expect(parseMockOptions(new URLSearchParams(mockQuery(options)), topics)).toEqual(options);
  });
});

describe('the rubric arithmetic and the report', () => {
  it('averages scores to one decimal, an unscored question counting as 1', () => {
    expect(overallScore([5, 4, undefined])).toBe(3.3);
    expect(overallScore([3, 4])).toBe(3.5);
    expect(overallScore([])).toBe(0);
  });

  it('formats the clock', () => {
    expect(clockText(125_000)).toBe('2:05');
    expect(clockText(1_800_000)).toBe('30:00');
    expect(clockText(-5)).toBe('0:00');
    expect(clockText(400)).toBe('0:01');
  });

  const base = (): MockRecord => newMock({ format: 'screen', seed: 7, topics: [] }, ['python/a', 'python/b', 'python/c'], true, T0);

  it('charges time to the current question, never past the deadline', () => {
    let mock = chargeTime(base(), T0 + 90_000);
    expect(mock.answers.map((a) => a.spentMs)).toEqual([90_000, 0, 0]);
    mock = advanceMock(mock, T0 + 150_000);
    expect(mock.current).toBe(1);
    expect(mock.stage).toBe(0);
    expect(mock.answers.map((a) => a.spentMs)).toEqual([150_000, 0, 0]);
    expect(mockDeadline(mock)).toBe(T0 + 1_800_000);
    const ended = finishMock(mock, T0 + 2_000_000, 'time');
    expect(ended.finishedAt).toBe(T0 + 1_800_000);
    expect(ended.endedBy).toBe('time');
    expect(ended.answers.map((a) => a.spentMs)).toEqual([150_000, 1_650_000, 0]);
  });

  it('finishes after the last question', () => {
    let mock = base();
    mock = advanceMock(advanceMock(mock, T0 + 1000), T0 + 2000);
    const done = advanceMock(mock, T0 + 3500);
    expect(done.finishedAt).toBe(T0 + 3500);
    expect(done.endedBy).toBe('done');
    expect(done.answers.map((a) => a.spentMs)).toEqual([1000, 1000, 1500]);
  });

  it('reports scores, missed key points, total time and the weakest topics', () => {
    const mock = base();
    mock.answers = [
      { id: 'python/a', typed: 'x', followUpTyped: '', points: [0, 2], score: 2, spentMs: 60_000 },
      { id: 'python/b', typed: '', followUpTyped: '', points: [], score: 5, spentMs: 120_000 },
      { id: 'python/c', typed: '', followUpTyped: '', points: [1], spentMs: 30_000 },
    ];
    const questions = new Map([
      ['python/a', { id: 'python/a', topic: 'objects', pointCount: 3 }],
      ['python/b', { id: 'python/b', topic: 'functions', pointCount: 2 }],
      ['python/c', { id: 'python/c', topic: 'objects', pointCount: 2 }],
    ]);
    const report = mockReport(mock, questions);
    expect(report).toEqual({
      lines: [
        { id: 'python/a', score: 2, spentMs: 60_000, missed: [1] },
        { id: 'python/b', score: 5, spentMs: 120_000, missed: [0, 1] },
        { id: 'python/c', spentMs: 30_000, missed: [0] },
      ],
      overall: 2.7,
      unscored: 1,
      totalMs: 210_000,
      weakest: [{ topic: 'objects', average: 1.5, count: 2 }],
    });
    expect(idsToRelearn(mock)).toEqual(['python/a']);
    expect(idsToRelearn({ ...mock, feed: false })).toEqual([]);
    const text = mockReportText(
      mock,
      report,
      new Map([['python/a', { title: 'What is a?', topicTitle: 'Objects', points: ['one', 'two', 'three'] }]]),
      '29 Nov 2026',
    );
    expect(text.split('\n').slice(0, 6)).toEqual([
      'Mock interview: 30-minute screen, 29 Nov 2026 (seed 7)',
      'Overall: 2.7 / 5 (1 not scored, counted as 1); time 3:30',
      '',
      '1. What is a? [Objects]',
      '   Score: 2; time 1:00',
      '   Missed: two',
    ]);
  });
});

describe('mock records in storage and files', () => {
  const finished = (): MockRecord => ({ ...finishMock(newMock({ format: 'technical', seed: 1, topics: ['web'] }, ['python/a'], false, T0), T0 + 5000, 'done') });

  it('reads back what it wrote and refuses what is not a mock', () => {
    const mock = finished();
    expect(readMock(JSON.parse(JSON.stringify(mock)))).toEqual(mock);
    expect(readMock({ ...mock, format: 'lunch' })).toBeUndefined();
    expect(readMock({ ...mock, answers: [{ id: 'python/a', typed: 1 }] })).toBeUndefined();
    expect(readMock({ ...mock, current: 4 })).toBeUndefined();
    expect(readMock({ ...mock, endedBy: 'bored' })).toBeUndefined();
    expect(readMock('[]')).toBeUndefined();
  });

  it('keeps mocks in the store, reports bad ones as unreadable and never deletes them', () => {
    const storage = new MemoryStorage();
    storage.setItem('recall:v2:mock:123', '{not json');
    storage.setItem('recall:v3:mock:456', JSON.stringify({ v: 3 }));
    const store = new ProgressStore(storage);
    const mock = finished();
    expect(store.saveMock(mock)).toEqual({ ok: true });
    expect(store.mocks()).toEqual([mock]);
    expect(store.unreadableKeys()).toEqual(['recall:v2:mock:123', 'recall:v3:mock:456']);
    expect(store.importMocks([mock, { ...mock, startedAt: T0 + 1 }])).toEqual({ ok: true, added: 1 });
    expect(store.mocks().map((m) => m.startedAt)).toEqual([T0, T0 + 1]);
    expect(storage.getItem('recall:v2:mock:123')).toBe('{not json');
  });

  it('exports mocks and imports files with and without them', () => {
    const mock = finished();
    const file = buildProgressFile([], undefined, T0, [mock]);
    const parsed = parseProgressFile(JSON.stringify(file));
    expect(parsed.ok && parsed.file.mocks).toEqual([mock]);
    const old = parseProgressFile(JSON.stringify({ format: 'recall-progress', version: 2, exportedAt: '2025-11-21T09:30:00.000Z', reviews: [] }));
    expect(old.ok && old.file.mocks).toBeUndefined();
    expect(parseProgressFile(JSON.stringify({ ...file, mocks: [{ format: 'screen' }] }))).toEqual({ ok: false, problems: ['mocks[0]: is not a mock interview record'] });
  });
});

describe('follow-ups', () => {
  it('takes the bold question and the answer blocks, code kept apart', () => {
    const body = '## Follow-up\n\n**Why is `append` O(1)?**\n\nSpare\ncapacity.\n\n- one\n- `two`\n\n```python\nprint(1)\n```\n\n## Say it in 30 seconds\n\nStop.\n';
    expect(followUpOf(body)).toEqual({
      question: [
        { text: 'Why is ', code: false },
        { text: 'append', code: true },
        { text: ' O(1)?', code: false },
      ],
      answer: [
        { kind: 'text', parts: [{ text: 'Spare capacity.', code: false }] },
        { kind: 'list', items: [[{ text: 'one', code: false }], [{ text: 'two', code: true }]] },
        { kind: 'code', text: 'print(1)' },
      ],
    });
    expect(followUpOf('## Follow-up\n\nNo bold question here.\n')).toBeUndefined();
    expect(followUpOf('## Answer\n\nText.\n')).toBeUndefined();
  });
});

describe('the mock trend', () => {
  it('lists finished mocks newest first with the change since the one before', () => {
    const make = (startedAt: number, scores: (1 | 2 | 3 | 4 | 5 | undefined)[], finished = true): MockRecord => {
      const mock = newMock({ format: 'screen', seed: 1, topics: [] }, scores.map((_, i) => `python/q${i}`), false, startedAt);
      mock.answers = mock.answers.map((a, i) => ({ ...a, ...(scores[i] ? { score: scores[i] } : {}) }));
      return finished ? finishMock(mock, startedAt + 1000, 'done') : mock;
    };
    expect(mockTrend([make(T0, [3, 4]), make(T0 + 5, [4, 5]), make(T0 + 9, [5], false)])).toEqual({
      rows: [
        { startedAt: T0 + 5, format: 'screen', overall: 4.5, questions: 2 },
        { startedAt: T0, format: 'screen', overall: 3.5, questions: 2 },
      ],
      change: 1,
    });
    expect(mockTrend([make(T0, [2, undefined])])).toEqual({ rows: [{ startedAt: T0, format: 'screen', overall: 1.5, questions: 2 }] });
  });
});
