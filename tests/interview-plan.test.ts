import { beforeAll, describe, expect, it } from 'vitest';
import { buildQueue, type DrillCard } from '../src/lib/drill.ts';
import {
  daysBetween,
  FINAL_DAYS,
  formatPlanDate,
  interviewPlan,
  interviewStatus,
  parseIsoDate,
  planQueueContext,
  planSentence,
  recallForecast,
  retrievabilityAt,
  TOPUP_BELOW,
} from '../src/lib/interview-plan.ts';
import { dayKey } from '../src/lib/progress-stats.ts';
import { buildProgressFile, parseProgressFile } from '../src/lib/progress-file.ts';
import { isInterviewDate, migrateSettings, ProgressStore, type Review } from '../src/lib/progress-store.ts';
import { Scheduler } from '../src/lib/scheduler.ts';
import { MemoryStorage } from './support/memory-storage.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const review = (id: string, at: number, grade: Review['grade'] = 'good'): Review => ({ id, at, grade, source: 'cards' });
const ids = (n: number) => Array.from({ length: n }, (_, i) => `python/q${String(i).padStart(2, '0')}`);
const drillCards = (list: string[]): DrillCard[] => list.map((id) => ({ id, topic: 'objects', difficulty: 'basic', tags: [] }));
const scheduler = new Scheduler({ fuzz: false });

beforeAll(() => {
  // Days are the learner's local days: a zone with daylight saving makes the clock changes real.
  process.env.TZ = 'Europe/London';
});

// Sunday 29 November 2026, 09:00 in London (UTC in winter).
const local = (y: number, m: number, d: number, h = 9) => new Date(y, m - 1, d, h).getTime();

describe('interview dates', () => {
  it('accepts only real calendar dates written YYYY-MM-DD', () => {
    expect(isInterviewDate('2026-12-15')).toBe(true);
    expect(isInterviewDate('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-29', '2026-13-01', '2026-12-1', '15/12/2026', '', ' 2026-12-15', 20261215, null]) {
      expect(isInterviewDate(bad)).toBe(false);
    }
    expect(parseIsoDate('2026-12-15')).toBe(new Date(2026, 11, 15).getTime());
    expect(parseIsoDate('2026-02-30')).toBeUndefined();
  });

  it('counts calendar days across a daylight-saving change and names the day', () => {
    // Clocks go back on Sunday 25 October 2026 and forward on Sunday 28 March 2027 in London.
    expect(daysBetween(local(2026, 10, 24, 23), parseIsoDate('2026-10-26') as number)).toBe(2);
    expect(daysBetween(local(2027, 3, 27, 0), parseIsoDate('2027-03-29') as number)).toBe(2);
    expect(formatPlanDate(parseIsoDate('2026-12-15') as number, local(2026, 11, 29))).toBe('Tuesday 15 December');
    expect(formatPlanDate(parseIsoDate('2027-01-05') as number, local(2026, 11, 29))).toBe('Tuesday 5 January 2027');
  });

  it('says whether the interview is ahead, today or passed', () => {
    const now = local(2026, 11, 29, 23);
    expect(interviewStatus(undefined, now)).toBe('none');
    expect(interviewStatus('2026-11-31', now)).toBe('none');
    expect(interviewStatus('2026-11-30', now)).toBe('ahead');
    expect(interviewStatus('2026-11-29', now)).toBe('today');
    expect(interviewStatus('2026-11-28', now)).toBe('passed');
  });
});

describe('the plan toward the interview', () => {
  const now = local(2026, 11, 29);

  it('spreads cards never reviewed evenly over the days left', () => {
    const plan = interviewPlan(ids(23), new Map(), [], '2026-12-04', now);
    expect(plan?.days.map((day) => dayKey(day.start))).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03']);
    expect(plan?.days.map((day) => day.newCards)).toEqual([5, 5, 5, 5, 3]);
    expect(plan?.newPerDay).toBe(5);
    expect(plan?.unseen).toBe(23);
    expect(plan?.newLeftToday).toBe(5);
    expect(plan?.perDay).toBe(5);
    expect(planSentence(plan!, now)).toBe('5 a day until Friday 4 December');
  });

  it('keeps today’s share of new cards all day as they are started', () => {
    const list = ids(10);
    const reviews = [review('python/q00', now - HOUR), review('python/q01', now - HOUR)];
    const plan = interviewPlan(list, scheduler.replay(reviews), reviews, '2026-12-04', now);
    expect(plan?.newPerDay).toBe(2);
    expect(plan?.unseen).toBe(8);
    expect(plan?.newLeftToday).toBe(0);
    // The cards started today are due again in minutes: today's reviews, on top of the new ones.
    expect(plan?.days[0]?.reviews).toBe(2);
  });

  it('lays days out over a daylight-saving change', () => {
    const plan = interviewPlan(ids(4), new Map(), [], '2026-10-27', local(2026, 10, 24, 12));
    expect(plan?.days.map((day) => dayKey(day.start))).toEqual(['2026-10-24', '2026-10-25', '2026-10-26']);
    expect(plan?.days.map((day) => day.newCards)).toEqual([2, 2, 0]);
  });

  it('brings weak cards back in the last days, weakest last, and leaves strong ones alone', () => {
    const list = [...ids(12), 'python/strong'];
    // Cards learnt on different days: the older the review, the weaker the recall on the day.
    const reviews = ids(12).flatMap((id, i) => [review(id, now - (20 + i) * DAY, 'good'), review(id, now - (10 + i) * DAY, i < 6 ? 'good' : 'easy')]);
    // One card known for months and reviewed yesterday: strong on the day.
    reviews.push(...[90, 60, 1].map((days) => review('python/strong', now - days * DAY, 'easy')));
    const schedules = scheduler.replay(reviews);
    const date = '2026-12-09';
    const interview = parseIsoDate(date) as number;
    const plan = interviewPlan(list, schedules, reviews, date, now);
    expect(plan).toBeDefined();
    const days = plan!.days;
    expect(days).toHaveLength(10);
    const topUps = days.flatMap((day) => day.topUps);
    expect(topUps.length).toBeGreaterThan(0);
    for (const day of days.slice(0, days.length - FINAL_DAYS)) expect(day.topUps).toEqual([]);
    const recall = topUps.map((id) => retrievabilityAt(schedules.get(id), interview));
    for (const r of recall) expect(r).toBeLessThan(TOPUP_BELOW);
    expect(recall).toEqual([...recall].sort((a, b) => b - a));
    const strong = list.filter((id) => !topUps.includes(id));
    expect(strong).toContain('python/strong');
    for (const id of strong) expect(retrievabilityAt(schedules.get(id), interview)).toBeGreaterThanOrEqual(TOPUP_BELOW);
    // Every card with low recall on the day and not due earlier is a top-up; none is counted twice.
    const sizes = days.slice(-FINAL_DAYS).map((day) => day.topUps.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    const counted = days.reduce((sum, day) => sum + day.reviews + day.topUps.length, 0);
    expect(counted).toBeLessThanOrEqual(list.length);
  });

  it('puts today’s top-ups in the Due queue and nothing else changes', () => {
    const list = ids(6);
    const reviews = list.map((id, i) => review(id, now - (8 + i) * DAY, 'easy'));
    const schedules = scheduler.replay(reviews);
    const date = '2026-11-30';
    const interview = parseIsoDate(date) as number;
    const context = { schedules, now, newLeft: 20 };
    const normal = buildQueue(drillCards(list), { queue: 'due' }, context);
    const planned = buildQueue(drillCards(list), { queue: 'due' }, planQueueContext(context, list, reviews, date));
    const weak = list.filter((id) => retrievabilityAt(schedules.get(id), interview) < TOPUP_BELOW);
    expect(weak.length).toBeGreaterThan(0);
    expect(new Set(planned)).toEqual(new Set([...normal, ...weak]));
    // The replayed schedules themselves are untouched: the plan is never written into them.
    expect(scheduler.replay(reviews)).toEqual(schedules);
  });

  it('changes nothing when no date is set, the date is today or it has passed', () => {
    const list = ids(8);
    const reviews = [review('python/q00', now - 3 * DAY, 'good'), review('python/q00', now - 2 * DAY, 'again')];
    const schedules = scheduler.replay(reviews);
    const context = { schedules, now, newLeft: 3 };
    for (const date of [undefined, '2026-11-29', '2026-11-01', 'not a date']) {
      expect(interviewPlan(list, schedules, reviews, date, now)).toBeUndefined();
      expect(planQueueContext(context, list, reviews, date)).toBe(context);
    }
  });
});

describe('predicted recall on the day', () => {
  it('is FSRS retrievability at the date, 0 for cards never reviewed, lower the later the day', () => {
    const now = local(2026, 11, 29);
    const reviews = [review('python/q00', now - DAY, 'good'), review('python/q00', now, 'good')];
    const schedules = scheduler.replay(reviews);
    const soon = recallForecast(['python/q00', 'python/q01'], schedules, parseIsoDate('2026-12-01') as number);
    const later = recallForecast(['python/q00', 'python/q01'], schedules, parseIsoDate('2027-01-01') as number);
    expect(soon.cards).toBe(2);
    expect(soon.reviewed).toBe(1);
    expect(soon.recall).toBeGreaterThan(0.4);
    expect(soon.recall).toBeLessThan(0.5);
    expect(later.recall).toBeLessThan(soon.recall);
    expect(recallForecast([], schedules, now)).toEqual({ cards: 0, reviewed: 0, recall: 0 });
  });
});

describe('the interview date as a setting', () => {
  it('is read from settings when valid; a bad date makes the record unreadable, never dropped', () => {
    const base = { v: 2, recall: true, timer: false, newPerDay: 20 };
    expect(migrateSettings({ ...base, interviewDate: '2026-12-15' })).toEqual({ recall: true, timer: false, newPerDay: 20, interviewDate: '2026-12-15' });
    expect(migrateSettings(base)).toEqual({ recall: true, timer: false, newPerDay: 20 });
    expect(migrateSettings({ ...base, interviewDate: '15 December' })).toBeUndefined();
    const storage = new MemoryStorage();
    storage.setItem('recall:v2:settings', JSON.stringify({ ...base, interviewDate: 'soon' }));
    const store = new ProgressStore(storage);
    expect(store.settings().interviewDate).toBeUndefined();
    expect(store.unreadableKeys()).toEqual(['recall:v2:settings']);
    expect(storage.getItem('recall:v2:settings')).toContain('soon');
  });

  it('is saved, kept over a bad value, and cleared back to no date', () => {
    const store = new ProgressStore(new MemoryStorage());
    expect(store.saveSettings({ interviewDate: '2026-12-15' })).toEqual({ ok: true });
    expect(store.settings()).toEqual({ recall: true, timer: false, newPerDay: 20, interviewDate: '2026-12-15' });
    store.saveSettings({ interviewDate: '2026-12-32' });
    expect(store.settings().interviewDate).toBe('2026-12-15');
    store.saveSettings({ timer: true });
    expect(store.settings().interviewDate).toBe('2026-12-15');
    store.saveSettings({ interviewDate: undefined });
    expect(store.settings()).toEqual({ recall: true, timer: true, newPerDay: 20 });
  });

  it('travels in the progress file, and a bad one is named', () => {
    const settings = { recall: true, timer: false, newPerDay: 20, interviewDate: '2026-12-15' };
    const file = buildProgressFile([review('python/q00', 1)], settings, Date.UTC(2026, 10, 29));
    expect(file.settings).toEqual(settings);
    const parsed = parseProgressFile(JSON.stringify(file));
    expect(parsed.ok && parsed.file.settings).toEqual(settings);
    const bad = parseProgressFile(JSON.stringify({ ...file, settings: { ...settings, interviewDate: '2026-12' } }));
    expect(bad).toEqual({ ok: false, problems: ['settings.interviewDate: must be a calendar date such as "2026-12-15"'] });
  });
});
