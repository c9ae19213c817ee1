import { beforeAll, describe, expect, it } from 'vitest';
import { dayKey, dueForecast, heatmap, reviewsPerDay, statusCounts, streaks } from '../src/lib/progress-stats.ts';
import type { Review } from '../src/lib/progress-store.ts';
import { Scheduler } from '../src/lib/scheduler.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
// Wednesday 8 January 2025, 09:00 UTC.
const NOW = Date.UTC(2025, 0, 8, 9, 0, 0);
const review = (id: string, at: number, grade: Review['grade'] = 'good', source: Review['source'] = 'cards'): Review => ({ id, at, grade, source });

beforeAll(() => {
  // Days are local days: pin the zone so the expectations hold on every machine.
  process.env.TZ = 'UTC';
});

describe('reviews per day and streaks', () => {
  it('counts reviews on each local day, cram included', () => {
    const perDay = reviewsPerDay([review('python/a', NOW), review('python/b', NOW + MINUTE, 'again', 'cram'), review('python/a', NOW - DAY)]);
    expect(Object.fromEntries(perDay)).toEqual({ '2025-01-08': 2, '2025-01-07': 1 });
  });

  it('keeps a streak alive until the day is over, and remembers the longest', () => {
    const days = (...keys: string[]) => new Map(keys.map((k) => [k, 1]));
    expect(streaks(days('2025-01-06', '2025-01-07', '2025-01-08'), NOW)).toEqual({ current: 3, longest: 3 });
    expect(streaks(days('2025-01-06', '2025-01-07'), NOW)).toEqual({ current: 2, longest: 2 });
    expect(streaks(days('2024-12-01', '2024-12-02', '2024-12-03', '2024-12-04', '2025-01-06'), NOW)).toEqual({ current: 0, longest: 4 });
    expect(streaks(new Map(), NOW)).toEqual({ current: 0, longest: 0 });
  });
});

describe('due forecast and mastery', () => {
  const scheduler = new Scheduler({ fuzz: false, now: () => NOW });
  const schedules = scheduler.replay([
    review('python/a', NOW - 9 * DAY, 'easy'), // due 8 days later: overdue by a day
    review('python/b', NOW, 'again'), // relearning, due in a minute
    review('python/c', NOW, 'easy'), // due in 8 days: past the forecast
    review('python/d', NOW - 6 * DAY, 'easy'), // due in 2 days
  ]);
  const ids = ['python/a', 'python/b', 'python/c', 'python/d', 'python/e'];

  it('puts overdue cards in today and spreads the rest over the next days', () => {
    const forecast = dueForecast(ids, schedules, NOW, 7);
    expect(forecast.map((d) => d.count)).toEqual([2, 0, 1, 0, 0, 0, 0]);
    expect(forecast.map((d) => dayKey(d.start))).toEqual(['2025-01-08', '2025-01-09', '2025-01-10', '2025-01-11', '2025-01-12', '2025-01-13', '2025-01-14']);
  });

  it('counts new, learning, review and due cards', () => {
    expect(statusCounts(ids, schedules, NOW)).toEqual({ new: 1, learning: 1, review: 2, due: 1, total: 5 });
  });
});

describe('heatmap', () => {
  it('lays out whole weeks from Monday up to today, with levels by quarter of the busiest day', () => {
    const perDay = new Map([
      ['2025-01-08', 8],
      ['2025-01-07', 2],
      ['2025-01-01', 1],
    ]);
    const map = heatmap(perDay, NOW, 2);
    expect(map.cells.map((c) => c.day)).toEqual([
      '2024-12-30', '2024-12-31', '2025-01-01', '2025-01-02', '2025-01-03', '2025-01-04', '2025-01-05',
      '2025-01-06', '2025-01-07', '2025-01-08',
    ]);
    expect(map.cells.at(-1)).toEqual({ day: '2025-01-08', count: 8, level: 4, week: 1, weekday: 2 });
    expect(map.cells.map((c) => c.level)).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 1, 4]);
    expect(map.max).toBe(8);
    expect(heatmap(new Map(), NOW).cells).toHaveLength(52 * 7 + 3);
  });
});
