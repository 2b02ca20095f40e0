import type { Clock } from '@crm/policy';
import type { DeadlineCalculator } from './deadline-calculator';

/**
 * /health warns (non-critical probe) while the calendar in force lacks this year's or next year's
 * adopted notice: deadlines still compute on the statutory holidays but are provisional (marked
 * `calendarIncomplete`) and move when the year is adopted.
 */
export const calendarCoverageProbe =
  (deadlines: DeadlineCalculator, clock: Clock) => async (): Promise<boolean> => {
    const now = clock.now();
    const missing = (await deadlines.calendarAt(now)).missingYearsAround(now);
    if (missing.length > 0) {
      throw new Error(
        `calendarIncomplete: no holiday data for ${missing.join(', ')}; deadlines are provisional ` +
          '(statutory holidays only) until the year is adopted (PUT /calendar/years/{year})',
      );
    }
    return true;
  };
