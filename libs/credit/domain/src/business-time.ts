/**
 * Calendar arithmetic in Asia/Shanghai (UTC+8 all year, no daylight saving), so month boundaries
 * and "a quarter later" follow the business calendar, not the server's zone.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const local = (instant: Date): Date => new Date(instant.getTime() + OFFSET_MS);

/** `YYYY-MM` of the Shanghai month containing the instant. */
export const monthKey = (instant: Date): string => local(instant).toISOString().slice(0, 7);

/** The `count` full months before the Shanghai month of `instant`, oldest first. */
export const fullMonthsBefore = (instant: Date, count: number): string[] => {
  const l = local(instant);
  const months: string[] = [];
  for (let back = count; back >= 1; back--) {
    const d = new Date(Date.UTC(l.getUTCFullYear(), l.getUTCMonth() - back, 1));
    months.push(d.toISOString().slice(0, 7));
  }
  return months;
};

/** Same local wall-clock time `months` later (clamped to the end of a shorter month). */
export const addMonths = (instant: Date, months: number): Date => {
  const l = local(instant);
  const target = new Date(l.getTime());
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(l.getUTCDate(), lastDay));
  return new Date(target.getTime() - OFFSET_MS);
};

export const addYears = (instant: Date, years: number): Date => addMonths(instant, years * 12);

export const addDays = (instant: Date, days: number): Date => new Date(instant.getTime() + days * DAY_MS);

/** Whole days from `from` to `to` (0 when `to` is not after `from`). */
export const wholeDaysBetween = (from: Date, to: Date): number =>
  Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY_MS));

/** `YYYY-MM-DD` of the Shanghai day containing the instant. */
export const shanghaiDate = (instant: Date): string => local(instant).toISOString().slice(0, 10);

/** 00:00 in Shanghai of the day containing the instant. */
export const startOfShanghaiDay = (instant: Date): Date =>
  new Date(Date.parse(`${shanghaiDate(instant)}T00:00:00.000Z`) - OFFSET_MS);

/** 00:00 in Shanghai of the next day: the first instant after the day containing `instant`. */
export const endOfShanghaiDay = (instant: Date): Date => addDays(startOfShanghaiDay(instant), 1);
