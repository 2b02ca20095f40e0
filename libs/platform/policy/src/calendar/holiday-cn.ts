import { DomainError } from '@crm/event-sourcing';
import type { CalendarYear } from './calendar-params';

/** One day of the holiday-cn JSON layout: a day off (holiday) or a make-up working day (調休). */
export interface HolidayCnDay {
  readonly name: string;
  readonly date: string;
  readonly isOffDay: boolean;
}

/** The holiday-cn JSON layout of one year's notice: `{ year, days: [{ name, date, isOffDay }] }`. */
export interface HolidayCnYear {
  readonly year: number;
  readonly days: readonly HolidayCnDay[];
}

const invalid = (message: string, field: string): DomainError =>
  new DomainError('invalid', 'calendar.invalid_year', message, undefined, { field });

/**
 * A year in the holiday-cn layout as calendar data. Shape problems name the field (`days[3].date`);
 * the calendar's own checks (dates inside the year, no day both off and worked) follow on adoption.
 */
export const calendarYearFromHolidayCn = (input: HolidayCnYear, source: string): CalendarYear => {
  if (!Number.isInteger(input.year)) throw invalid('year must be an integer', 'year');
  if (!Array.isArray(input.days)) throw invalid('days must be an array', 'days');
  const seen = new Set<string>();
  input.days.forEach((day, i) => {
    if (typeof day.date !== 'string' || !day.date.startsWith(`${input.year}-`)) {
      throw invalid(`days[${i}].date must be a date in ${input.year}`, `days[${i}].date`);
    }
    if (seen.has(day.date)) throw invalid(`${day.date} is listed twice`, `days[${i}].date`);
    seen.add(day.date);
    if (typeof day.name !== 'string' || day.name.trim() === '') {
      throw invalid(`days[${i}].name must not be empty`, `days[${i}].name`);
    }
  });
  const pick = (off: boolean) =>
    input.days
      .filter((d) => d.isOffDay === off)
      .map((d) => ({ date: d.date, name: d.name.trim() }))
      .sort((a, b) => a.date.localeCompare(b.date));
  return { year: input.year, source, holidays: pick(true), makeupWorkdays: pick(false) };
};

/** Calendar data of one year back in the holiday-cn layout (what the console edits). */
export const holidayCnFromCalendarYear = (year: CalendarYear): HolidayCnYear => ({
  year: year.year,
  days: [
    ...year.holidays.map((d) => ({ ...d, isOffDay: true })),
    ...year.makeupWorkdays.map((d) => ({ ...d, isOffDay: false })),
  ].sort((a, b) => a.date.localeCompare(b.date)),
});
