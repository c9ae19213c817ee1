/**
 * The interview-date plan: when the learner has set the date of their interview, the daily load
 * aims at that day instead of months ahead. Cards never reviewed are spread evenly over the days
 * left; cards whose recall on the day would be low ("top-ups") come back in the last days, weakest
 * last; and the forecast gives FSRS retrievability on the day. The plan is computed from the
 * replayed schedules and the date setting every time: nothing is stored, so clearing the date (or
 * the date passing) leaves the normal schedule exactly as it was. Days are local calendar days.
 */
import { fsrs } from 'ts-fsrs';
import type { CardSchedule } from './card-status.ts';
import { newCardsStartedSince, startOfDay, type QueueContext } from './drill.ts';
import { addDays } from './progress-stats.ts';
import { isInterviewDate, type Review } from './progress-store.ts';

/**
 * A card whose recall on the interview day would fall below this is reviewed again in the last
 * days. FSRS already schedules every card before its recall drops under 0.9 (its target
 * retention), so aiming at 0.9 would change nothing: the day itself deserves more.
 */
export const TOPUP_BELOW = 0.95;
/** Top-ups are spread over at most this many last days before the interview. */
export const FINAL_DAYS = 3;

// Retrievability needs only FSRS's parameters; scheduler.ts uses the ts-fsrs defaults too.
const FORGETTING = fsrs();
const DAY_MS = 86_400_000;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Local midnight of an ISO date "YYYY-MM-DD", or undefined when it is not a real calendar date.
 * @example parseIsoDate('2026-02-30') // undefined
 */
export function parseIsoDate(text: string): number | undefined {
  if (!isInterviewDate(text)) return undefined;
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day).getTime();
}

/** Calendar days from the local day of `from` to the local day of `to` (daylight-saving safe). */
export function daysBetween(from: number, to: number): number {
  // Local midnights are 23 to 25 hours apart across a clock change: rounding absorbs it.
  return Math.round((startOfDay(to) - startOfDay(from)) / DAY_MS);
}

/**
 * A day as the plan says it: "Tuesday 15 December", with the year when it is not the year of `now`.
 * @example formatPlanDate(new Date(2026, 11, 15).getTime(), new Date(2026, 10, 29).getTime()) // "Tuesday 15 December"
 */
export function formatPlanDate(day: number, now: number): string {
  const d = new Date(day);
  const year = d.getFullYear() === new Date(now).getFullYear() ? '' : ` ${d.getFullYear()}`;
  return `${WEEKDAYS[d.getDay()]} ${d.getDate()} ${MONTHS[d.getMonth()]}${year}`;
}

/** Where the interview stands at `now`: no (readable) date, still ahead, today, or passed. */
export type InterviewStatus = 'none' | 'ahead' | 'today' | 'passed';

/** The status of the interview on `date` (ISO, or undefined) at `now`. */
export function interviewStatus(date: string | undefined, now: number): InterviewStatus {
  const day = date === undefined ? undefined : parseIsoDate(date);
  if (day === undefined) return 'none';
  const days = daysBetween(now, day);
  return days > 0 ? 'ahead' : days === 0 ? 'today' : 'passed';
}

/** FSRS's probability of recalling the card with `schedule` at `at`; 0 for a card never reviewed. */
export function retrievabilityAt(schedule: CardSchedule | undefined, at: number): number {
  if (!schedule) return 0;
  return FORGETTING.get_retrievability(schedule.card, new Date(at), false);
}

/** One study day of the plan. */
export interface PlanDay {
  /** Local midnight that starts the day. */
  start: number;
  /** Cards never reviewed to start that day. */
  newCards: number;
  /** Cards falling due that day on their normal schedule (today: every overdue card too). */
  reviews: number;
  /** Cards brought forward so they are fresh on the interview day. */
  topUps: string[];
}

/** The plan from today up to the day before the interview. */
export interface InterviewPlan {
  /** Local midnight of the interview day. */
  interview: number;
  /** Study days left: today up to the day before the interview. */
  days: PlanDay[];
  /** Cards never reviewed yet. */
  unseen: number;
  /** New cards a day, so every card is seen once before the interview. */
  newPerDay: number;
  /** New cards the "Due" queue may still bring in today. */
  newLeftToday: number;
  /** The whole load (new cards, reviews and top-ups) per study day, rounded up. */
  perDay: number;
}

/**
 * The plan for the cards `ids` toward the interview on `date`, at `now`; undefined when no date is
 * set, or it is today or passed (the normal schedule holds then). `reviews` tell which new cards
 * were started today, so today's share of new cards does not shrink as they are studied.
 */
export function interviewPlan(
  ids: readonly string[],
  schedules: ReadonlyMap<string, CardSchedule>,
  reviews: readonly Review[],
  date: string | undefined,
  now: number,
): InterviewPlan | undefined {
  if (interviewStatus(date, now) !== 'ahead') return undefined;
  const interview = parseIsoDate(date as string) as number;
  const count = daysBetween(now, interview);
  const days: PlanDay[] = Array.from({ length: count }, (_, i) => ({ start: addDays(now, i), newCards: 0, reviews: 0, topUps: [] }));
  const finalDays = Math.min(count, FINAL_DAYS);
  const windowStart = addDays(now, count - finalDays);
  const topUps: { id: string; recall: number }[] = [];
  const known = new Set(ids);
  let unseen = 0;
  for (const id of ids) {
    const schedule = schedules.get(id);
    if (!schedule) {
      unseen++;
      continue;
    }
    const recall = retrievabilityAt(schedule, interview);
    if (schedule.due >= windowStart && recall < TOPUP_BELOW) topUps.push({ id, recall });
    else if (schedule.due < interview) (days[Math.max(0, daysBetween(now, schedule.due))] as PlanDay).reviews++;
  }
  // Today's share counts the cards started today too, so it stays the same all day.
  const startedToday = newCardsStartedSince(
    reviews.filter((review) => known.has(review.id)),
    startOfDay(now),
  );
  const newPerDay = Math.ceil((unseen + startedToday) / count);
  let toPlace = unseen + startedToday;
  for (const day of days) {
    day.newCards = Math.min(newPerDay, toPlace);
    toPlace -= day.newCards;
  }
  // Strongest first, so the weakest land on the last days; split as evenly as whole cards allow.
  topUps.sort((a, b) => b.recall - a.recall || (a.id < b.id ? -1 : 1));
  topUps.forEach((card, i) => {
    const day = days[count - finalDays + Math.floor((i * finalDays) / topUps.length)] as PlanDay;
    day.topUps.push(card.id);
  });
  const total = days.reduce((sum, day) => sum + day.newCards + day.reviews + day.topUps.length, 0);
  return {
    interview,
    days,
    unseen,
    newPerDay,
    newLeftToday: Math.max(0, newPerDay - startedToday),
    perDay: Math.ceil(total / count),
  };
}

/**
 * The plan in one line.
 * @example planSentence(plan, now) // "12 a day until Tuesday 15 December"
 */
export function planSentence(plan: InterviewPlan, now: number): string {
  return `${plan.perDay} a day until ${formatPlanDate(plan.interview, now)}`;
}

/**
 * The "Due" queue's context with the interview plan for the cards `ids` applied: today's top-ups
 * are due now and today's share of new cards replaces the daily new-card limit. With no date set,
 * or on or after the day, `context` itself comes back, so the normal schedule holds exactly.
 */
export function planQueueContext(context: QueueContext, ids: readonly string[], reviews: readonly Review[], date: string | undefined): QueueContext {
  const plan = interviewPlan(ids, context.schedules, reviews, date, context.now);
  const today = plan?.days[0];
  if (!plan || !today) return context;
  const schedules = new Map(context.schedules);
  for (const id of today.topUps) {
    const schedule = schedules.get(id);
    if (schedule && schedule.due > context.now) schedules.set(id, { ...schedule, due: context.now });
  }
  return { ...context, schedules, newLeft: plan.newLeftToday };
}

/** Predicted recall on the interview day for one group of cards. */
export interface RecallForecast {
  /** Cards in the group. */
  cards: number;
  /** Cards reviewed at least once. */
  reviewed: number;
  /** Mean retrievability on the day over every card (never reviewed counts as 0), 0 to 1. */
  recall: number;
}

/** Predicted recall at `at` (the interview day) of the cards `ids`, from their schedules so far. */
export function recallForecast(ids: readonly string[], schedules: ReadonlyMap<string, CardSchedule>, at: number): RecallForecast {
  let sum = 0;
  let reviewed = 0;
  for (const id of ids) {
    const schedule = schedules.get(id);
    if (schedule) reviewed++;
    sum += retrievabilityAt(schedule, at);
  }
  return { cards: ids.length, reviewed, recall: ids.length ? sum / ids.length : 0 };
}
