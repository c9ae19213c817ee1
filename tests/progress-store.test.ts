import { describe, expect, it } from 'vitest';
import { buildProgressFile, parseProgressFile } from '../src/lib/progress-file.ts';
import { migrateReview, migrateSettings, newReviews, ProgressStore, type Review } from '../src/lib/progress-store.ts';
import { DeniedStorage, MemoryStorage } from './support/memory-storage.ts';

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const review = (id: string, at: number, grade: Review['grade'] = 'good', source: Review['source'] = 'cards'): Review => ({ id, at, grade, source });
/** A random source that repeats one value, so two "tabs" make the same nonce. */
const fixedRandom = () => 0.123456789;

describe('ProgressStore: round trip', () => {
  it('stores each review under a key of its own and reads them back oldest first', () => {
    const storage = new MemoryStorage();
    const store = new ProgressStore(storage);
    const second = store.addReview({ ...review('python/b', T0 + 1000, 'again', 'study'), fp: '0badf00d' });
    const first = store.addReview(review('python/a', T0));
    expect(first.ok && second.ok).toBe(true);
    const keys = Object.keys(storage.entries());
    expect(keys).toHaveLength(2);
    expect(keys.every((k) => k.startsWith('recall:v2:review:'))).toBe(true);
    expect(store.reviews().map(({ key, ...rest }) => rest)).toEqual([
      { id: 'python/a', at: T0, grade: 'good', source: 'cards' },
      { id: 'python/b', at: T0 + 1000, grade: 'again', source: 'study', fp: '0badf00d' },
    ]);
    expect(JSON.parse(Object.values(storage.entries())[0] ?? '')).toMatchObject({ v: 2 });
    expect(store.latest('python/b')?.grade).toBe('again');
    expect(store.unreadableKeys()).toEqual([]);
  });

  it('keeps settings, with defaults for what was never set', () => {
    const store = new ProgressStore(new MemoryStorage());
    expect(store.settings()).toEqual({ recall: true, timer: false, newPerDay: 20 });
    expect(store.storedSettings()).toBeUndefined();
    store.saveSettings({ timer: true });
    store.saveSettings({ newPerDay: 5 });
    expect(store.settings()).toEqual({ recall: true, timer: true, newPerDay: 5 });
  });

  it('undo removes exactly the review it names, and nothing but review keys', () => {
    const storage = new MemoryStorage();
    const store = new ProgressStore(storage);
    store.addReview(review('python/a', T0));
    const last = store.addReview(review('python/a', T0 + 600_000, 'again'));
    store.saveSettings({ timer: true });
    if (!last.ok) throw new Error('write failed');
    expect(store.removeReview(last.key)).toBe(true);
    expect(store.reviews().map((r) => r.at)).toEqual([T0]);
    expect(store.removeReview('recall:v2:settings')).toBe(false);
    expect(store.settings().timer).toBe(true);
  });
});

describe('ProgressStore: migration from version 1', () => {
  const v1 = () => {
    const storage = new MemoryStorage();
    storage.setItem('recall:v1:review:1736154000000-abc', JSON.stringify({ v: 1, id: 'python/a', at: T0, grade: 'again', source: 'study' }));
    storage.setItem('recall:v1:settings', JSON.stringify({ v: 1, recall: false }));
    return storage;
  };

  it('reads version 1 reviews and settings in the current shape, keeping the old keys', () => {
    const storage = v1();
    const store = new ProgressStore(storage);
    expect(store.reviews()).toEqual([{ id: 'python/a', at: T0, grade: 'again', source: 'study', key: 'recall:v1:review:1736154000000-abc' }]);
    expect(store.settings()).toEqual({ recall: false, timer: false, newPerDay: 20 });
    expect(store.unreadableKeys()).toEqual([]);
    store.addReview(review('python/a', T0 + 1));
    store.saveSettings({ timer: true });
    expect(storage.getItem('recall:v1:review:1736154000000-abc')).not.toBeNull();
    expect(JSON.parse(storage.getItem('recall:v2:settings') ?? '')).toEqual({ v: 2, recall: false, timer: true, newPerDay: 20 });
    expect(store.reviews()).toHaveLength(2);
  });

  it('converts records through the migration hooks and refuses what a version never had', () => {
    expect(migrateReview({ v: 1, id: 'python/a', at: 5, grade: 'hard', source: 'cards' })).toEqual({ id: 'python/a', at: 5, grade: 'hard', source: 'cards' });
    expect(migrateReview({ v: 1, id: 'python/a', at: 5, grade: 'hard', source: 'cram' })).toBeUndefined();
    expect(migrateReview({ v: 3, id: 'python/a', at: 5, grade: 'hard', source: 'cards' })).toBeUndefined();
    expect(migrateSettings({ v: 1, recall: true })).toEqual({ recall: true, timer: false, newPerDay: 20 });
    expect(migrateSettings({ v: 2, recall: true, timer: 'yes', newPerDay: 20 })).toBeUndefined();
  });
});

describe('ProgressStore: bad data, full and missing storage', () => {
  it('reports corrupt and foreign entries, skips them, and never deletes them', () => {
    const storage = new MemoryStorage();
    storage.setItem('recall:v2:review:1-broken', '{"v":2,"id":');
    storage.setItem('recall:v2:review:2-wrong', JSON.stringify({ v: 2, id: 'python/a', at: 2, grade: 'perfect', source: 'cards' }));
    storage.setItem('recall:v9:review:3-future', JSON.stringify({ v: 9 }));
    storage.setItem('recall:v2:settings', 'null');
    storage.setItem('someone-else', 'not ours');
    // The colour theme's key: another part of the site, not the store's to read or report.
    storage.setItem('recall:v1:theme', 'dark');
    const store = new ProgressStore(storage);
    store.addReview(review('python/a', T0));
    const unreadable = ['recall:v2:review:1-broken', 'recall:v2:review:2-wrong', 'recall:v2:settings', 'recall:v9:review:3-future'];
    expect(store.unreadableKeys()).toEqual(unreadable);
    expect(store.reviews().map((r) => r.id)).toEqual(['python/a']);
    expect(store.settings()).toEqual({ recall: true, timer: false, newPerDay: 20 });
    store.reset(T0 + 1);
    for (const key of [...unreadable, 'someone-else', 'recall:v1:theme']) expect(storage.getItem(key)).not.toBeNull();
    expect(store.reviews()).toEqual([]);
  });

  it('says "full" when the quota is reached, and keeps what was stored', () => {
    const store = new ProgressStore(new MemoryStorage(300));
    expect(store.addReview(review('python/a', T0)).ok).toBe(true);
    const results = [1, 2, 3].map((i) => store.addReview(review(`python/q${i}`, T0 + i)));
    expect(results.at(-1)).toEqual({ ok: false, reason: 'full' });
    expect(store.reviews()[0]?.id).toBe('python/a');
  });

  it('works without storage at all, and with storage that throws on every call', () => {
    for (const store of [new ProgressStore(null), new ProgressStore(new DeniedStorage())]) {
      expect(store.reviews()).toEqual([]);
      expect(store.unreadableKeys()).toEqual([]);
      expect(store.settings().recall).toBe(true);
      expect(store.addReview(review('python/a', T0))).toEqual({ ok: false, reason: 'unavailable' });
      expect(store.saveSettings({ recall: false })).toEqual({ ok: false, reason: 'unavailable' });
      expect(store.noticeSeen('x')).toBe(false);
    }
    expect(new ProgressStore(null).available).toBe(false);
  });

  it('remembers which notices were shown', () => {
    const store = new ProgressStore(new MemoryStorage());
    expect(store.noticeSeen('unreadable:abc')).toBe(false);
    store.markNoticeSeen('unreadable:abc');
    expect(store.noticeSeen('unreadable:abc')).toBe(true);
    expect(store.noticeSeen('unreadable:def')).toBe(false);
  });
});

describe('ProgressStore: two tabs at once', () => {
  it('loses no review when two tabs that loaded the same state write in turn', () => {
    const storage = new MemoryStorage();
    const tabA = new ProgressStore(storage, fixedRandom);
    const tabB = new ProgressStore(storage, fixedRandom);
    expect(tabA.reviews()).toEqual([]);
    expect(tabB.reviews()).toEqual([]);
    // Same millisecond and the same nonce: the worst case for key collisions.
    tabA.addReview(review('python/a', T0));
    tabB.addReview(review('python/b', T0));
    tabA.addReview(review('python/c', T0 + 5));
    tabB.addReview(review('python/d', T0 + 5));
    expect(new Set(Object.keys(storage.entries())).size).toBe(4);
    expect(tabA.reviews().map((r) => r.id).sort()).toEqual(['python/a', 'python/b', 'python/c', 'python/d']);
    expect(tabB.reviews()).toEqual(tabA.reviews());
  });
});

describe('import and export', () => {
  const settings = { recall: false, timer: true, newPerDay: 10 };

  it('round-trips through a file', () => {
    const store = new ProgressStore(new MemoryStorage());
    store.addReview(review('python/a', T0, 'again', 'study'));
    store.addReview({ ...review('python/b', T0 + 1, 'easy', 'cram'), fp: 'abcd1234' });
    store.saveSettings(settings);
    const text = JSON.stringify(buildProgressFile(store.reviews(), store.storedSettings(), T0 + 2));
    const parsed = parseProgressFile(text);
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    const fresh = new ProgressStore(new MemoryStorage());
    expect(fresh.importReviews(parsed.file.reviews, parsed.file.settings, T0 + 3)).toEqual({ ok: true, added: 2, skipped: 0 });
    const strip = (s: ProgressStore) => s.reviews().map(({ key, ...rest }) => rest);
    expect(strip(fresh)).toEqual(strip(store));
    expect(fresh.settings()).toEqual(settings);
    expect(fresh.backup()).toBeUndefined();
  });

  it('merges by review: adds what is missing once, keeps local settings, and backs up the state before', () => {
    const store = new ProgressStore(new MemoryStorage());
    store.addReview(review('python/a', T0));
    store.addReview(review('python/b', T0 + 1));
    store.saveSettings({ timer: true });
    const incoming = [review('python/b', T0 + 1), review('python/c', T0 + 2), review('python/c', T0 + 2), review('python/b', T0 + 3, 'again')];
    expect(store.importReviews(incoming, settings, T0 + 10)).toEqual({ ok: true, added: 2, skipped: 2 });
    expect(store.reviews().map((r) => `${r.id}:${r.grade}`)).toEqual(['python/a:good', 'python/b:good', 'python/c:good', 'python/b:again']);
    expect(store.settings()).toEqual({ recall: true, timer: true, newPerDay: 20 });
    const backup = store.backup();
    expect(backup).toMatchObject({ at: T0 + 10, reason: 'import', settings: { recall: true, timer: true, newPerDay: 20 } });
    expect(backup?.reviews.map((r) => r.id)).toEqual(['python/a', 'python/b']);
    expect(newReviews(store.reviews(), incoming)).toEqual([]);
  });

  it('changes nothing when storage fills up halfway through an import', () => {
    const storage = new MemoryStorage(1200);
    const store = new ProgressStore(storage);
    store.addReview(review('python/a', T0));
    const before = storage.entries();
    const incoming = Array.from({ length: 20 }, (_, i) => review(`python/q${i}`, T0 + i + 1));
    expect(store.importReviews(incoming, settings, T0 + 100)).toEqual({ ok: false, reason: 'full' });
    expect(storage.entries()).toEqual(before);
  });

  it('rejects a file that is not valid, saying what is wrong and where', () => {
    expect(parseProgressFile('{"format": "recall-progress",')).toMatchObject({ ok: false, problems: [expect.stringMatching(/^the file is not JSON/)] });
    expect(parseProgressFile('[]')).toEqual({ ok: false, problems: ['the file must hold one JSON object'] });
    expect(parseProgressFile('{"reviews": []}')).toEqual({
      ok: false,
      problems: ['this is not a Recall progress file (it has no "format": "recall-progress"); export one from the Progress page of Recall'],
    });
    const file = buildProgressFile([review('python/a', T0)], undefined, T0);
    const bad = { ...file, version: 7, reviews: [...file.reviews, { id: 'python/b', at: T0, grade: 'perfect', source: 'cards' }, { id: '', at: 1 }] };
    expect(parseProgressFile(JSON.stringify(bad))).toEqual({
      ok: false,
      problems: [
        'version: 7 comes from a newer Recall; this one reads up to version 2',
        'reviews[1]: grade: must be one of again, hard, good, easy',
        'reviews[2]: id: must be a question id such as "python/append-vs-extend"',
      ],
    });
    expect(parseProgressFile(JSON.stringify({ ...file, settings: { recall: true, timer: false, newPerDay: -1 } }))).toEqual({
      ok: false,
      problems: ['settings.newPerDay: must be a whole number from 0 to 500'],
    });
  });

  it('reset deletes reviews and settings after backing them up', () => {
    const store = new ProgressStore(new MemoryStorage());
    store.addReview(review('python/a', T0));
    store.saveSettings({ recall: false });
    expect(store.reset(T0 + 5)).toEqual({ removed: 1, backedUp: true });
    expect(store.reviews()).toEqual([]);
    expect(store.storedSettings()).toBeUndefined();
    expect(store.backup()).toMatchObject({ reason: 'reset', reviews: [review('python/a', T0)], settings: { recall: false } });
  });
});
