/**
 * The progress store: the learner's reviews and settings, kept in the browser's localStorage.
 *
 * Stored shape (version 2). The store's keys all look like `recall:v<version>:<kind>`; other
 * parts of the site keep keys of their own under `recall:` (the colour theme), which the store
 * neither reads nor reports nor deletes.
 * - `recall:v2:review:<at>-<nonce>` → `{"v":2,"id":"python/late-binding-closures","at":1763731200000,"grade":"again","source":"study","fp":"1a2b3c4d"}`
 *   One key per review, written once and never rewritten: two tabs reviewing at once each add
 *   their own keys, so neither can overwrite the other's reviews. `grade` is again | hard | good | easy
 *   ("missed it" on a study page is again, "knew it" is good); `at` is epoch milliseconds;
 *   `source` is study | cards | cram, and cram reviews are history only: they never move the
 *   schedule. `fp`, when present, is the fingerprint of the question's content as reviewed.
 *   The schedule itself is never stored: src/lib/scheduler.ts replays it from these reviews,
 *   so the review log is the one source of truth and merging two logs is a union.
 * - `recall:v2:settings` → `{"v":2,"recall":true,"timer":false,"newPerDay":20,"interviewDate":"2026-12-15"}`:
 *   active-recall mode, the flashcard timer, how many new cards a day "Today" (the due queue) brings in,
 *   and the day of the learner's interview (a local calendar date; absent when none is set). The
 *   date only steers the plan (src/lib/interview-plan.ts); it never rewrites a review. It was
 *   added to version 2 as an optional field: a v2 record without it has no date, and one whose
 *   date is not a real "YYYY-MM-DD" date is unreadable (reported and kept, like any bad record).
 * - `recall:v2:notices` → `{"v":2,"seen":["unreadable:1a2b3c4d","changed:python/x:a1:…"]}`: notices already shown or
 *   dismissed (storage notices, and "this answer changed" for one version of a question); the last 500 are kept.
 * - `recall:v2:mock:<startedAt>` → `{"v":2,"format":"screen","seed":7,"topics":[],"startedAt":…,"feed":false,
 *   "answers":[{"id":"python/x","typed":"","followUpTyped":"","points":[0,2],"score":4,"spentMs":61000}],
 *   "current":1,"shownAt":…,"finishedAt":…,"endedBy":"done"}`: one mock interview (src/lib/mock.ts),
 *   rewritten whole as it goes so a reload resumes it; `finishedAt` is absent while it runs. A mock
 *   never moves the schedule by itself: when the learner asks for it, low scores are added as
 *   ordinary `again` reviews with source `cards` when the mock ends. Mocks are exported and imported
 *   with the progress file (an import adds mocks whose start time is new); reset and the backup leave them alone.
 * - `recall:v2:backup` → `{"v":2,"at":1763731200000,"reason":"import","reviews":[…],"settings":{…}}`:
 *   the readable state just before the last import or reset, so either can be taken back.
 *
 * Version 1 (before flashcards): `recall:v1:review:<at>-<nonce>` →
 * `{"v":1,"id":"python/x","at":1763731200000,"grade":"again","source":"study"}` and
 * `recall:v1:settings` → `{"v":1,"recall":true}`.
 * Migration: `migrateReview` and `migrateSettings` turn older records into the current shape as
 * they are read; the old keys are kept, never rewritten, until undo or reset removes them. New
 * writes always use the current version. A future v3 adds its case to those two functions.
 *
 * Lifecycle: a review key is added on each rating or mark, and removed only by undo (that one
 * key), by changing a study-page mark during the same visit (the replaced key: see
 * src/lib/study-marks.ts), or by reset (after a backup). Settings are rewritten whole on each change. Entries that
 * cannot be read (corrupt JSON, unknown shape, a newer version) are reported by
 * `unreadableKeys` and left in place, never deleted, so a newer version of the site or a repair
 * can still use them.
 *
 * Size, measured in Chromium with bench/progress-store.bench.mjs: about 146 characters a review;
 * the origin's localStorage fills after about 35,800 reviews (a year at 100 a day), and reading
 * 20,000 reviews takes about 80 ms. A full store is reported and still read, never cleared.
 */

import { readMock, type MockRecord } from './mock-record.ts';

/** The part of the Web Storage API the store uses; tests pass an in-memory fake. */
export interface StorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The version of the records this code writes. */
export const STORE_VERSION = 2;

/** How well the learner recalled an answer, weakest first. */
export const GRADES = ['again', 'hard', 'good', 'easy'] as const;
/** One of the grades. */
export type Grade = (typeof GRADES)[number];

/** Where a review happened: a study page mark, a flashcard, or a cram drill (history only). */
export const SOURCES = ['study', 'cards', 'cram'] as const;
/** One of the review sources. */
export type Source = (typeof SOURCES)[number];

/** One review of one question. */
export interface Review {
  /** The question's stable id, `<deck>/<id>`. */
  id: string;
  /** When, in epoch milliseconds. */
  at: number;
  grade: Grade;
  source: Source;
  /** The fingerprint of the question's content when it was reviewed. */
  fp?: string;
}

/** A review as stored, with the key that holds it (the handle for undo). */
export interface StoredReview extends Review {
  key: string;
}

/** The learner's settings. */
export interface Settings {
  /** Active recall: answers hidden until shown (true) or review mode, all open (false). */
  recall: boolean;
  /** The 30-second timer on the front of a flashcard. */
  timer: boolean;
  /** New cards "Today" (the due queue) brings in a day. */
  newPerDay: number;
  /** The day of the interview, "YYYY-MM-DD" in the learner's local calendar; absent when none is set. */
  interviewDate?: string;
}

/** The settings a learner starts with. */
export const DEFAULT_SETTINGS: Readonly<Settings> = { recall: true, timer: false, newPerDay: 20 };

/** The largest daily new-card limit a learner can set. */
export const MAX_NEW_PER_DAY = 500;

/** The state saved just before an import or a reset. */
export interface Backup {
  at: number;
  reason: 'import' | 'reset';
  reviews: Review[];
  settings?: Settings;
}

/** Why a write did not happen. */
export type WriteFailure = 'unavailable' | 'full';

/** The result of a write. */
export type WriteResult = { ok: true } | { ok: false; reason: WriteFailure };

/** The result of adding a review: its key on success. */
export type AddResult = { ok: true; key: string } | { ok: false; reason: WriteFailure };

/** The result of an import: how many reviews were new and how many were already here. */
export type ImportResult = { ok: true; added: number; skipped: number } | { ok: false; reason: WriteFailure };

const PREFIX = 'recall:';
const REVIEW_PREFIX = 'recall:v2:review:';
const SETTINGS_KEY = 'recall:v2:settings';
const NOTICES_KEY = 'recall:v2:notices';
const BACKUP_KEY = 'recall:v2:backup';
const MOCK_PREFIX = 'recall:v2:mock:';
const V1_REVIEW_PREFIX = 'recall:v1:review:';
const V1_SETTINGS_KEY = 'recall:v1:settings';
// Notices seen include dismissed "answer changed" notices, one per question and version.
const MAX_NOTICES = 500;
/** Every key the store owns, of any version, past or future. */
const STORE_KEY = /^recall:v\d+:(?:review:|mock:|settings$|notices$|backup$)/;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** True when `value` has the fields of a review (any record version); extra fields are ignored. */
export function isReview(value: unknown): value is Review {
  if (!isRecord(value)) return false;
  return (
    typeof value.id === 'string' &&
    value.id.length > 0 &&
    typeof value.at === 'number' &&
    Number.isFinite(value.at) &&
    value.at >= 0 &&
    (GRADES as readonly unknown[]).includes(value.grade) &&
    (SOURCES as readonly unknown[]).includes(value.source) &&
    (value.fp === undefined || typeof value.fp === 'string')
  );
}

/** Just the review fields of a valid review, in a fixed order. */
export function toReview(value: Review): Review {
  const review: Review = { id: value.id, at: value.at, grade: value.grade, source: value.source };
  if (value.fp !== undefined) review.fp = value.fp;
  return review;
}

/**
 * The migration hook for reviews: a stored review record of any known version in the current
 * shape, or undefined when it cannot be read.
 * @example migrateReview({ v: 1, id: 'python/x', at: 1, grade: 'good', source: 'study' }) // { id: 'python/x', at: 1, grade: 'good', source: 'study' }
 */
export function migrateReview(value: unknown): Review | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.v) {
    case 1:
      // Version 1 knew no cram drills and no fingerprints.
      return isReview(value) && value.source !== 'cram' && value.fp === undefined ? toReview(value) : undefined;
    case 2:
      return isReview(value) ? toReview(value) : undefined;
    default:
      return undefined;
  }
}

/** True when `value` is a whole number of new cards a day the store accepts. */
export function isNewPerDay(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_NEW_PER_DAY;
}

/** True when `value` is a real calendar date written "YYYY-MM-DD" (the interview date). */
export function isInterviewDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  // A UTC date checks the calendar (no 30 February) without depending on the time zone.
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** The migration hook for settings: a stored settings record of any known version, or undefined. */
export function migrateSettings(value: unknown): Settings | undefined {
  if (!isRecord(value) || typeof value.recall !== 'boolean') return undefined;
  switch (value.v) {
    case 1:
      return { ...DEFAULT_SETTINGS, recall: value.recall };
    case 2:
      if (typeof value.timer !== 'boolean' || !isNewPerDay(value.newPerDay)) return undefined;
      if (value.interviewDate !== undefined && !isInterviewDate(value.interviewDate)) return undefined;
      return {
        recall: value.recall,
        timer: value.timer,
        newPerDay: value.newPerDay,
        ...(value.interviewDate === undefined ? {} : { interviewDate: value.interviewDate }),
      };
    default:
      return undefined;
  }
}

function isQuotaError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'name' in error &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  );
}

function readBackup(value: unknown): Backup | undefined {
  if (!isRecord(value) || value.v !== STORE_VERSION) return undefined;
  if (typeof value.at !== 'number' || (value.reason !== 'import' && value.reason !== 'reset')) return undefined;
  if (!Array.isArray(value.reviews) || !value.reviews.every(isReview)) return undefined;
  const settings = value.settings === undefined ? undefined : migrateSettings({ v: STORE_VERSION, ...(value.settings as object) });
  if (value.settings !== undefined && !settings) return undefined;
  return { at: value.at, reason: value.reason, reviews: value.reviews.map(toReview), ...(settings ? { settings } : {}) };
}

/** Reviews and settings over a Storage; every method survives bad data and missing storage. */
export class ProgressStore {
  readonly #storage: StorageLike | null;
  readonly #random: () => number;

  /** `storage` is null where the browser gives none (some private modes); `random` makes key nonces. */
  constructor(storage: StorageLike | null, random: () => number = Math.random) {
    this.#storage = storage;
    this.#random = random;
  }

  /** Whether progress can be kept at all. */
  get available(): boolean {
    return this.#storage !== null;
  }

  #keys(prefix: string): string[] {
    const storage = this.#storage;
    if (!storage) return [];
    const keys: string[] = [];
    try {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key?.startsWith(prefix)) keys.push(key);
      }
    } catch {
      return [];
    }
    return keys;
  }

  #raw(key: string): string | null {
    try {
      return this.#storage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  #read(key: string): unknown {
    const raw = this.#raw(key);
    if (raw === null) return undefined;
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return undefined;
    }
  }

  #writeRaw(key: string, raw: string): WriteResult {
    if (!this.#storage) return { ok: false, reason: 'unavailable' };
    try {
      this.#storage.setItem(key, raw);
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: isQuotaError(error) ? 'full' : 'unavailable' };
    }
  }

  #write(key: string, value: unknown): WriteResult {
    return this.#writeRaw(key, JSON.stringify(value));
  }

  #remove(key: string): boolean {
    try {
      this.#storage?.removeItem(key);
      return this.#storage !== null;
    } catch {
      return false;
    }
  }

  #isReviewKey(key: string): boolean {
    return key.startsWith(REVIEW_PREFIX) || key.startsWith(V1_REVIEW_PREFIX);
  }

  /** Every readable review of every version, oldest first, each with its key. */
  reviews(): StoredReview[] {
    const reviews: StoredReview[] = [];
    for (const key of this.#keys(PREFIX)) {
      if (!this.#isReviewKey(key)) continue;
      const review = migrateReview(this.#read(key));
      if (review) reviews.push({ ...review, key });
    }
    return reviews.sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** The store's keys (of any version) that this version cannot read: kept, never deleted. */
  unreadableKeys(): string[] {
    return this.#keys(PREFIX)
      .filter((key) => {
        if (!STORE_KEY.test(key)) return false;
        if (this.#isReviewKey(key)) return migrateReview(this.#read(key)) === undefined;
        if (key === SETTINGS_KEY || key === V1_SETTINGS_KEY) return migrateSettings(this.#read(key)) === undefined;
        if (key === NOTICES_KEY) return this.#readNotices() === undefined;
        if (key === BACKUP_KEY) return readBackup(this.#read(key)) === undefined;
        if (key.startsWith(MOCK_PREFIX)) return this.#readMock(key) === undefined;
        return true;
      })
      .sort();
  }

  /** The newest review of a question, if any. */
  latest(id: string): StoredReview | undefined {
    return this.reviews().findLast((r) => r.id === id);
  }

  #newKey(at: number): string {
    const nonce = this.#random().toString(36).slice(2, 10).padEnd(8, '0');
    let key = `${REVIEW_PREFIX}${at}-${nonce}`;
    for (let n = 2; this.#raw(key) !== null; n++) key = `${REVIEW_PREFIX}${at}-${nonce}-${n}`;
    return key;
  }

  /** Records a review under a key of its own and returns that key. */
  addReview(review: Review): AddResult {
    if (!this.#storage) return { ok: false, reason: 'unavailable' };
    const key = this.#newKey(review.at);
    const result = this.#write(key, { v: STORE_VERSION, ...toReview(review) });
    return result.ok ? { ok: true, key } : result;
  }

  /** Removes one review by its key (undo); true when it is gone. Only review keys can be removed. */
  removeReview(key: string): boolean {
    if (!this.#isReviewKey(key)) return false;
    return this.#remove(key);
  }

  /** The stored settings, or undefined when none (or none readable) are stored. */
  storedSettings(): Settings | undefined {
    return migrateSettings(this.#read(SETTINGS_KEY)) ?? migrateSettings(this.#read(V1_SETTINGS_KEY));
  }

  /** The settings, or the defaults where none (or none readable) are stored. */
  settings(): Settings {
    return this.storedSettings() ?? { ...DEFAULT_SETTINGS };
  }

  /** Saves a change to the settings; `interviewDate: undefined` clears the date. */
  saveSettings(change: { [K in keyof Settings]?: Settings[K] | undefined }): WriteResult {
    const next = { ...this.settings(), ...change };
    if (!isNewPerDay(next.newPerDay)) next.newPerDay = DEFAULT_SETTINGS.newPerDay;
    // The page checks a date before saving it; a bad one here keeps the date already stored.
    if (next.interviewDate !== undefined && !isInterviewDate(next.interviewDate)) next.interviewDate = this.settings().interviewDate;
    return this.#write(SETTINGS_KEY, { v: STORE_VERSION, ...next });
  }

  #readNotices(): string[] | undefined {
    const value = this.#read(NOTICES_KEY);
    if (!isRecord(value) || value.v !== STORE_VERSION || !Array.isArray(value.seen)) return undefined;
    return value.seen.every((s) => typeof s === 'string') ? (value.seen as string[]) : undefined;
  }

  /** Whether the notice named `id` was already shown to the learner. */
  noticeSeen(id: string): boolean {
    return this.#readNotices()?.includes(id) ?? false;
  }

  /** Remembers that the notice named `id` was shown, so it is not shown again. */
  markNoticeSeen(id: string): WriteResult {
    const seen = (this.#readNotices() ?? []).filter((s) => s !== id);
    return this.#write(NOTICES_KEY, { v: STORE_VERSION, seen: [...seen, id].slice(-MAX_NOTICES) });
  }

  #readMock(key: string): MockRecord | undefined {
    const value = this.#read(key);
    if (typeof value !== 'object' || value === null || (value as { v?: unknown }).v !== STORE_VERSION) return undefined;
    const mock = readMock(value);
    return mock && key === `${MOCK_PREFIX}${mock.startedAt}` ? mock : undefined;
  }

  /** Every readable mock interview, oldest first. */
  mocks(): MockRecord[] {
    return this.#keys(MOCK_PREFIX)
      .map((key) => this.#readMock(key))
      .filter((mock): mock is MockRecord => mock !== undefined)
      .sort((a, b) => a.startedAt - b.startedAt);
  }

  /** Saves a mock interview whole, under the key of its start time. */
  saveMock(mock: MockRecord): WriteResult {
    return this.#write(`${MOCK_PREFIX}${mock.startedAt}`, { v: STORE_VERSION, ...mock });
  }

  /** Adds the mocks of an import that are not stored here (same start time); returns how many were added. */
  importMocks(incoming: readonly MockRecord[]): { ok: true; added: number } | { ok: false; reason: WriteFailure } {
    const have = new Set(this.#keys(MOCK_PREFIX));
    let added = 0;
    for (const mock of incoming) {
      if (have.has(`${MOCK_PREFIX}${mock.startedAt}`)) continue;
      const result = this.saveMock(mock);
      if (!result.ok) return result;
      have.add(`${MOCK_PREFIX}${mock.startedAt}`);
      added++;
    }
    return { ok: true, added };
  }

  /** The state saved before the last import or reset, if there is one. */
  backup(): Backup | undefined {
    return readBackup(this.#read(BACKUP_KEY));
  }

  #saveBackup(reason: Backup['reason'], at: number): WriteResult {
    const settings = this.storedSettings();
    const backup = { v: STORE_VERSION, at, reason, reviews: this.reviews().map(toReview), ...(settings ? { settings } : {}) };
    return this.#write(BACKUP_KEY, backup);
  }

  /**
   * Merges reviews from an import: adds those not already stored (same question, time, grade and
   * source), and takes the settings only when none are stored here. The current state is saved
   * as the backup first. All or nothing: if any write fails, every key written is taken back.
   */
  importReviews(incoming: readonly Review[], settings: Settings | undefined, at: number): ImportResult {
    if (!this.#storage) return { ok: false, reason: 'unavailable' };
    const existing = this.reviews();
    const fresh = newReviews(existing, incoming);
    const takeSettings = settings !== undefined && this.storedSettings() === undefined;
    const previousBackup = this.#raw(BACKUP_KEY);
    const written: string[] = [];
    const undo = (reason: WriteFailure): ImportResult => {
      for (const key of written) this.#remove(key);
      if (previousBackup === null) this.#remove(BACKUP_KEY);
      else this.#writeRaw(BACKUP_KEY, previousBackup);
      return { ok: false, reason };
    };
    if (existing.length > 0 || this.storedSettings() !== undefined) {
      const saved = this.#saveBackup('import', at);
      if (!saved.ok) return undo(saved.reason);
    }
    for (const review of fresh) {
      const result = this.addReview(review);
      if (!result.ok) return undo(result.reason);
      written.push(result.key);
    }
    if (takeSettings) {
      const result = this.#write(SETTINGS_KEY, { v: STORE_VERSION, ...settings });
      if (!result.ok) return undo(result.reason);
    }
    return { ok: true, added: fresh.length, skipped: incoming.length - fresh.length };
  }

  /**
   * Deletes every readable review and the settings, after saving them as the backup. Unreadable
   * entries are left alone. Returns how many reviews were removed and whether the backup was saved.
   */
  reset(at: number): { removed: number; backedUp: boolean } {
    const reviews = this.reviews();
    const backedUp = reviews.length > 0 || this.storedSettings() !== undefined ? this.#saveBackup('reset', at).ok : true;
    let removed = 0;
    for (const review of reviews) if (this.#remove(review.key)) removed++;
    for (const key of [SETTINGS_KEY, V1_SETTINGS_KEY]) if (migrateSettings(this.#read(key))) this.#remove(key);
    if (this.#readNotices()) this.#remove(NOTICES_KEY);
    return { removed, backedUp };
  }
}

/** What makes two reviews the same review, wherever they were stored. */
export function reviewIdentity(review: Review): string {
  return `${review.id}|${review.at}|${review.grade}|${review.source}`;
}

/** The reviews of `incoming` that `existing` lacks, each once, in their incoming order. */
export function newReviews(existing: readonly Review[], incoming: readonly Review[]): Review[] {
  const seen = new Set(existing.map(reviewIdentity));
  const fresh: Review[] = [];
  for (const review of incoming) {
    const identity = reviewIdentity(review);
    if (seen.has(identity)) continue;
    seen.add(identity);
    fresh.push(toReview(review));
  }
  return fresh;
}

/** The browser's localStorage, or null where reading it throws (storage disabled). */
export function browserStorage(): StorageLike | null {
  try {
    const storage = globalThis.localStorage;
    return storage ?? null;
  } catch {
    return null;
  }
}
