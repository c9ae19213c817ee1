/**
 * A mock interview as the progress store keeps it, and how a stored or imported one is read
 * back. Apart from src/lib/mock.ts so that every page's progress store can read mocks without
 * loading the draw and report code.
 */
import { MAX_SEED } from './seed.ts';

/** The mock formats: a 30-minute screen and a 60-minute technical interview. */
export const MOCK_FORMATS = ['screen', 'technical'] as const;
/** One of the formats. */
export type MockFormat = (typeof MOCK_FORMATS)[number];

/** What defines a mock: its format, seed and optional topics. */
export interface MockOptions {
  format: MockFormat;
  seed: number;
  /** Only these topics; empty: every topic. */
  topics: string[];
}

/** A score on the rubric, 1 to 5. */
export type Score = 1 | 2 | 3 | 4 | 5;

/** True when `value` is a rubric score. */
export function isScore(value: unknown): value is Score {
  return value === 1 || value === 2 || value === 3 || value === 4 || value === 5;
}

/** One question of a mock as the learner answered it. */
export interface MockAnswer {
  id: string;
  /** What the learner typed (optional: they may answer aloud). */
  typed: string;
  /** What they typed for the follow-up. */
  followUpTyped: string;
  /** Indexes of the key points they ticked. */
  points: number[];
  /** Their rubric score; absent until scored. */
  score?: Score;
  /** Time spent on the question so far, in milliseconds. */
  spentMs: number;
}

/** How far a question got: 0 answering, 1 answer shown, 2 follow-up answer shown. */
export type Stage = 0 | 1 | 2;

/** A mock in progress or finished: what the store keeps. */
export interface MockRecord extends MockOptions {
  startedAt: number;
  /** Whether low scores are added to the schedule as "again". */
  feed: boolean;
  answers: MockAnswer[];
  /** The question being asked (index into `answers`). */
  current: number;
  /** How far the current question got: 0 answering, 1 answer shown, 2 follow-up answer shown. */
  stage: Stage;
  /** When the current question was shown (or the mock resumed), for its time. */
  shownAt: number;
  /** Set when the mock ended: the learner finished, or time ran out. */
  finishedAt?: number;
  endedBy?: 'done' | 'time';
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

function readAnswer(value: unknown): MockAnswer | undefined {
  if (!isRecord(value) || typeof value.id !== 'string' || !value.id) return undefined;
  if (typeof value.typed !== 'string' || typeof value.followUpTyped !== 'string' || !isTime(value.spentMs)) return undefined;
  if (!Array.isArray(value.points) || !value.points.every((p) => Number.isInteger(p) && (p as number) >= 0)) return undefined;
  if (value.score !== undefined && !isScore(value.score)) return undefined;
  return {
    id: value.id,
    typed: value.typed,
    followUpTyped: value.followUpTyped,
    points: [...(value.points as number[])],
    ...(value.score !== undefined ? { score: value.score } : {}),
    spentMs: value.spentMs,
  };
}

/**
 * A mock record read from storage or a file, or undefined when it is not one (extra fields are dropped).
 * @example readMock(JSON.parse('{"format":"screen"}')) // undefined
 */
export function readMock(value: unknown): MockRecord | undefined {
  if (!isRecord(value)) return undefined;
  if (!(MOCK_FORMATS as readonly unknown[]).includes(value.format)) return undefined;
  if (!Number.isInteger(value.seed) || (value.seed as number) < 0 || (value.seed as number) > MAX_SEED) return undefined;
  if (!Array.isArray(value.topics) || !value.topics.every((t) => typeof t === 'string')) return undefined;
  if (!isTime(value.startedAt) || !isTime(value.shownAt) || typeof value.feed !== 'boolean') return undefined;
  if (!Array.isArray(value.answers)) return undefined;
  const answers = value.answers.map(readAnswer);
  if (!answers.every((a): a is MockAnswer => a !== undefined)) return undefined;
  if (!Number.isInteger(value.current) || (value.current as number) < 0 || (value.current as number) > Math.max(0, answers.length - 1)) return undefined;
  if (value.stage !== 0 && value.stage !== 1 && value.stage !== 2) return undefined;
  const finished = value.finishedAt !== undefined;
  if (finished && (!isTime(value.finishedAt) || (value.endedBy !== 'done' && value.endedBy !== 'time'))) return undefined;
  return {
    format: value.format as MockFormat,
    seed: value.seed as number,
    topics: [...(value.topics as string[])],
    startedAt: value.startedAt,
    feed: value.feed,
    answers,
    current: value.current as number,
    stage: value.stage,
    shownAt: value.shownAt,
    ...(finished ? { finishedAt: value.finishedAt as number, endedBy: value.endedBy as 'done' | 'time' } : {}),
  };
}
