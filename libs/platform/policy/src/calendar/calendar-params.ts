import { DomainError } from '@crm/event-sourcing';

/** One public holiday or make-up working day (調休) from an official notice. */
export interface CalendarDay {
  readonly date: string;
  readonly name: string;
}

/** One year's official notice as data: replaced or added by adopting a new policy version. */
export interface CalendarYear {
  readonly year: number;
  /** Which notice the dates come from, so an auditor can check them. */
  readonly source: string;
  readonly holidays: readonly CalendarDay[];
  readonly makeupWorkdays: readonly CalendarDay[];
}

/** Params of the `calendar.working-days` policy document. */
export interface WorkingCalendarParams {
  readonly timeZone: string;
  /**
   * Offset of `timeZone` from UTC. Asia/Shanghai has had no daylight saving since 1991, so one
   * fixed offset is exact and keeps the arithmetic free of the host's time-zone database.
   */
  readonly utcOffsetMinutes: number;
  /** Local wall-clock working hours, `HH:MM`. */
  readonly workingHours: { readonly start: string; readonly end: string };
  /** Days of the week (0 = Sunday ... 6 = Saturday) that are not worked unless a make-up day. */
  readonly weekendDays: readonly number[];
  readonly years: readonly CalendarYear[];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

const invalid = (message: string, details?: Record<string, unknown>): DomainError =>
  new DomainError('invalid', 'calendar.invalid_params', message, undefined, details);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const minutesOfDay = (hhmm: string): number => {
  const match = TIME.exec(hhmm);
  if (!match) throw invalid(`working hours must be HH:MM, got ${hhmm}`);
  return Number(match[1]) * 60 + Number(match[2]);
};

const parseDays = (year: number, value: unknown, field: string): CalendarDay[] => {
  if (!Array.isArray(value)) throw invalid(`${field} of ${year} must be an array`);
  return value.map((entry: unknown) => {
    if (!isRecord(entry) || typeof entry['date'] !== 'string' || typeof entry['name'] !== 'string') {
      throw invalid(`${field} of ${year}: each entry needs a date and a name`);
    }
    const match = DATE.exec(entry['date']);
    if (!match || Number(match[1]) !== year || Number.isNaN(Date.parse(`${entry['date']}T00:00:00Z`))) {
      throw invalid(`${field} of ${year}: ${entry['date']} is not a date in ${year}`);
    }
    return { date: entry['date'], name: entry['name'] };
  });
};

const parseYear = (value: unknown): CalendarYear => {
  if (!isRecord(value) || typeof value['year'] !== 'number' || !Number.isInteger(value['year'])) {
    throw invalid('each calendar year needs an integer year');
  }
  const year = value['year'];
  if (typeof value['source'] !== 'string' || value['source'].trim() === '') {
    throw invalid(`calendar year ${year} must name its source notice`);
  }
  const holidays = parseDays(year, value['holidays'], 'holidays');
  const makeupWorkdays = parseDays(year, value['makeupWorkdays'], 'makeupWorkdays');
  const clash = holidays.find((h) => makeupWorkdays.some((m) => m.date === h.date));
  if (clash) throw invalid(`${clash.date} is both a holiday and a make-up working day`);
  return { year, source: value['source'], holidays, makeupWorkdays };
};

/** Checks calendar params from code, JSON or an adopted policy version before they are used. */
export const parseWorkingCalendarParams = (input: unknown): WorkingCalendarParams => {
  if (!isRecord(input)) throw invalid('calendar params must be an object');
  const { timeZone, utcOffsetMinutes, workingHours, weekendDays, years } = input;
  if (typeof timeZone !== 'string') throw invalid('timeZone must be a string');
  if (typeof utcOffsetMinutes !== 'number' || !Number.isInteger(utcOffsetMinutes)) {
    throw invalid('utcOffsetMinutes must be an integer');
  }
  if (!isRecord(workingHours) || typeof workingHours['start'] !== 'string') {
    throw invalid('workingHours needs start and end');
  }
  if (typeof workingHours['end'] !== 'string') throw invalid('workingHours needs start and end');
  if (minutesOfDay(workingHours['start']) >= minutesOfDay(workingHours['end'])) {
    throw invalid('working hours must start before they end');
  }
  if (!Array.isArray(weekendDays) || weekendDays.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) {
    throw invalid('weekendDays must list days 0 (Sunday) to 6 (Saturday)');
  }
  if (!Array.isArray(years)) throw invalid('years must be an array');
  const parsed = years.map(parseYear);
  const seen = new Set<number>();
  for (const entry of parsed) {
    if (seen.has(entry.year)) throw invalid(`calendar year ${entry.year} appears twice`);
    seen.add(entry.year);
  }
  return {
    timeZone,
    utcOffsetMinutes,
    workingHours: { start: workingHours['start'], end: workingHours['end'] },
    weekendDays: weekendDays as number[],
    years: parsed,
  };
};
