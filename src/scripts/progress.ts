/**
 * The page's one progress store, shared by every element on it, and how elements hear about
 * changes: `progress-changed` for writes in this page, the `storage` event for other tabs.
 * Schedules are replayed on demand and the FSRS code is loaded only when there is a review.
 */
import type { CardSchedule } from '../lib/card-status';
import { schedulesCard } from '../lib/card-status';
import { browserStorage, ProgressStore, type StoredReview, type WriteFailure } from '../lib/progress-store';
import { VisitMarks } from '../lib/study-marks';

/** The store over this browser's localStorage. */
export const store = new ProgressStore(browserStorage());

/** This visit's study-page marks: one review per question, a changed mark replaces it. */
export const visitMarks = new VisitMarks(store);

/** The event sent on `document` after this page wrote progress. */
export const PROGRESS_CHANGED = 'recall:progress-changed';
/** The event sent on `document` when a write failed, with the reason as `detail`. */
export const STORAGE_FAILED = 'recall:storage-failed';

/** What the progress elements read. */
export interface ProgressSnapshot {
  reviews: StoredReview[];
  schedules: Map<string, CardSchedule>;
}

let snapshot: Promise<ProgressSnapshot> | undefined;

/** Every review and every replayed schedule, read once and kept until progress changes. */
export function progressSnapshot(): Promise<ProgressSnapshot> {
  snapshot ??= (async () => {
    const reviews = store.reviews();
    if (!reviews.some(schedulesCard)) return { reviews, schedules: new Map() };
    const { Scheduler } = await import('../lib/scheduler');
    return { reviews, schedules: new Scheduler().replay(reviews) };
  })();
  return snapshot;
}

/** Tells the page that progress changed (after a write). */
export function progressChanged(): void {
  snapshot = undefined;
  document.dispatchEvent(new CustomEvent(PROGRESS_CHANGED));
}

/** Tells the page that a write failed, so the storage notice can explain it. */
export function storageFailed(reason: WriteFailure): void {
  document.dispatchEvent(new CustomEvent<WriteFailure>(STORAGE_FAILED, { detail: reason }));
}

/** Calls `listener` whenever progress changes in this page or in another tab; returns how to stop. */
export function onProgressChange(listener: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key.startsWith('recall:')) {
      snapshot = undefined;
      listener();
    }
  };
  document.addEventListener(PROGRESS_CHANGED, listener);
  window.addEventListener('storage', onStorage);
  return () => {
    document.removeEventListener(PROGRESS_CHANGED, listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** An element drawn from stored progress: once connected, then again on every change (this tab or another). */
export abstract class ProgressElement extends HTMLElement {
  #stop: (() => void) | undefined;

  connectedCallback() {
    if (!store.available) return;
    void this.update();
    this.#stop = onProgressChange(() => void this.update());
  }

  disconnectedCallback() {
    this.#stop?.();
  }

  /** Draws the element from the progress snapshot. */
  protected abstract update(): Promise<void>;
}
