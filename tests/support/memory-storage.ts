import type { StorageLike } from '../../src/lib/progress-store.ts';

/** An in-memory Web Storage with an optional quota in characters, like a browser's localStorage. */
export class MemoryStorage implements StorageLike {
  readonly #items = new Map<string, string>();
  readonly #quota: number;

  constructor(quota = Number.POSITIVE_INFINITY) {
    this.#quota = quota;
  }

  get length(): number {
    return this.#items.size;
  }

  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null;
  }

  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    const used = [...this.#items].reduce((sum, [k, v]) => sum + (k === key ? 0 : k.length + v.length), 0);
    if (used + key.length + value.length > this.#quota) {
      const error = new Error('The quota has been exceeded.');
      error.name = 'QuotaExceededError';
      throw error;
    }
    this.#items.set(key, value);
  }

  removeItem(key: string): void {
    this.#items.delete(key);
  }

  /** Every item, for assertions. */
  entries(): Record<string, string> {
    return Object.fromEntries(this.#items);
  }
}

/** A storage that throws on every use, as Safari's did in private mode. */
export class DeniedStorage implements StorageLike {
  get length(): number {
    throw new DOMException('denied', 'SecurityError');
  }
  key(): string | null {
    throw new DOMException('denied', 'SecurityError');
  }
  getItem(): string | null {
    throw new DOMException('denied', 'SecurityError');
  }
  setItem(): void {
    throw new DOMException('denied', 'SecurityError');
  }
  removeItem(): void {
    throw new DOMException('denied', 'SecurityError');
  }
}
