import type { Rng } from './random';

/**
 * Moscow working time. The account lives in Europe/Moscow, which has been UTC+3 all year since
 * 2014, so a fixed offset is exact. Sales people act in office hours, so most events land there.
 */
// Module-level aliases: these run per event, and a global lookup per call is costly in some hosts.
const { floor, max, min, round } = Math;

export const MSK_OFFSET = 3 * 3600;
export const DAY = 86_400;
export const HOUR = 3600;
const WORK_START = 9;
const WORK_END = 19;

/** Fixed-date Russian public holidays (month 1-12, day): nobody works, few leads arrive. */
// prettier-ignore
const HOLIDAYS = new Set([
  '1-1', '1-2', '1-3', '1-4', '1-5', '1-6', '1-7', '1-8',
  '2-23', '3-8', '5-1', '5-9', '6-12', '11-4', '12-31',
]);

interface DayInfo {
  working: boolean;
  /** 0 = January. */
  month: number;
}

const dayCache = new Map<number, DayInfo>();

/** Moscow calendar day number (days since 1970-01-01 in local time). */
export function localDay(t: number): number {
  return floor((t + MSK_OFFSET) / DAY);
}

/** Epoch seconds of `hour` o'clock Moscow time on local day `day`. */
export function atLocalHour(day: number, hour: number): number {
  return day * DAY - MSK_OFFSET + round(hour * HOUR);
}

export function dayInfo(day: number): DayInfo {
  const cached = dayCache.get(day);
  if (cached) return cached;
  const date = new Date(day * DAY * 1000);
  const weekday = date.getUTCDay();
  const month = date.getUTCMonth();
  const holiday = HOLIDAYS.has(`${month + 1}-${date.getUTCDate()}`);
  const info = { working: weekday !== 0 && weekday !== 6 && !holiday, month };
  dayCache.set(day, info);
  return info;
}

function nextWorkingDay(day: number): number {
  let d = day;
  while (!dayInfo(d).working) d += 1;
  return d;
}

/** Chance that an action due outside office hours really happens then (else: next morning). */
function offHoursChance(working: boolean, hour: number): number {
  if (hour < 7 || hour >= 23) return 0.01;
  if (working) return 0.07;
  return hour >= 10 && hour < 20 ? 0.2 : 0.01;
}

/**
 * The time a manager really does something that became due at `t`: unchanged inside office
 * hours, otherwise mostly postponed to the next working morning (busiest just after 09:00).
 * Never earlier than `t`.
 */
export function toWorkingTime(t: number, rng: Rng): number {
  const day = localDay(t);
  const hour = (t + MSK_OFFSET - day * DAY) / HOUR;
  const { working } = dayInfo(day);
  if (working && hour >= WORK_START && hour < WORK_END) return t;
  if (rng.chance(offHoursChance(working, hour))) return t;
  const target = working && hour < WORK_START ? day : nextWorkingDay(day + 1);
  const offsetHours = min(WORK_END - WORK_START - 0.05, rng.logNormal(1.3, 0.9));
  return atLocalHour(target, WORK_START + offsetHours);
}

/** A moment after `after` and not after `now`, in office hours when that still fits. */
export function laterMoment(after: number, now: number, medianHours: number, rng: Rng): number {
  if (now - after < 2) return now;
  const wanted = toWorkingTime(after + max(60, round(rng.logNormal(medianHours, 1) * HOUR)), rng);
  return wanted <= now ? wanted : after + 1 + floor(rng.float() * (now - after - 1));
}

/** Relative lead inflow per month: New Year lull, spring peak, summer dip, autumn recovery. */
const SEASON = [0.7, 0.95, 1.2, 1.35, 1.1, 0.9, 0.7, 0.72, 1.05, 1.12, 1.1, 0.95];
const WEEKEND_WEIGHT = 0.08;

/**
 * Samples lead creation moments over the year before `now`: seasonal wave × a steady growth
 * trend × weekday/weekend, then a time of day (office hours mostly, evenings and nights rarely,
 * because web forms and chats also come in then).
 */
export class CreationCalendar {
  private readonly firstDay: number;
  private readonly cumulative: number[] = [];

  constructor(
    private readonly from: number,
    private readonly now: number,
  ) {
    this.firstDay = localDay(from);
    const lastDay = localDay(now);
    const span = max(1, lastDay - this.firstDay);
    let total = 0;
    for (let d = this.firstDay; d <= lastDay; d += 1) {
      const info = dayInfo(d);
      const trend = 0.8 + (0.45 * (d - this.firstDay)) / span;
      total += trend * (SEASON[info.month] ?? 1) * (info.working ? 1 : WEEKEND_WEIGHT);
      this.cumulative.push(total);
    }
  }

  sample(rng: Rng): number {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const day = this.firstDay + this.pickDayOffset(rng);
      const t = atLocalHour(day, this.pickHour(rng, dayInfo(day).working));
      if (t >= this.from && t < this.now) return t;
    }
    // Only reachable when the window is a few hours wide: fall back to a uniform moment in it.
    return this.from + floor(rng.float() * max(1, this.now - this.from));
  }

  private pickDayOffset(rng: Rng): number {
    const total = this.cumulative[this.cumulative.length - 1] ?? 0;
    const x = rng.float() * total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] ?? 0) > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private pickHour(rng: Rng, working: boolean): number {
    if (!working) return 10 + rng.float() * 11;
    const r = rng.float();
    if (r < 0.05) return 7 + rng.float() * 2;
    if (r < 0.12) return 19 + rng.float() * 4.5;
    if (r < 0.13) return rng.float() * 7;
    // Office hours with a lunch dip: 13:00-14:00 gets half the inflow of other hours.
    const h = WORK_START + rng.float() * (WORK_END - WORK_START);
    return h >= 13 && h < 14 && rng.chance(0.5) ? h + 1 + rng.float() * 4 : h;
  }
}
