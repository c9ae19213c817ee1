/**
 * The numbers on the progress page: reviews per day, the streak, what is due in the coming days,
 * mastery per topic and the calendar heatmap. Days are the learner's local calendar days.
 */
import { cardStatus, type CardSchedule, type CardStatus } from './card-status.ts';
import { startOfDay } from './drill.ts';
import type { Review } from './progress-store.ts';

/**
 * The local calendar day of `ms`, as YYYY-MM-DD.
 * @example dayKey(new Date(2025, 0, 6, 23, 59).getTime()) // "2025-01-06"
 */
export function dayKey(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local midnight `n` calendar days after the day of `ms` (daylight-saving safe). */
export function addDays(ms: number, n: number): number {
  const d = new Date(startOfDay(ms));
  d.setDate(d.getDate() + n);
  return d.getTime();
}

/** How many reviews (cram included: it is practice too) fell on each local day. */
export function reviewsPerDay(reviews: readonly Review[]): Map<string, number> {
  const perDay = new Map<string, number>();
  for (const review of reviews) {
    const day = dayKey(review.at);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  return perDay;
}

/**
 * Days in a row with at least one review: `current` ends today, or yesterday when today has
 * none yet (the streak is still alive until the day is over); `longest` is the best run ever.
 */
export function streaks(perDay: ReadonlyMap<string, number>, now: number): { current: number; longest: number } {
  const days = [...perDay.keys()].filter((d) => (perDay.get(d) ?? 0) > 0).sort();
  let longest = 0;
  let run = 0;
  let previous: string | undefined;
  for (const day of days) {
    run = previous !== undefined && dayKey(addDays(new Date(`${previous}T12:00:00`).getTime(), 1)) === day ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = day;
  }
  let current = 0;
  let cursor = perDay.get(dayKey(now)) ? startOfDay(now) : addDays(now, -1);
  while ((perDay.get(dayKey(cursor)) ?? 0) > 0) {
    current++;
    cursor = addDays(cursor, -1);
  }
  return { current, longest };
}

/** One day of the due forecast. */
export interface ForecastDay {
  /** Local midnight that starts the day. */
  start: number;
  /** Cards due that day; today's count includes every overdue card. */
  count: number;
}

/** How many of the cards `ids` fall due on each of the next `days` days, today first. */
export function dueForecast(ids: Iterable<string>, schedules: ReadonlyMap<string, CardSchedule>, now: number, days = 7): ForecastDay[] {
  const forecast: ForecastDay[] = Array.from({ length: days }, (_, i) => ({ start: addDays(now, i), count: 0 }));
  const end = addDays(now, days);
  for (const id of ids) {
    const schedule = schedules.get(id);
    if (!schedule || schedule.due >= end) continue;
    const index = forecast.findLastIndex((day) => day.start <= schedule.due);
    const day = forecast[Math.max(0, index)];
    if (day) day.count++;
  }
  return forecast;
}

/** How many cards are in each state, and in all. */
export type StatusCounts = Record<CardStatus, number> & { total: number };

/** Counts the states of the cards `ids` at `now`. */
export function statusCounts(ids: Iterable<string>, schedules: ReadonlyMap<string, CardSchedule>, now: number): StatusCounts {
  const counts: StatusCounts = { new: 0, learning: 0, review: 0, due: 0, total: 0 };
  for (const id of ids) {
    counts[cardStatus(schedules.get(id), now)]++;
    counts.total++;
  }
  return counts;
}

/** One square of the heatmap. */
export interface HeatCell {
  day: string;
  count: number;
  /** 0 for no reviews, then 1–4 by quarters of the busiest day. */
  level: 0 | 1 | 2 | 3 | 4;
  /** Column: 0 is the oldest week. */
  week: number;
  /** Row: 0 is Monday. */
  weekday: number;
}

/** The heatmap of the last `weeks` weeks (Monday-first columns, the last one holding today). */
export interface Heatmap {
  cells: HeatCell[];
  weeks: number;
  /** The busiest day's count. */
  max: number;
  /** Where each month starts, for labels. */
  months: { week: number; month: number }[];
}

/** Lays out the calendar heatmap of `perDay` for the `weeks` weeks that end with today. */
export function heatmap(perDay: ReadonlyMap<string, number>, now: number, weeks = 53): Heatmap {
  const today = startOfDay(now);
  const mondayOffset = (new Date(today).getDay() + 6) % 7;
  const first = addDays(today, -mondayOffset - (weeks - 1) * 7);
  const cells: HeatCell[] = [];
  const months: Heatmap['months'] = [];
  let max = 0;
  for (let i = 0, day = first; day <= today; i++, day = addDays(first, i)) {
    const key = dayKey(day);
    const count = perDay.get(key) ?? 0;
    max = Math.max(max, count);
    const date = new Date(day);
    cells.push({ day: key, count, level: 0, week: Math.floor(i / 7), weekday: i % 7 });
    if (date.getDate() === 1 || i === 0) months.push({ week: Math.floor(i / 7), month: date.getMonth() });
  }
  for (const cell of cells) {
    cell.level = cell.count === 0 ? 0 : (Math.min(4, Math.ceil((cell.count / max) * 4)) as HeatCell['level']);
  }
  // A label for the first, partial month would collide with the next one: drop it when too close.
  if (months.length > 1 && (months[1]?.week ?? 0) - (months[0]?.week ?? 0) < 3) months.shift();
  return { cells, weeks, max, months };
}
