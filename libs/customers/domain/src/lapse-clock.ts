/** Asia/Shanghai has had no daylight saving since 1991: a fixed +08:00 offset is exact. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `months` calendar months after `from`, counted on the Shanghai calendar (domain: every business
 * rule's time zone). The day is clamped to the target month's end: 30 Nov + 3 months = 28/29 Feb.
 */
export const addShanghaiMonths = (from: string, months: number): string => {
  const local = new Date(Date.parse(from) + SHANGHAI_OFFSET_MS);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const shifted = Date.UTC(
    year,
    month,
    Math.min(local.getUTCDate(), lastDay),
    local.getUTCHours(),
    local.getUTCMinutes(),
    local.getUTCSeconds(),
    local.getUTCMilliseconds(),
  );
  return new Date(shifted - SHANGHAI_OFFSET_MS).toISOString();
};

/** When a customer last served at `lastServiceAt` lapses (ARC-70, ⚙ 3 months in policy v1). */
export const lapseDeadline = (lastServiceAt: string, lapseAfterMonths: number): string =>
  addShanghaiMonths(lastServiceAt, lapseAfterMonths);

/** True when the deadline falls within `days` after `now` (the watch-list, ⚙ 14 days). */
export const dueWithin = (deadline: string, now: Date, days: number): boolean =>
  Date.parse(deadline) - now.getTime() <= days * DAY_MS;
