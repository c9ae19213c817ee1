/**
 * Mock interviews: the formats, the seeded draw of questions, the 1–5 rubric, and the report
 * arithmetic. A mock is defined by its URL (`/python/mock/?format=screen&seed=7&topic=functions`)
 * so it can be repeated or shared; the page keeps its progress in the store (src/lib/progress-store.ts).
 *
 * Design/trade-off questions, by rule: a question tagged `design`, or one whose title asks the
 * learner to build, design, implement, write or choose ("How would you implement…", "how do you
 * choose…", "…design…"). "What does this print?" questions are those tagged `gotcha`.
 */
import { DIFFICULTIES, type Difficulty } from './deck.ts';
import { seededShuffle } from './drill.ts';
import { MOCK_FORMATS, type MockFormat, type MockOptions, type MockRecord, type Score } from './mock-record.ts';
import { MAX_SEED } from './seed.ts';

// The stored form is part of a mock: pages import all of it from here.
export { isScore, MOCK_FORMATS, readMock, type MockAnswer, type MockFormat, type MockOptions, type MockRecord, type Score, type Stage } from './mock-record.ts';

/** What a format asks for. */
export interface FormatSpec {
  label: string;
  minutes: number;
  /** How many questions of each difficulty, drawn in this order (basic first: the mock ramps up). */
  quota: Readonly<Record<Difficulty, number>>;
  /** Suggested minutes per question of each difficulty; they add up to the format's minutes. */
  perQuestion: Readonly<Record<Difficulty, number>>;
  /** Whether the draw must include a "what does this print?" and a design/trade-off question. */
  requireGotchaAndDesign: boolean;
}

/** The formats, as the issue describes them. */
export const FORMATS: Readonly<Record<MockFormat, FormatSpec>> = {
  screen: {
    label: '30-minute screen',
    minutes: 30,
    quota: { basic: 2, intermediate: 3, advanced: 1 },
    perQuestion: { basic: 4, intermediate: 5, advanced: 7 },
    requireGotchaAndDesign: false,
  },
  technical: {
    label: '60-minute technical interview',
    minutes: 60,
    quota: { basic: 3, intermediate: 4, advanced: 3 },
    perQuestion: { basic: 4, intermediate: 6, advanced: 8 },
    requireGotchaAndDesign: true,
  },
};

/** What the draw needs to know about a question. */
export interface MockCandidate {
  id: string;
  topic: string;
  difficulty: Difficulty;
  tags: readonly string[];
  /** The question's title, plain text (for the design rule). */
  title: string;
}

/** True when a question counts as a design/trade-off question (see the rule at the top). */
export function isDesignQuestion(question: Pick<MockCandidate, 'tags' | 'title'>): boolean {
  return question.tags.includes('design') || /\bdesign\b|how would you (build|design|implement|write)|how do you choose/i.test(question.title);
}

/** True when a question is a "what does this print?" question. */
export function isGotchaQuestion(question: Pick<MockCandidate, 'tags'>): boolean {
  return question.tags.includes('gotcha');
}

/** A drawn mock: the question ids in the order asked, and what the draw could not satisfy. */
export interface MockDraw {
  ids: string[];
  /** Plain-language notes, e.g. 'no "what does this print?" question in these topics'. */
  notes: string[];
}

const RANK: Readonly<Record<Difficulty, number>> = { basic: 0, intermediate: 1, advanced: 2 };

/**
 * Draws a mock's questions: the same options always give the same questions in the same order.
 * Required questions (technical: one gotcha, one design) are taken first, then each difficulty's
 * quota is filled from a seeded shuffle; a short difficulty is made up from the others. The
 * result is ordered basic → intermediate → advanced.
 * @example drawMock(cards, { format: 'screen', seed: 7, topics: [] }).ids.length // 6
 */
export function drawMock(candidates: readonly MockCandidate[], options: MockOptions): MockDraw {
  const spec = FORMATS[options.format];
  const pool = seededShuffle(
    candidates.filter((c) => options.topics.length === 0 || options.topics.includes(c.topic)),
    options.seed,
  );
  const total = DIFFICULTIES.reduce((sum, d) => sum + spec.quota[d], 0);
  const picked: MockCandidate[] = [];
  const notes: string[] = [];
  const take = (c: MockCandidate | undefined) => {
    if (c && picked.length < total && !picked.includes(c)) picked.push(c);
  };
  if (spec.requireGotchaAndDesign) {
    const gotcha = pool.find(isGotchaQuestion);
    if (!gotcha) notes.push('no "what does this print?" question in these topics');
    take(gotcha);
    const design = pool.find((c) => isDesignQuestion(c) && !picked.includes(c));
    if (!design) notes.push('no design or trade-off question in these topics');
    take(design);
  }
  for (const difficulty of DIFFICULTIES) {
    const have = () => picked.filter((c) => c.difficulty === difficulty).length;
    for (const c of pool) if (c.difficulty === difficulty && have() < spec.quota[difficulty]) take(c);
  }
  for (const c of pool) take(c);
  if (picked.length < total) notes.push(`only ${picked.length} questions in these topics`);
  const order = new Map(pool.map((c, i) => [c.id, i]));
  picked.sort((a, b) => RANK[a.difficulty] - RANK[b.difficulty] || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return { ids: picked.map((c) => c.id), notes };
}

/** Suggested minutes for one question of `difficulty` in `format`. */
export function suggestedMinutes(format: MockFormat, difficulty: Difficulty): number {
  return FORMATS[format].perQuestion[difficulty];
}

/**
 * Reads a mock's options from a URL query; undefined when the format or seed is missing or bad.
 * Topics not in `topics` are dropped.
 * @example parseMockOptions(new URLSearchParams('format=screen&seed=7'), ['objects']) // { format: 'screen', seed: 7, topics: [] }
 */
export function parseMockOptions(params: URLSearchParams, topics: readonly string[]): MockOptions | undefined {
  const format = params.get('format');
  const seed = params.get('seed') ?? '';
  if (!(MOCK_FORMATS as readonly (string | null)[]).includes(format)) return undefined;
  if (!/^\d{1,10}$/.test(seed) || Number(seed) > MAX_SEED) return undefined;
  const chosen = [...new Set(params.getAll('topic'))].filter((t) => topics.includes(t));
  return { format: format as MockFormat, seed: Number(seed), topics: chosen };
}

/**
 * The query string for a mock's options.
 * @example mockQuery({ format: 'screen', seed: 7, topics: ['functions'] }) // "?format=screen&seed=7&topic=functions"
 */
export function mockQuery(options: MockOptions): string {
  const params = new URLSearchParams({ format: options.format, seed: String(options.seed) });
  for (const topic of options.topics) params.append('topic', topic);
  return `?${params.toString()}`;
}

/** The rubric's levels, as written on the page. */
export const RUBRIC: readonly { score: Score; text: string }[] = [
  { score: 1, text: 'Wrong, or no answer.' },
  { score: 2, text: 'Partly right: the idea is vague or has a mistake.' },
  { score: 3, text: 'Correct definition, but no example or trade-off.' },
  { score: 4, text: 'Correct, with a concrete example or a trade-off.' },
  { score: 5, text: 'Correct, a concrete example, a trade-off, and handles the follow-up.' },
];

/** Scores at or below this count as "again" when a mock feeds the schedule. */
export const LOW_SCORE = 2;

/** A new mock record for a draw. */
export function newMock(options: MockOptions, ids: readonly string[], feed: boolean, now: number): MockRecord {
  return {
    ...options,
    topics: [...options.topics],
    startedAt: now,
    feed,
    answers: ids.map((id) => ({ id, typed: '', followUpTyped: '', points: [], spentMs: 0 })),
    current: 0,
    stage: 0,
    shownAt: now,
  };
}

/** When a mock's time runs out, in epoch milliseconds. */
export function mockDeadline(mock: Pick<MockRecord, 'format' | 'startedAt'>): number {
  return mock.startedAt + FORMATS[mock.format].minutes * 60_000;
}

/**
 * Time left as "m:ss" (never negative).
 * @example clockText(125_000) // "2:05"
 */
export function clockText(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The record with the time since `shownAt` added to the current question, and `shownAt` moved to `now`. */
export function chargeTime(mock: MockRecord, now: number): MockRecord {
  const spent = Math.max(0, Math.min(now, mockDeadline(mock)) - mock.shownAt);
  const answers = mock.answers.map((a, i) => (i === mock.current ? { ...a, spentMs: a.spentMs + spent } : a));
  return { ...mock, answers, shownAt: now };
}

/** The mock ended at `now`: time charged, finish time and reason set. Answers are kept as they are. */
export function finishMock(mock: MockRecord, now: number, endedBy: 'done' | 'time'): MockRecord {
  const finishedAt = endedBy === 'time' ? Math.min(now, mockDeadline(mock)) : now;
  return { ...chargeTime(mock, finishedAt), finishedAt, endedBy };
}

/** Moves on from the current question at `now`: to the next one, or, after the last, to the end. */
export function advanceMock(mock: MockRecord, now: number): MockRecord {
  if (mock.current >= mock.answers.length - 1) return finishMock(mock, now, 'done');
  return { ...chargeTime(mock, now), current: mock.current + 1, stage: 0 };
}

/** What the report needs to know about each question. */
export interface ReportQuestion {
  id: string;
  topic: string;
  /** How many key points the question has. */
  pointCount: number;
}

/** One line of the report. */
export interface ReportLine {
  id: string;
  /** The score, or undefined when the question was not scored (counted as 1: no answer). */
  score?: Score;
  spentMs: number;
  /** Indexes of the key points not ticked. */
  missed: number[];
}

/** A topic's average score in a mock. */
export interface TopicScore {
  topic: string;
  average: number;
  count: number;
}

/** A finished mock's report. */
export interface MockReport {
  lines: ReportLine[];
  /** The average score over every question, unscored ones counted as 1; one decimal. */
  overall: number;
  /** How many questions were not scored. */
  unscored: number;
  totalMs: number;
  /** Topics averaging below 4, weakest first (ties: the topic asked first). */
  weakest: TopicScore[];
}

/** Rounds to one decimal place. */
const oneDecimal = (n: number): number => Math.round(n * 10) / 10;

/**
 * The overall score: the average over all questions, an unscored question counting as 1 (the
 * rubric's "no answer"), to one decimal; 0 for no questions.
 * @example overallScore([5, 4, undefined]) // 3.3
 */
export function overallScore(scores: readonly (Score | undefined)[]): number {
  if (scores.length === 0) return 0;
  return oneDecimal(scores.reduce<number>((sum, s) => sum + (s ?? 1), 0) / scores.length);
}

/**
 * The report of a mock. `questions` describes each question by id; unknown ids (a question
 * removed from the deck since) count under the topic "unknown".
 */
export function mockReport(mock: Pick<MockRecord, 'answers'>, questions: ReadonlyMap<string, ReportQuestion>): MockReport {
  const lines: ReportLine[] = mock.answers.map((a) => {
    const count = questions.get(a.id)?.pointCount ?? 0;
    const missed = Array.from({ length: count }, (_, i) => i).filter((i) => !a.points.includes(i));
    return { id: a.id, ...(a.score !== undefined ? { score: a.score } : {}), spentMs: a.spentMs, missed };
  });
  const byTopic = new Map<string, number[]>();
  for (const line of lines) {
    const topic = questions.get(line.id)?.topic ?? 'unknown';
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), line.score ?? 1]);
  }
  const weakest = [...byTopic]
    .map(([topic, scores]) => ({ topic, average: oneDecimal(scores.reduce((s, n) => s + n, 0) / scores.length), count: scores.length }))
    .filter((t) => t.average < 4)
    .sort((a, b) => a.average - b.average);
  return {
    lines,
    overall: overallScore(lines.map((l) => l.score)),
    unscored: lines.filter((l) => l.score === undefined).length,
    totalMs: lines.reduce((sum, l) => sum + l.spentMs, 0),
    weakest,
  };
}

/** The ids a finished mock adds to the schedule as "again": scored questions at or below LOW_SCORE, when the learner asked. */
export function idsToRelearn(mock: Pick<MockRecord, 'feed' | 'answers'>): string[] {
  if (!mock.feed) return [];
  return mock.answers.filter((a) => a.score !== undefined && a.score <= LOW_SCORE).map((a) => a.id);
}

/** What the saved report text shows of each question. */
export interface ReportText {
  title: string;
  topicTitle: string;
  points: string[];
}

/**
 * The report as plain text, for saving to a file.
 * @example mockReportText(mock, report, questions, '29 Nov 2026') // "Mock interview: 30-minute screen, 29 Nov 2026\n…"
 */
export function mockReportText(
  mock: Pick<MockRecord, 'format' | 'seed' | 'topics'>,
  report: MockReport,
  questions: ReadonlyMap<string, ReportText>,
  date: string,
): string {
  const lines = [`Mock interview: ${FORMATS[mock.format].label}, ${date} (seed ${mock.seed}${mock.topics.length ? `, topics ${mock.topics.join(', ')}` : ''})`];
  lines.push(`Overall: ${report.overall} / 5${report.unscored ? ` (${report.unscored} not scored, counted as 1)` : ''}; time ${clockText(report.totalMs)}`, '');
  report.lines.forEach((line, i) => {
    const q = questions.get(line.id);
    lines.push(`${i + 1}. ${q?.title ?? line.id} [${q?.topicTitle ?? 'unknown topic'}]`);
    lines.push(`   Score: ${line.score ?? 'not scored'}; time ${clockText(line.spentMs)}`);
    for (const p of line.missed) lines.push(`   Missed: ${q?.points[p] ?? `key point ${p + 1}`}`);
  });
  if (report.weakest.length) {
    lines.push('', 'Weakest topics:');
    for (const t of report.weakest) lines.push(`- ${t.topic}: ${t.average} / 5 over ${t.count} ${t.count === 1 ? 'question' : 'questions'}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One finished mock as the progress page lists it. */
export interface MockSummary {
  startedAt: number;
  format: MockFormat;
  overall: number;
  questions: number;
}

/**
 * Finished mocks, newest first, with their overall scores; and the change of the latest score
 * from the one before (undefined with fewer than two).
 * @example mockTrend([a, b]).change // 0.5 when b scored half a point more than a
 */
export function mockTrend(mocks: readonly MockRecord[]): { rows: MockSummary[]; change?: number } {
  const rows = mocks
    .filter((m) => m.finishedAt !== undefined)
    .map((m) => ({ startedAt: m.startedAt, format: m.format, overall: overallScore(m.answers.map((a) => a.score)), questions: m.answers.length }))
    .sort((a, b) => b.startedAt - a.startedAt);
  const [latest, previous] = rows;
  return latest && previous ? { rows, change: oneDecimal(latest.overall - previous.overall) } : { rows };
}
