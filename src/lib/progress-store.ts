/**
 * The progress store: the learner's reviews and settings, kept in the browser's localStorage.
 *
 * Stored shape (version 1). Every key starts with `recall:`:
 * - `recall:v1:review:<at>-<nonce>` → `{"v":1,"id":"python/late-binding-closures","at":1763731200000,"grade":"again","source":"study"}`
 *   One key per review, never rewritten: two tabs reviewing at once each add their own keys,
 *   so neither can overwrite the other's reviews. `grade` is again | hard | good | easy
 *   ("missed it" on a study page is again, "knew it" is good); `at` is epoch milliseconds.
 * - `recall:v1:settings` → `{"v":1,"recall":true}`: active-recall mode on or off.
 *
 * Lifecycle: written on each review or settings change; read on every page. Entries that
 * cannot be read (corrupt JSON, unknown shape, a future version) are reported and left in
 * place, never deleted, so a newer version of the site or a repair can still use them.
 * Migration: a future v2 reads v1 keys and converts them on read; v1 keys are kept.
 */

/** The part of the Web Storage API the store uses; tests pass an in-memory fake. */
export interface StorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** How well the learner recalled an answer, weakest first. */
export const GRADES = ['again', 'hard', 'good', 'easy'] as const;
/** One of the grades. */
export type Grade = (typeof GRADES)[number];

/** One review of one question. */
export interface Review {
  /** The question's stable id, `<deck>/<id>`. */
  id: string;
  /** When, in epoch milliseconds. */
  at: number;
  grade: Grade;
  /** Where the review happened. */
  source: 'study' | 'cards';
}

/** The learner's settings. */
export interface Settings {
  /** Active recall: answers hidden until shown (true) or review mode, all open (false). */
  recall: boolean;
}

/** Why a write did not happen. */
export type WriteFailure = 'unavailable' | 'full';

/** The result of a write. */
export type WriteResult = { ok: true } | { ok: false; reason: WriteFailure };

const PREFIX = 'recall:';
const REVIEW_PREFIX = 'recall:v1:review:';
const SETTINGS_KEY = 'recall:v1:settings';
const DEFAULT_SETTINGS: Settings = { recall: true };

/** True when `value` is a well-formed version-1 review record. */
export function isReview(value: unknown): value is Review & { v: 1 } {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    r.v === 1 &&
    typeof r.id === 'string' &&
    r.id.length > 0 &&
    typeof r.at === 'number' &&
    Number.isFinite(r.at) &&
    (GRADES as readonly unknown[]).includes(r.grade) &&
    (r.source === 'study' || r.source === 'cards')
  );
}

function isQuotaError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED');
}

/** Reviews and settings over a Storage; every method survives bad data and missing storage. */
export class ProgressStore {
  readonly #storage: StorageLike | null;

  /** `storage` is null where the browser gives none (some private modes). */
  constructor(storage: StorageLike | null) {
    this.#storage = storage;
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

  #read(key: string): unknown {
    try {
      const raw = this.#storage?.getItem(key);
      return raw == null ? undefined : (JSON.parse(raw) as unknown);
    } catch {
      return undefined;
    }
  }

  #write(key: string, value: unknown): WriteResult {
    if (!this.#storage) return { ok: false, reason: 'unavailable' };
    try {
      this.#storage.setItem(key, JSON.stringify(value));
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: isQuotaError(error) ? 'full' : 'unavailable' };
    }
  }

  /** Every readable review, oldest first. */
  reviews(): Review[] {
    const reviews: Review[] = [];
    for (const key of this.#keys(REVIEW_PREFIX)) {
      const value = this.#read(key);
      if (isReview(value)) reviews.push({ id: value.id, at: value.at, grade: value.grade, source: value.source });
    }
    return reviews.sort((a, b) => a.at - b.at);
  }

  /** Keys under `recall:` that this version cannot read: kept, never deleted. */
  unreadableKeys(): string[] {
    return this.#keys(PREFIX).filter((key) => {
      if (key === SETTINGS_KEY) return this.#readSettings() === undefined;
      if (key.startsWith(REVIEW_PREFIX)) return !isReview(this.#read(key));
      return true;
    });
  }

  /** The newest review of a question, if any. */
  latest(id: string): Review | undefined {
    return this.reviews().findLast((r) => r.id === id);
  }

  /** Records a review under a key of its own. */
  addReview(review: Review): WriteResult {
    const nonce = Math.random().toString(36).slice(2, 10);
    return this.#write(`${REVIEW_PREFIX}${review.at}-${nonce}`, { v: 1, ...review });
  }

  #readSettings(): Settings | undefined {
    const value = this.#read(SETTINGS_KEY);
    if (typeof value !== 'object' || value === null) return undefined;
    const s = value as Record<string, unknown>;
    return s.v === 1 && typeof s.recall === 'boolean' ? { recall: s.recall } : undefined;
  }

  /** The settings, or the defaults where none (or none readable) are stored. */
  settings(): Settings {
    return this.#readSettings() ?? { ...DEFAULT_SETTINGS };
  }

  /** Saves a change to the settings. */
  saveSettings(change: Partial<Settings>): WriteResult {
    return this.#write(SETTINGS_KEY, { v: 1, ...this.settings(), ...change });
  }
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
