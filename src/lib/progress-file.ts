/**
 * The progress file: what "Export progress" writes and "Import" reads.
 *
 * ```json
 * {
 *   "format": "recall-progress",
 *   "version": 2,
 *   "exportedAt": "2025-11-21T09:30:00.000Z",
 *   "settings": { "recall": true, "timer": false, "newPerDay": 20, "interviewDate": "2026-12-15" },
 *   "reviews": [{ "id": "python/late-binding-closures", "at": 1763731200000, "grade": "again", "source": "study" }],
 *   "mocks": [{ "format": "screen", "seed": 7, "topics": [], "startedAt": 1763731200000, … }]
 * }
 * ```
 * `version` follows the store's record version (src/lib/progress-store.ts); reviews carry the
 * same fields as stored reviews. `settings` is optional, and so is its `interviewDate`; so is
 * `mocks` (mock interviews, as the store keeps them: src/lib/mock.ts), which older files lack.
 * A file is read whole or not at all.
 */
import { readMock, type MockRecord } from './mock-record.ts';
import { GRADES, isInterviewDate, isNewPerDay, isReview, MAX_NEW_PER_DAY, SOURCES, STORE_VERSION, toReview, type Review, type Settings } from './progress-store.ts';

/** The `format` value that marks a Recall progress file. */
export const PROGRESS_FORMAT = 'recall-progress';

/** An export of the learner's progress. */
export interface ProgressFile {
  format: typeof PROGRESS_FORMAT;
  version: number;
  /** When the file was made, as an ISO 8601 string. */
  exportedAt: string;
  settings?: Settings;
  reviews: Review[];
  /** Mock interviews; absent in files from before mocks. */
  mocks?: MockRecord[];
}

/** The result of reading a progress file: the file, or every problem found (at most `MAX_PROBLEMS`). */
export type ParsedProgressFile = { ok: true; file: ProgressFile } | { ok: false; problems: string[] };

/** The most problems one failed import lists. */
export const MAX_PROBLEMS = 5;

/** Builds the file for `reviews` and `settings`, made at `now`. */
export function buildProgressFile(reviews: readonly Review[], settings: Settings | undefined, now: number, mocks: readonly MockRecord[] = []): ProgressFile {
  return {
    format: PROGRESS_FORMAT,
    version: STORE_VERSION,
    exportedAt: new Date(now).toISOString(),
    ...(settings ? { settings: fileSettings(settings) } : {}),
    reviews: reviews.map(toReview),
    ...(mocks.length ? { mocks: [...mocks] } : {}),
  };
}

/** Just the settings fields, in a fixed order. */
function fileSettings(settings: Settings): Settings {
  const { recall, timer, newPerDay, interviewDate } = settings;
  return { recall, timer, newPerDay, ...(interviewDate === undefined ? {} : { interviewDate }) };
}

/** The file name an export is saved under, dated in the learner's time zone. */
export function progressFileName(now: number, prefix = 'recall-progress'): string {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${prefix}-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.json`;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Why one review of a file is not a review, or undefined when it is one. */
function reviewProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'must be an object with id, at, grade and source';
  if (typeof value.id !== 'string' || value.id.length === 0) return 'id: must be a question id such as "python/append-vs-extend"';
  if (typeof value.at !== 'number' || !Number.isFinite(value.at) || value.at < 0) return 'at: must be a time in epoch milliseconds';
  if (!(GRADES as readonly unknown[]).includes(value.grade)) return `grade: must be one of ${GRADES.join(', ')}`;
  if (!(SOURCES as readonly unknown[]).includes(value.source)) return `source: must be one of ${SOURCES.join(', ')}`;
  if (value.fp !== undefined && typeof value.fp !== 'string') return 'fp: must be a string when present';
  return isReview(value) ? undefined : 'is not a review';
}

/** Why the settings of a file are not settings, or undefined when they are. */
function settingsProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'settings: must be an object';
  if (typeof value.recall !== 'boolean') return 'settings.recall: must be true or false';
  if (typeof value.timer !== 'boolean') return 'settings.timer: must be true or false';
  if (!isNewPerDay(value.newPerDay)) return `settings.newPerDay: must be a whole number from 0 to ${MAX_NEW_PER_DAY}`;
  if (value.interviewDate !== undefined && !isInterviewDate(value.interviewDate)) {
    return 'settings.interviewDate: must be a calendar date such as "2026-12-15"';
  }
  return undefined;
}

/**
 * Reads and checks a progress file's text. Every problem is reported as `where: what is wrong`,
 * so the learner can tell a wrong file from a damaged one.
 * @example parseProgressFile('{}') // { ok: false, problems: ['this is not a Recall progress file (…)'] }
 */
export function parseProgressFile(text: string): ParsedProgressFile {
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch (error) {
    return { ok: false, problems: [`the file is not JSON (${error instanceof Error ? error.message : String(error)})`] };
  }
  if (!isRecord(data)) return { ok: false, problems: ['the file must hold one JSON object'] };
  if (data.format !== PROGRESS_FORMAT) {
    return { ok: false, problems: [`this is not a Recall progress file (it has no "format": "${PROGRESS_FORMAT}"); export one from the Progress page of Recall`] };
  }
  const problems: string[] = [];
  if (typeof data.version !== 'number' || !Number.isInteger(data.version) || data.version < 1) {
    problems.push('version: must be a whole number');
  } else if (data.version > STORE_VERSION) {
    problems.push(`version: ${data.version} comes from a newer Recall; this one reads up to version ${STORE_VERSION}`);
  }
  if (typeof data.exportedAt !== 'string' || Number.isNaN(Date.parse(data.exportedAt))) {
    problems.push('exportedAt: must be a date such as "2025-11-21T09:30:00.000Z"');
  }
  if (data.settings !== undefined) {
    const problem = settingsProblem(data.settings);
    if (problem) problems.push(problem);
  }
  if (!Array.isArray(data.reviews)) {
    problems.push('reviews: must be a list');
  } else {
    let bad = 0;
    data.reviews.forEach((review, i) => {
      const problem = reviewProblem(review);
      if (!problem) return;
      bad++;
      if (problems.length < MAX_PROBLEMS) problems.push(`reviews[${i}]: ${problem}`);
    });
    if (bad > 0 && problems.length >= MAX_PROBLEMS) problems.push(`${bad} of ${data.reviews.length} reviews are invalid in all`);
  }
  let mocks: MockRecord[] | undefined;
  if (data.mocks !== undefined) {
    if (!Array.isArray(data.mocks)) problems.push('mocks: must be a list');
    else {
      mocks = data.mocks.map(readMock).filter((m): m is MockRecord => m !== undefined);
      const bad = data.mocks.findIndex((m) => readMock(m) === undefined);
      if (bad >= 0) problems.push(`mocks[${bad}]: is not a mock interview record`);
    }
  }
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS + 1) };
  const settings = data.settings as Settings | undefined;
  return {
    ok: true,
    file: {
      format: PROGRESS_FORMAT,
      version: data.version as number,
      exportedAt: data.exportedAt as string,
      ...(settings ? { settings: fileSettings(settings) } : {}),
      reviews: (data.reviews as Review[]).map(toReview),
      ...(mocks?.length ? { mocks } : {}),
    },
  };
}
