import type { Clock } from '@crm/policy';
import type { DeadlineCalculator } from './deadline-calculator';

/**
 * /health warns (non-critical probe) while the calendar in force lacks this year's or next year's
 * holiday data: deadlines still compute (weekends only) but are marked `calendarIncomplete`.
 */
export const calendarCoverageProbe =
  (deadlines: DeadlineCalculator, clock: Clock) => async (): Promise<boolean> => {
    const now = clock.now();
    const missing = (await deadlines.calendarAt(now)).missingYearsAround(now);
    if (missing.length > 0) {
      throw new Error(
        `calendarIncomplete: no holiday data for ${missing.join(', ')}; adopt a new calendar version`,
      );
    }
    return true;
  };
