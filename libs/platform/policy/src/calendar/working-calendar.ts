import { type CalendarYear, minutesOfDay, parseWorkingCalendarParams } from './calendar-params';
import { statutoryHolidays } from './statutory-holidays';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** No deadline reaches further than this; a longer walk means the data is broken. */
const MAX_DAYS_WALKED = 3_660;

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface DayInfo {
  /** Local date `YYYY-MM-DD` in the calendar's time zone. */
  readonly date: string;
  readonly working: boolean;
  readonly kind: DayKind;
  readonly name?: string;
  /**
   * False when the year has no adopted notice: the statutory holidays the regulation fixes every
   * year and the weekends were applied, without the notice's bridges and make-up working days.
   */
  readonly known: boolean;
}

/** What a computation used: recorded with the decision that relied on it. */
export interface CalendarBasis {
  readonly calendarVersion: string;
  /** True when a year without holiday data was crossed: the result assumes weekends only. */
  readonly calendarIncomplete: boolean;
  readonly missingYears: readonly number[];
  /**
   * True when a year without an adopted notice was crossed: the result rests on the statutory
   * holidays alone and may move when that year's calendar is adopted.
   */
  readonly provisional: boolean;
}

export interface CalendarInstant extends CalendarBasis {
  readonly at: Date;
}

export interface CalendarDuration extends CalendarBasis {
  readonly workingMinutes: number;
}

interface Walk {
  readonly missing: Set<number>;
}

/**
 * Working days and working hours for one time zone, with public holidays and make-up working days
 * (調休) as data per year. Pure: everything comes from the params of one policy version.
 */
export class WorkingCalendar {
  private readonly offsetMs: number;
  private readonly dayStart: number;
  private readonly dayEnd: number;
  private readonly weekend: ReadonlySet<number>;
  private readonly special = new Map<string, { kind: 'holiday' | 'makeup_workday'; name: string }>();
  private readonly years = new Map<number, CalendarYear>();
  /** Statutory holidays of years without a notice, computed once per year on first use. */
  private readonly statutory = new Map<number, ReadonlyMap<string, string>>();

  constructor(
    params: unknown,
    readonly version: string,
  ) {
    const parsed = parseWorkingCalendarParams(params);
    this.offsetMs = parsed.utcOffsetMinutes * MINUTE;
    this.dayStart = minutesOfDay(parsed.workingHours.start) * MINUTE;
    this.dayEnd = minutesOfDay(parsed.workingHours.end) * MINUTE;
    this.weekend = new Set(parsed.weekendDays);
    for (const year of parsed.years) {
      this.years.set(year.year, year);
      for (const day of year.holidays) this.special.set(day.date, { kind: 'holiday', name: day.name });
      for (const day of year.makeupWorkdays) {
        this.special.set(day.date, { kind: 'makeup_workday', name: day.name });
      }
    }
  }

  /** Working hours in one working day (9 with the default 09:00–18:00). */
  get hoursPerDay(): number {
    return (this.dayEnd - this.dayStart) / (60 * MINUTE);
  }

  coveredYears(): number[] {
    return [...this.years.keys()].sort((a, b) => a - b);
  }

  /** Years around `at` (its own and the next) that have no data yet: what /health warns about. */
  missingYearsAround(at: Date): number[] {
    const year = this.localYear(at);
    return [year, year + 1].filter((y) => !this.years.has(y));
  }

  /** The local date of an instant, `YYYY-MM-DD`. */
  localDate(at: Date): string {
    return dateOfDayIndex(this.dayIndex(at.getTime()));
  }

  dayInfo(date: string): DayInfo {
    const index = Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY);
    return this.infoOf(index, { missing: new Set() });
  }

  isWorkingDay(date: string): boolean {
    return this.dayInfo(date).working;
  }

  /**
   * `hours` working hours after `start`. Time outside working hours does not count, so a start on a
   * holiday or after 18:00 begins at the next working day's 09:00; a result that exactly uses up a
   * day is that day's 18:00, not the next morning.
   */
  addWorkingHours(start: Date, hours: number): CalendarInstant {
    const walk: Walk = { missing: new Set() };
    let remaining = Math.round(hours * 60) * MINUTE;
    let local = start.getTime() + this.offsetMs;
    if (remaining <= 0) return this.result(new Date(start.getTime()), walk);
    for (let walked = 0; walked < MAX_DAYS_WALKED; walked++) {
      const index = Math.floor(local / DAY);
      if (this.infoOf(index, walk).working) {
        const open = index * DAY + this.dayStart;
        const close = index * DAY + this.dayEnd;
        const from = Math.max(local, open);
        if (from < close) {
          if (remaining <= close - from) return this.result(new Date(from + remaining - this.offsetMs), walk);
          remaining -= close - from;
        }
      }
      local = (index + 1) * DAY;
    }
    throw new Error(`no ${hours} working hours within ${MAX_DAYS_WALKED} days of ${start.toISOString()}`);
  }

  /** `days` whole working days after `start`, counted as `days × hoursPerDay` working hours. */
  addWorkingDays(start: Date, days: number): CalendarInstant {
    return this.addWorkingHours(start, days * this.hoursPerDay);
  }

  /** `hours` working hours before `end` (e.g. the warning 4 working hours before a deadline). */
  subtractWorkingHours(end: Date, hours: number): CalendarInstant {
    const walk: Walk = { missing: new Set() };
    let remaining = Math.round(hours * 60) * MINUTE;
    let local = end.getTime() + this.offsetMs;
    if (remaining <= 0) return this.result(new Date(end.getTime()), walk);
    for (let walked = 0; walked < MAX_DAYS_WALKED; walked++) {
      // An instant at exactly 00:00 belongs to the previous day's working hours when walking back.
      const index = Math.ceil(local / DAY) - 1;
      if (this.infoOf(index, walk).working) {
        const open = index * DAY + this.dayStart;
        const close = index * DAY + this.dayEnd;
        const to = Math.min(local, close);
        if (to > open) {
          if (remaining <= to - open) return this.result(new Date(to - remaining - this.offsetMs), walk);
          remaining -= to - open;
        }
      }
      local = index * DAY;
    }
    throw new Error(`no ${hours} working hours within ${MAX_DAYS_WALKED} days before ${end.toISOString()}`);
  }

  /** Working time between two instants (0 when `to` is not after `from`). */
  workingTimeBetween(from: Date, to: Date): CalendarDuration {
    const walk: Walk = { missing: new Set() };
    const start = from.getTime() + this.offsetMs;
    const end = to.getTime() + this.offsetMs;
    let total = 0;
    for (let index = Math.floor(start / DAY); index * DAY < end; index++) {
      if (!this.infoOf(index, walk).working) continue;
      const open = Math.max(start, index * DAY + this.dayStart);
      const close = Math.min(end, index * DAY + this.dayEnd);
      if (close > open) total += close - open;
    }
    return { workingMinutes: Math.round(total / MINUTE), ...this.basis(walk) };
  }

  private dayIndex(utcMs: number): number {
    return Math.floor((utcMs + this.offsetMs) / DAY);
  }

  private localYear(at: Date): number {
    return Number(this.localDate(at).slice(0, 4));
  }

  private infoOf(index: number, walk: Walk): DayInfo {
    const date = dateOfDayIndex(index);
    const year = Number(date.slice(0, 4));
    const known = this.years.has(year);
    if (!known) walk.missing.add(year);
    const special = known ? this.special.get(date) : this.statutoryHoliday(year, date);
    if (special) {
      return {
        date,
        working: special.kind === 'makeup_workday',
        kind: special.kind,
        name: special.name,
        known,
      };
    }
    const weekday = new Date(index * DAY).getUTCDay();
    const weekend = this.weekend.has(weekday);
    return { date, working: !weekend, kind: weekend ? 'weekend' : 'workday', known };
  }

  private statutoryHoliday(year: number, date: string): { kind: 'holiday'; name: string } | undefined {
    let days = this.statutory.get(year);
    if (!days) {
      days = new Map(statutoryHolidays(year).map((d) => [d.date, d.name]));
      this.statutory.set(year, days);
    }
    const name = days.get(date);
    return name === undefined ? undefined : { kind: 'holiday', name };
  }

  private basis(walk: Walk): CalendarBasis {
    const missingYears = [...walk.missing].sort((a, b) => a - b);
    const incomplete = missingYears.length > 0;
    return {
      calendarVersion: this.version,
      calendarIncomplete: incomplete,
      missingYears,
      provisional: incomplete,
    };
  }

  private result(at: Date, walk: Walk): CalendarInstant {
    return { at, ...this.basis(walk) };
  }
}

const dateOfDayIndex = (index: number): string => new Date(index * DAY).toISOString().slice(0, 10);
